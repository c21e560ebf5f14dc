import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from '@/api/schema';
import { createRefresher, tokensFromResponse, type TokenStore } from '@/lib/auth';

export type ApiClient = Client<paths>;
export type Problem = components['schemas']['Problem'];

/** A non-2xx answer of the API, carrying its problem+json body when there is one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  /** Seconds from a `Retry-After` header (429), when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Problem | null, retryAfterSeconds: number | null = null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * True when the error is an API answer whose problem `type` ends in `/<kind>`, such as
 * `two-factor-required`: the type URI names the kind of error stably, the status does not.
 */
export function hasProblemType(error: unknown, kind: string): boolean {
  return error instanceof ApiError && (error.problem?.type ?? '').endsWith(`/${kind}`);
}

/** True when a 400 answer names this code for one of its invalid inputs (`errors[].code`). */
export function hasInvalidParamCode(error: unknown, code: string): boolean {
  return (
    error instanceof ApiError &&
    error.status === 400 &&
    (error.problem?.errors ?? []).some((param) => param.code === code)
  );
}

/** True for a 403 or 404: the server does not show this to the caller, so neither do we. */
export function isHiddenFromCaller(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function toApiError(response: Response, body: unknown): ApiError {
  return new ApiError(
    response.status,
    isProblem(body) ? body : null,
    parseRetryAfter(response.headers.get('Retry-After')),
  );
}

/** Turns an openapi-fetch result into its data, or throws an ApiError. */
export async function unwrap<D>(
  pending: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<D> {
  const { data, error, response } = await pending;
  if (!response.ok) throw toApiError(response, error);
  return data as D;
}

/** Follows `nextCursor` until the last page; lists that feed a lookup table need every row. */
export async function fetchAllPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>,
  maxPages = 20,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await fetchPage(cursor);
    all.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return all;
}

/** Paths whose 401 means "wrong credentials" or "spent refresh token", never "refresh and retry". */
const NO_REFRESH_PATHS = new Set(['/auth/token', '/auth/refresh']);
/** An access token this close to its end is renewed before it is sent. */
const EXPIRY_MARGIN_MS = 10_000;

export type AuthMiddlewareOptions = {
  store: TokenStore;
  /** Trades the refresh cookie for a new access token (createRefresher): true when it did. */
  refresh: () => Promise<boolean>;
};

/**
 * Adds the bearer token. Without one (the app just opened: the session lives in the refresh
 * cookie) or with one about to expire, it refreshes first; on a 401 it refreshes once and
 * retries the request once. Refreshes are shared (createRefresher).
 */
export function createAuthMiddleware({ store, refresh }: AuthMiddlewareOptions): Middleware {
  const copies = new Map<string, Request>();

  return {
    async onRequest({ request, schemaPath, id }) {
      if (NO_REFRESH_PATHS.has(schemaPath)) return request;
      let tokens = store.get();
      if ((!tokens || tokens.expiresAt - EXPIRY_MARGIN_MS < Date.now()) && store.session().status !== 'signedOut') {
        await refresh();
        tokens = store.get();
      }
      if (!tokens) return request;
      request.headers.set('Authorization', `Bearer ${tokens.accessToken}`);
      // The body stream is spent once sent; keep a copy in case it must be sent again.
      copies.set(id, request.clone());
      return request;
    },
    async onResponse({ response, schemaPath, id, options }) {
      const copy = copies.get(id);
      copies.delete(id);
      if (response.status !== 401 || !copy || NO_REFRESH_PATHS.has(schemaPath)) return response;

      const rejected = copy.headers.get('Authorization')?.replace(/^Bearer /, '') ?? '';
      // Another request may have refreshed while this one was under way.
      if (store.get()?.accessToken === rejected && !(await refresh())) return response;
      const tokens = store.get();
      if (!tokens) return response;

      const retry = new Request(copy);
      retry.headers.set('Authorization', `Bearer ${tokens.accessToken}`);
      const second = await options.fetch(retry);
      // A fresh token refused as well: the session is gone, so give up rather than loop.
      if (second.status === 401) store.clear();
      return second;
    },
    onError({ id }) {
      copies.delete(id);
    },
  };
}

export type CreateApiClientOptions = {
  baseUrl: string;
  store: TokenStore;
  fetch?: (request: Request) => Promise<Response>;
};

let resume = () => Promise.resolve(false);
/** Told when the refresh request of `resumeSession` is on its way (see there). */
let refreshSent: (() => void) | undefined;

export function createApiClient({ baseUrl, store, fetch }: CreateApiClientOptions): ApiClient {
  // Resolve fetch at call time so tests can stub the global after the client exists.
  const fetchImpl = fetch ?? ((request: Request) => globalThis.fetch(request));
  const bare = createClient<paths>({ baseUrl, fetch: fetchImpl });
  const client = createClient<paths>({ baseUrl, fetch: fetchImpl });
  const refresh = createRefresher(store, async () => {
    // The cookie goes along (credentials), in JSON: the API refuses a form (docs/sessions.md).
    const answer = bare.POST('/auth/refresh', { body: {}, credentials: 'include' });
    // openapi-fetch hands a request without middleware to fetch() at once: it is on its way.
    refreshSent?.();
    refreshSent = undefined;
    const { data, response } = await answer;
    return response.ok && data ? tokensFromResponse(data) : null;
  });
  client.use(createAuthMiddleware({ store, refresh }));
  resume = refresh;
  return client;
}

/**
 * On app start: an access token from the refresh cookie, if this device is signed in, for the
 * client made last. Sent at once, beside the first screen's code, not at the first API call.
 * `sent` settles once the request is on its way (or the attempt is over): the first render, a
 * long task on a slow phone, can wait for that instead of holding the request back.
 */
export function resumeSession(): { signedIn: Promise<boolean>; sent: Promise<void> } {
  const sent = new Promise<void>((resolve) => {
    refreshSent = resolve;
  });
  const signedIn = resume();
  return { signedIn, sent: Promise.race([sent, signedIn.then(() => undefined)]) };
}

let current: ApiClient | null = null;

export function configureApi(client: ApiClient): void {
  current = client;
}

/** The client of the running app, configured from config.json before the first render. */
export function api(): ApiClient {
  if (!current) throw new Error('API client is not configured: call configureApi() first');
  return current;
}
