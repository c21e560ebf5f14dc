import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export const UNREAD_COUNT_KEY = ['threads', 'unread-count'] as const;

/** GET /threads/unread-count: unread messages over all of the caller's threads. */
export function getUnreadCount(): Promise<number> {
  return unwrap(api().GET('/threads/unread-count')).then((body) => body.unreadCount);
}

/**
 * The number in the header or navigation. One query for the whole app, refreshed once a minute
 * while the page is visible (not in a background tab) and after reading or writing a message.
 */
export function useUnreadCount(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: UNREAD_COUNT_KEY,
    queryFn: getUnreadCount,
    enabled: options.enabled ?? true,
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}
