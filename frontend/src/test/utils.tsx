import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import { AppProvider } from '@/app/provider';
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

export function testTokens(overrides: Partial<Tokens> = {}): Tokens {
  return {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    expiresAt: Date.now() + 15 * 60_000,
    ...overrides,
  };
}

/** A memory-only store and an API client bound to the test base URL. */
export function setupApi(tokens: Tokens | null = testTokens()): TokenStore {
  const store = createTokenStore(null);
  if (tokens) store.set(tokens);
  configureApi(createApiClient({ baseUrl: API, store }));
  return store;
}

type RenderRouteOptions = {
  routes: RouteObject[];
  path: string;
  store: TokenStore;
} & Omit<RenderOptions, 'wrapper'>;

/** Renders routes inside the real providers, with a router in memory at `path`. */
export function renderRoutes({ routes, path, store, ...options }: RenderRouteOptions) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient({
    queries: { retry: false, staleTime: Infinity },
    mutations: { retry: false },
  });
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
