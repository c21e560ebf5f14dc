import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { NotificationPage } from '@/features/support/types';

export const NOTIFICATIONS_LIMIT = 20;

/** GET /notifications?limit=20: the newest, and how many are unread in all (for the badge). */
export function getNotifications(): Promise<NotificationPage> {
  return unwrap(api().GET('/notifications', { params: { query: { limit: NOTIFICATIONS_LIMIT } } }));
}

export const notificationsQueryOptions = () =>
  queryOptions({
    queryKey: ['notifications'],
    queryFn: getNotifications,
    // New ones arrive while someone works: look again every minute.
    refetchInterval: 60_000,
  });

export function useNotifications(options: { enabled?: boolean } = {}) {
  return useQuery({ ...notificationsQueryOptions(), enabled: options.enabled ?? true });
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

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
