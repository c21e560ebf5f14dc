import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '@/lib/api-client';
import type { NotificationPage, NotificationRead } from '@/features/support/types';

export const NOTIFICATIONS_LIMIT = 20;

/**
 * GET /notifications?limit=20: the newest, and how many are unread in all (for the badge);
 * with `cursor` (the previous page's `nextCursor`) the 20 before those.
 */
export function getNotifications(cursor?: string): Promise<NotificationPage> {
  return unwrap(api().GET('/notifications', { params: { query: { limit: NOTIFICATIONS_LIMIT, cursor } } }));
}

/**
 * The first page, then older ones on request ("Meer laden"). Every refetch walks the pages
 * loaded so far from the newest, so new notifications and the unread count stay right.
 */
export const notificationsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ['notifications'],
    queryFn: ({ pageParam }) => getNotifications(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // New ones arrive while someone works: look again every minute.
    refetchInterval: 60_000,
  });

export function useNotifications(options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...notificationsQueryOptions(), enabled: options.enabled ?? true });
}

/** The loaded notifications in order, each once (a page boundary may shift while new ones arrive). */
export function flattenNotifications(data: InfiniteData<NotificationPage, unknown> | undefined): NotificationRead[] {
  const seen = new Set<string>();
  const items: NotificationRead[] = [];
  for (const page of data?.pages ?? []) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}

/**
 * Forgets the older pages loaded with "Meer laden" (when the panel closes): the minute's refetch
 * then asks for the newest page only, not for every page once read.
 */
export function useKeepNewestNotifications() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    queryClient.setQueryData(notificationsQueryOptions().queryKey, (data) =>
      data && data.pages.length > 1
        ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) }
        : data,
    );
  }, [queryClient]);
}

/** PATCH /notifications/{id} `{read: true}`. */
export function markNotificationRead(notificationId: string) {
  return unwrap(
    api().PATCH('/notifications/{notificationId}', {
      params: { path: { notificationId } },
      body: { read: true },
    }),
  );
}

/**
 * Marks one read: at once in every loaded page (the item, and one unread fewer), then asks the
 * server again for the count it keeps.
 */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: (updated) => {
      const { queryKey } = notificationsQueryOptions();
      queryClient.setQueryData(queryKey, (data) => {
        if (!data) return data;
        const wasUnread = data.pages.some((page) => page.items.some((item) => item.id === updated.id && !item.read));
        return {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            unreadCount: wasUnread ? Math.max(0, page.unreadCount - 1) : page.unreadCount,
            items: page.items.map((item) => (item.id === updated.id ? { ...item, read: true } : item)),
          })),
        };
      });
      return queryClient.invalidateQueries({ queryKey });
    },
  });
}
