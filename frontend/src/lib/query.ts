import { onlineManager, QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';

function browserOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * A 4xx answer will not change by asking again; network trouble and 5xx might. Offline, asking
 * again is pointless: the screen says "geen verbinding" at once, and the query is asked again
 * when the connection is back (refetchOnReconnect).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  if (browserOffline()) return false;
  return failureCount < 2;
}

// TanStack Query assumes "online" until an `offline` event: a page opened without a network
// would then never see the change back to online, and never ask again (docs/pwa.md).
if (browserOffline()) onlineManager.setOnline(false);

export const queryDefaults: DefaultOptions = {
  queries: {
    // Offline, a query without data fails at once (the screen shows its "no connection" error)
    // instead of waiting, paused, behind an endless "Bezig met laden…". Data already loaded stays
    // on screen with a FreshnessMark (features/offline).
    networkMode: 'always',
    retry: shouldRetry,
    staleTime: 30_000,
    // Offline, a screen opened again keeps the data it has (marked "niet actueel") rather than
    // trading it for a failed request; a query without data still asks.
    refetchOnMount: () => !browserOffline(),
    // With networkMode 'always' TanStack Query leaves this off by default: ask again when the
    // connection is back, so a "geen verbinding" screen fills itself.
    refetchOnReconnect: true,
    refetchOnWindowFocus: false,
  },
  mutations: {
    // Offline, a change fails at once with a network error; it is never held back and sent later.
    networkMode: 'always',
    retry: false,
  },
};

export function createQueryClient(defaults: DefaultOptions = queryDefaults): QueryClient {
  return new QueryClient({ defaultOptions: defaults });
}
