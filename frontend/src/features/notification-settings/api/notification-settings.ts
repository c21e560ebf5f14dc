import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type NotificationSettings = components['schemas']['NotificationSettings'];
const KEY = ['me', 'notification-settings'] as const;

/** GET /me/notification-settings: which notifications also come by e-mail. */
export function useNotificationSettings() {
  return useQuery({ queryKey: KEY, queryFn: () => unwrap(api().GET('/me/notification-settings')) });
}

/** PUT /me/notification-settings: all seven choices at once. */
export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettings) => unwrap(api().PUT('/me/notification-settings', { body })),
    onSuccess: (saved) => queryClient.setQueryData(KEY, saved),
  });
}
