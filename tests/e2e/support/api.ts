/** Direct API calls for test set-up (e.g. "take a child id as the teacher"): never via the UI. */
import { expect, type APIRequestContext } from '@playwright/test';
import { API_BASE_URL, DEMO_PASSWORD, USERS, type DemoUser } from './env';

export type ChildSummary = {
  id: string;
  givenName: string;
  familyName: string;
  groupId: string | null;
  dateOfBirth: string;
};

export type GroupSummary = { id: string; name: string; kind: string; grade: number | null };

export class Api {
  constructor(private readonly request: APIRequestContext) {}

  /** POST /auth/token (OAuth2 password grant, form body); returns the access token. */
  async token(user: DemoUser): Promise<string> {
    const response = await this.request.post(`${API_BASE_URL}/auth/token`, {
      form: { grant_type: 'password', username: USERS[user], password: DEMO_PASSWORD },
    });
    expect(response.status(), await response.text()).toBe(200);
    const body = (await response.json()) as { access_token: string };
    return body.access_token;
  }

  /** Every child the user may see (follows nextCursor). */
  async children(user: DemoUser, query: Record<string, string> = {}): Promise<ChildSummary[]> {
    const token = await this.token(user);
    const items: ChildSummary[] = [];
    let cursor: string | null = null;
    do {
      const params: Record<string, string> = { ...query, limit: '100' };
      if (cursor) params.cursor = cursor;
      const response = await this.request.get(`${API_BASE_URL}/children`, {
        params,
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status(), await response.text()).toBe(200);
      const page = (await response.json()) as { items: ChildSummary[]; nextCursor: string | null };
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  /** GET /children/{childId}/guardians as `user`: the guardians' display names. */
  async guardianNames(user: DemoUser, childId: string): Promise<string[]> {
    const token = await this.token(user);
    const response = await this.request.get(`${API_BASE_URL}/children/${childId}/guardians`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status(), await response.text()).toBe(200);
    // A plain array today; a { items } page if the endpoint is paginated like the other lists.
    const body = (await response.json()) as { displayName: string }[] | { items: { displayName: string }[] };
    return (Array.isArray(body) ? body : body.items).map((guardian) => guardian.displayName);
  }

  /** GET /groups/{groupId} as `user`: its name, kind and (for a school class) grade. */
  async group(user: DemoUser, groupId: string): Promise<GroupSummary> {
    const token = await this.token(user);
    const response = await this.request.get(`${API_BASE_URL}/groups/${groupId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as GroupSummary;
  }

  /** GET /me with a given access token: its HTTP status (200 while the token works). */
  async meStatus(accessToken: string): Promise<number> {
    const response = await this.request.get(`${API_BASE_URL}/me`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    return response.status();
  }
}

/** POST /auth/token for a demo user (password grant); the access token, for set-up calls. */
export async function tokenFor(request: APIRequestContext, user: DemoUser): Promise<string> {
  return tokenForEmail(request, USERS[user]);
}

/** The same for any demo account by its address (a class teacher of one grade, say). */
export async function tokenForEmail(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post(`${API_BASE_URL}/auth/token`, {
    form: { grant_type: 'password', username: email, password: DEMO_PASSWORD },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** One API call with `token` that must succeed; its JSON body (none for a 204). */
export async function call<T>(request: APIRequestContext, token: string, method: string, path: string, data?: unknown): Promise<T> {
  const response = await request.fetch(`${API_BASE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}` },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}
