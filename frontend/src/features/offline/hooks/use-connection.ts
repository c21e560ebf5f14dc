import { QueryClientContext, type Query, type QueryCache, type QueryClient } from '@tanstack/react-query';
import { useContext, useEffect, useSyncExternalStore } from 'react';
import { ApiError } from '@/lib/api-client';
import { getConfig } from '@/lib/config';
import { useOnline } from '@/features/offline/hooks/use-online';

/** How often a screen without a connection asks the API again while the browser says "online". */
export const RECONNECT_PROBE_MS = 5_000;

/** fetch() rejects with a TypeError when no answer came at all (no network, DNS, refused). */
export function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}

/**
 * Whether the API's latest word was no answer at all: the newest thing that happened to any
 * query is a network failure. Any answer (data, or an API error such as a 404) proves the API
 * is reachable.
 */
export function apiUnreachable(queries: readonly Query[]): boolean {
  let lastFailure = 0;
  let lastAnswer = 0;
  for (const { state } of queries) {
    lastAnswer = Math.max(lastAnswer, state.dataUpdatedAt);
    if (state.error instanceof ApiError) lastAnswer = Math.max(lastAnswer, state.errorUpdatedAt);
    else if (isNetworkError(state.error)) lastFailure = Math.max(lastFailure, state.errorUpdatedAt);
  }
  return lastFailure > lastAnswer;
}

const noCache = {
  subscribe: () => () => undefined,
  getAll: () => [],
} as unknown as QueryCache;

function useApiUnreachable(client: QueryClient | undefined): boolean {
  const cache = client?.getQueryCache() ?? noCache;
  return useSyncExternalStore(
    (onChange) => cache.subscribe(onChange),
    () => apiUnreachable(cache.getAll()),
    () => false,
  );
}

/**
 * Whether the app can reach KindCentraal: the browser has a network (`useOnline`) and the API's
 * latest word was an answer. `navigator.onLine` alone says "online" on a Wi-Fi without internet,
 * and (in Chromium) on a page reloaded while offline.
 */
export function useConnection(): boolean {
  const online = useOnline();
  const client = useContext(QueryClientContext);
  const unreachable = useApiUnreachable(client);
  return online && !unreachable;
}

/**
 * Whether the API answers at all: a HEAD request to its base URL without credentials, read as an
 * opaque answer. Any answer counts (even a 404); only a network failure does not.
 */
export async function apiAnswers(fetchImpl: typeof fetch = (...args) => fetch(...args)): Promise<boolean> {
  let base: string;
  try {
    base = getConfig().apiBaseUrl;
  } catch {
    return true;
  }
  try {
    await fetchImpl(`${base}/`, { method: 'HEAD', mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

/**
 * While the API cannot be reached although the browser says "online", checks every few seconds
 * whether it answers again (`apiAnswers`, no data, no screen changes), and then asks the failed
 * queries again, so the screen fills itself. (When the browser itself was offline, its `online`
 * event does this: refetchOnReconnect in src/lib/query.ts.)
 */
export function useReconnectProbe({
  intervalMs = RECONNECT_PROBE_MS,
  probe = apiAnswers,
}: { intervalMs?: number; probe?: () => Promise<boolean> } = {}): void {
  const online = useOnline();
  const client = useContext(QueryClientContext);
  const unreachable = useApiUnreachable(client);
  useEffect(() => {
    if (!client || !online || !unreachable) return;
    let busy = false;
    const timer = window.setInterval(() => {
      if (busy) return;
      busy = true;
      void probe()
        .then((answers) =>
          answers
            ? client.refetchQueries({ type: 'active', predicate: (query) => isNetworkError(query.state.error) })
            : undefined,
        )
        .finally(() => {
          busy = false;
        });
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [client, online, unreachable, intervalMs, probe]);
}
