import { describe, expect, it } from 'vitest';
import { api, ApiError, fetchAllPages, unwrap } from '@/lib/api-client';
import { API, json, mockFetch, problem, setupApi, testTokens } from '@/test/utils';

const tokenAnswer = (n: number) => ({
  access_token: `access-${n}`,
  token_type: 'bearer',
  expires_in: 900,
});

const me = { id: 'u1', displayName: 'Fatima', roles: [], memberships: [], isGuardian: false };

describe('auth middleware', () => {
  it('sends the access token as a bearer token', async () => {
    setupApi();
    const { requests } = mockFetch(() => json(me));
    await unwrap(api().GET('/me'));
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe(`${API}/me`);
    expect(requests[0]!.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('refreshes once after a 401 and retries the request with the new token', async () => {
    const store = setupApi();
    const { requests } = mockFetch(async (request) => {
      if (request.url.endsWith('/auth/refresh')) return json(tokenAnswer(2));
      return request.headers.get('Authorization') === 'Bearer access-2'
        ? json(me)
        : problem(401, 'Token expired');
    });

    const data = await unwrap(api().GET('/me'));

    expect(data).toEqual(me);
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /api/v1/me',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/me',
    ]);
    // The refresh token is the HttpOnly cookie: credentials go along, the body is empty JSON.
    const refresh = requests[1]!;
    expect(refresh.headers.get('Content-Type')).toBe('application/json');
    expect(refresh.credentials).toBe('include');
    expect(await refresh.json()).toEqual({});
    expect(store.get()).toMatchObject({ accessToken: 'access-2' });
  });

  it('gives up on a second 401: no second refresh, and the session ends', async () => {
    const store = setupApi();
    const { requests } = mockFetch(async (request) =>
      request.url.endsWith('/auth/refresh') ? json(tokenAnswer(2)) : problem(401, 'Nope'),
    );

    const error = await unwrap(api().GET('/me')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(requests).toHaveLength(3);
    expect(requests.filter((r) => r.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(store.get()).toBeNull();
  });

  it('ends the session without a retry when the refresh token is refused', async () => {
    const store = setupApi();
    const { requests } = mockFetch(async () => problem(401, 'Spent'));

    const error = await unwrap(api().GET('/me')).catch((e: unknown) => e);

    expect((error as ApiError).status).toBe(401);
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual([
      '/api/v1/me',
      '/api/v1/auth/refresh',
    ]);
    expect(store.get()).toBeNull();
  });

  it('shares one refresh between requests that fail at the same time', async () => {
    const store = setupApi();
    let refreshes = 0;
    const { requests } = mockFetch(async (request) => {
      if (request.url.endsWith('/auth/refresh')) {
        refreshes += 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
        return json(tokenAnswer(2));
      }
      return request.headers.get('Authorization') === 'Bearer access-2'
        ? json({ items: [], nextCursor: null })
        : problem(401, 'Expired');
    });

    await Promise.all([
      unwrap(api().GET('/groups')),
      unwrap(api().GET('/organisations')),
      unwrap(api().GET('/children')),
    ]);

    expect(refreshes).toBe(1);
    expect(requests).toHaveLength(7);
    expect(store.get()?.accessToken).toBe('access-2');
  });

  it('sends the same body again when it retries a POST', async () => {
    setupApi();
    const { requests } = mockFetch(async (request) => {
      if (request.url.endsWith('/auth/refresh')) return json(tokenAnswer(2));
      return request.headers.get('Authorization') === 'Bearer access-2'
        ? new Response(null, { status: 204 })
        : problem(401, 'Expired');
    });

    await api().POST('/auth/logout', { body: { refreshToken: 'a-client-token-0123' } });

    const logouts = requests.filter((r) => r.url.endsWith('/auth/logout'));
    expect(logouts).toHaveLength(2);
    expect(await logouts[1]!.json()).toEqual({ refreshToken: 'a-client-token-0123' });
  });

  it('never refreshes after a 401 from the login itself', async () => {
    const store = setupApi(null);
    const { requests } = mockFetch(async () => problem(401, 'Wrong credentials'));

    const { response } = await api().POST('/auth/token', {
      body: { grant_type: 'password', username: 'a@b.nl', password: 'x', scope: '' },
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
    });

    expect(response.status).toBe(401);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.get('Authorization')).toBeNull();
    expect(store.get()).toBeNull();
  });

  it('does not send a bearer token or refresh when there is no session', async () => {
    setupApi(null);
    const { requests } = mockFetch(async () => problem(401, 'Login needed'));
    const error = await unwrap(api().GET('/me')).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(401);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.get('Authorization')).toBeNull();
  });
});

describe('unwrap', () => {
  it('throws an ApiError with the problem detail and Retry-After', async () => {
    setupApi(testTokens());
    mockFetch(async () => problem(429, 'Too many attempts', { 'Retry-After': '600' }));
    const error = (await unwrap(api().GET('/me')).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(429);
    expect(error.problem?.detail).toBe('Too many attempts');
    expect(error.retryAfterSeconds).toBe(600);
  });
});

describe('fetchAllPages', () => {
  it('follows nextCursor to the last page', async () => {
    const cursors: (string | undefined)[] = [];
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      start: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3], nextCursor: 'c' },
      c: { items: [4], nextCursor: null },
    };
    const items = await fetchAllPages(async (cursor) => {
      cursors.push(cursor);
      return pages[cursor ?? 'start']!;
    });
    expect(items).toEqual([1, 2, 3, 4]);
    expect(cursors).toEqual([undefined, 'b', 'c']);
  });

  it('stops after maxPages', async () => {
    let calls = 0;
    await fetchAllPages(async () => {
      calls += 1;
      return { items: [calls], nextCursor: 'again' };
    }, 3);
    expect(calls).toBe(3);
  });
});
