import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import { AppProvider } from '@/app/provider';
import type { PrefetchDeps } from '@/app/prefetch';
import type { Me } from '@/features/auth/api/get-me';
import { configureApi, createApiClient } from '@/lib/api-client';
import { createTokenStore, type Tokens, type TokenStore } from '@/lib/auth';
import { createQueryClient } from '@/lib/query';

export const API = 'http://api.test/api/v1';

export type Handler = (request: Request) => Response | Promise<Response>;

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

export function problem(status: number, detail: string, headers: Record<string, string> = {}) {
  return new Response(
    JSON.stringify({ type: `https://kindcentraal.nl/problems/${status}`, title: 'Error', status, detail }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

/** A problem whose `type` names its kind, e.g. `two-factor-required`. */
export function typedProblem(status: number, kind: string, detail = 'Problem') {
  return new Response(
    JSON.stringify({ type: `https://kindcentraal.nl/problems/${kind}`, title: 'Error', status, detail }),
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** A problem+json answer with extension members (`errors`, `conflicts`, `reason`). */
export function problemWith(status: number, detail: string, extra: Record<string, unknown>): Response {
  return new Response(
    JSON.stringify({ type: `https://kindcentraal.nl/problems/${status}`, title: 'Error', status, detail, ...extra }),
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** A 400 naming one field (its JSON pointer) and a code, as the API refuses a body. */
export function invalid(location: string, code: string, detail = 'Refused.'): Response {
  return problemWith(400, detail, { title: 'Invalid input', errors: [{ in: 'body', location, code, detail }] });
}

/** Stubs the global fetch: every request the app sends is recorded and answered by `handler`. */
export function mockFetch(handler: Handler) {
  const requests: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request.clone());
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, requests };
}

/**
 * Answers as the fetch mock `api` does, except that the answer to `path` (the API's path, e.g.
 * `/me`) waits until `release()`: for what a screen does while one request is on its way.
 * `sent()` lists the paths (with their query) of every request sent so far.
 */
export function holdAnswer(api: { fetchMock: ReturnType<typeof mockFetch>['fetchMock'] }, path: string) {
  const answer = api.fetchMock.getMockImplementation()!;
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const { requests } = mockFetch(async (request) => {
    if (new URL(request.url).pathname === `/api/v1${path}`) await held;
    return answer(request);
  });
  const sent = () => requests.map((request) => `${new URL(request.url).pathname}${new URL(request.url).search}`);
  return { release, sent };
}

/** Answers a write itself (a test's own answer); undefined: the fixture's default answer. */
export type WriteAnswer = (request: Request) => Response | undefined | Promise<Response | undefined>;

/**
 * A feature's API for its screens' tests, on `mockFetch`. A write is answered by the test's
 * `write` first, then by `defaultWrite`; a read by `read`. Both see the path without the API
 * prefix. /me answers `me`, /notifications an empty list, and what nothing answers is a 404.
 */
export function mockApi({
  me,
  write,
  defaultWrite,
  read,
}: {
  me: Me;
  write?: WriteAnswer;
  defaultWrite?: (request: Request, path: string) => Response | undefined | Promise<Response | undefined>;
  read: (path: string, query: URLSearchParams) => Response | undefined;
}) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace('/api/v1', '');
    if (request.method !== 'GET') {
      const answer = (await write?.(request.clone())) ?? (await defaultWrite?.(request, path));
      return answer ?? problem(404, 'Not found');
    }
    if (path === '/me') return json(me);
    if (path === '/notifications') return json({ items: [], nextCursor: null, unreadCount: 0 });
    return read(path, url.searchParams) ?? problem(404, 'Not found');
  });
}

/** Who is logged in (GET /me): Lotte, with these memberships (her roles follow from them). */
export function testMe(memberships: Me['memberships'] = [], overrides: Partial<Me> = {}): Me {
  return {
    id: 'u-lotte',
    tenantId: 't',
    email: 'lotte@regenboog.demo',
    displayName: 'Lotte Leerkracht',
    roles: memberships.map((m) => m.role),
    memberships,
    isGuardian: false,
    careCoordinatorCentreIds: [],
    twoFactor: { enabled: false, enrolmentRequired: false, mandatory: false, recoveryCodesLeft: 0 },
    ...overrides,
  } as Me;
}

export function testTokens(overrides: Partial<Tokens> = {}): Tokens {
  return {
    accessToken: 'access-1',
    expiresAt: Date.now() + 15 * 60_000,
    ...overrides,
  };
}

/** A store (signed in with `tokens`, or signed out) and an API client bound to the test base URL. */
export function setupApi(tokens: Tokens | null = testTokens()): TokenStore {
  const store = createTokenStore(tokens ? 'checking' : 'signedOut');
  if (tokens) store.set(tokens);
  configureApi(createApiClient({ baseUrl: API, store }));
  return store;
}

type RenderRouteOptions = {
  /** Routes, or the app's routes as `appRoutes` builds them (their loaders need the query client). */
  routes: RouteObject[] | ((deps: PrefetchDeps) => RouteObject[]);
  path: string;
  store: TokenStore;
} & Omit<RenderOptions, 'wrapper'>;

/** Renders routes inside the real providers, with a router in memory at `path`. */
export function renderRoutes({ routes, path, store, ...options }: RenderRouteOptions) {
  const queryClient = createQueryClient({
    queries: { retry: false, staleTime: Infinity },
    mutations: { retry: false },
  });
  const routeObjects = typeof routes === 'function' ? routes({ queryClient, store }) : routes;
  const router = createMemoryRouter(routeObjects, { initialEntries: [path] });
  const result = render(
    <AppProvider queryClient={queryClient} store={store}>
      <RouterProvider router={router} />
    </AppProvider>,
    options,
  );
  return { ...result, router, queryClient };
}

export function renderWithProviders(ui: ReactElement, store: TokenStore, path = '/') {
  return renderRoutes({ routes: [{ path: '*', element: ui as ReactNode }], path, store });
}
