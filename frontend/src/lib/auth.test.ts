import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, configureApi, createApiClient, resumeSession, unwrap } from '@/lib/api-client';
import { createRefresher, createTokenStore, tokensFromResponse, type Tokens } from '@/lib/auth';
import { API, json, mockFetch, problem } from '@/test/utils';

const tokens = (n: number): Tokens => ({ accessToken: `access-${n}`, expiresAt: Date.now() + 900_000 });
const answer = (n: number) => ({ access_token: `access-${n}`, token_type: 'bearer', expires_in: 900 });

afterEach(() => {
  vi.unstubAllGlobals();
  window.sessionStorage.clear();
  window.localStorage.clear();
});

describe('token store', () => {
  it('starts by checking: the refresh cookie may hold a session the page cannot see', () => {
    const store = createTokenStore();
    expect(store.session()).toEqual({ status: 'checking', tokens: null });
  });

  it('keeps the access token in memory only, never in web storage', () => {
    const store = createTokenStore();
    const kept = tokens(1); // its expiry is read off the clock: one value, not two a millisecond apart
    store.set(kept);
    expect(store.session()).toEqual({ status: 'signedIn', tokens: kept });
    expect(window.sessionStorage.length).toBe(0);
    expect(window.localStorage.length).toBe(0);
    // A new page (a reload, the app reopened) starts without it.
    expect(createTokenStore().get()).toBeNull();
  });

  it('forgets the token on clear and tells subscribers once', () => {
    const store = createTokenStore();
    store.set(tokens(1));
    const listener = vi.fn();
    store.subscribe(listener);
    store.clear();
    store.clear();
    expect(store.session()).toEqual({ status: 'signedOut', tokens: null });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('turns the RFC 6749 token answer into an access token with its expiry time', () => {
    expect(tokensFromResponse({ access_token: 'a', token_type: 'bearer', expires_in: 900 }, 1_000)).toEqual({
      accessToken: 'a',
      expiresAt: 901_000,
    });
  });
});

describe('refresher', () => {
  it('shares one exchange between callers: a refresh token is spent on first use', async () => {
    const store = createTokenStore();
    let release: (value: Tokens) => void = () => {};
    const exchange = vi.fn(() => new Promise<Tokens>((resolve) => (release = resolve)));
    const refresh = createRefresher(store, exchange, null);
    const both = Promise.all([refresh(), refresh()]);
    release(tokens(2));
    expect(await both).toEqual([true, true]);
    expect(exchange).toHaveBeenCalledTimes(1);
    expect(store.get()?.accessToken).toBe('access-2');
    // Done: the next refresh is a new exchange.
    exchange.mockResolvedValueOnce(tokens(3));
    await refresh();
    expect(exchange).toHaveBeenCalledTimes(2);
  });

  it('signs out when the API refuses, and keeps checking when there is no answer', async () => {
    const offline = createTokenStore();
    expect(await createRefresher(offline, () => Promise.reject(new TypeError('offline')), null)()).toBe(false);
    expect(offline.session().status).toBe('checking');

    const refused = createTokenStore();
    expect(await createRefresher(refused, () => Promise.resolve(null), null)()).toBe(false);
    expect(refused.session().status).toBe('signedOut');
  });

  it('queues refreshes of all tabs behind one Web Lock', async () => {
    const names: string[] = [];
    const locks = {
      request<T>(name: string, callback: () => Promise<T>) {
        names.push(name);
        return callback();
      },
    };
    const store = createTokenStore();
    await createRefresher(store, () => Promise.resolve(tokens(4)), locks)();
    expect(names).toEqual(['kindcentraal.refresh']);
    expect(store.get()?.accessToken).toBe('access-4');
  });
});

describe('starting the app', () => {
  it('says when the refresh request is on its way, before its answer: the first render waits only for that', async () => {
    const store = createTokenStore();
    configureApi(createApiClient({ baseUrl: API, store }));
    let answerNow: (response: Response) => void = () => undefined;
    const { requests } = mockFetch(() => new Promise<Response>((resolve) => (answerNow = resolve)));

    const { sent, signedIn } = resumeSession();
    let answered = false;
    void signedIn.then(() => (answered = true));
    await sent;
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/auth/refresh']);
    expect(answered).toBe(false);

    answerNow(json(answer(8)));
    expect(await signedIn).toBe(true);
    expect(store.get()?.accessToken).toBe('access-8');
  });

  it('resumes a session from the refresh cookie: a JSON refresh with credentials, then the bearer token', async () => {
    const store = createTokenStore();
    configureApi(createApiClient({ baseUrl: API, store }));
    const { requests } = mockFetch(async (request) => {
      if (request.url.endsWith('/auth/refresh')) return json(answer(7));
      return request.headers.get('Authorization') === 'Bearer access-7' ? json({ id: 'u1' }) : problem(401, 'No');
    });

    expect(await resumeSession().signedIn).toBe(true);
    expect(store.session().status).toBe('signedIn');
    const refresh = requests[0]!;
    expect(refresh.credentials).toBe('include');
    expect(refresh.headers.get('Content-Type')).toBe('application/json');
    expect(await refresh.json()).toEqual({});

    await unwrap(api().GET('/me'));
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/auth/refresh', '/api/v1/me']);
  });

  it('a first request while checking waits for the refresh instead of going out bare', async () => {
    const store = createTokenStore();
    configureApi(createApiClient({ baseUrl: API, store }));
    const { requests } = mockFetch(async (request) =>
      request.url.endsWith('/auth/refresh') ? json(answer(8)) : json({ id: 'u1' }),
    );

    await unwrap(api().GET('/me'));

    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/auth/refresh', '/api/v1/me']);
    expect(requests[1]!.headers.get('Authorization')).toBe('Bearer access-8');
  });

  it('without a signed-in device: signed out after one refused refresh, the request goes out bare', async () => {
    const store = createTokenStore();
    configureApi(createApiClient({ baseUrl: API, store }));
    const { requests } = mockFetch(async () => problem(401, 'No session'));

    const error = await unwrap(api().GET('/me')).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 401 });
    expect(store.session().status).toBe('signedOut');
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/auth/refresh', '/api/v1/me']);
    expect(requests[1]!.headers.get('Authorization')).toBeNull();
  });

  it('renews an access token that is about to expire before sending it', async () => {
    const store = createTokenStore();
    store.set({ accessToken: 'old', expiresAt: Date.now() + 1_000 });
    configureApi(createApiClient({ baseUrl: API, store }));
    const { requests } = mockFetch(async (request) =>
      request.url.endsWith('/auth/refresh') ? json(answer(9)) : json({ id: 'u1' }),
    );

    await unwrap(api().GET('/me'));

    expect(requests[1]!.headers.get('Authorization')).toBe('Bearer access-9');
  });
});
