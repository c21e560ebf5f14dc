import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';
import type { AnnouncementRecipient } from '@/features/announcements/types';

/** GET /announcements/{id}/recipients: each family, for which children, when read and confirmed. */
export function listRecipients(announcementId: string): Promise<AnnouncementRecipient[]> {
  return fetchAllPages((cursor) =>
    unwrap(
      api().GET('/announcements/{announcementId}/recipients', {
        params: { path: { announcementId }, query: { limit: 100, cursor } },
      }),
    ),
  );
}

export const recipientsQueryOptions = (announcementId: string) =>
  queryOptions({
    queryKey: ['announcements', announcementId, 'recipients'],
    queryFn: () => listRecipients(announcementId),
  });

/** Read only when the sender opens the list. */
export function useRecipients(announcementId: string, enabled: boolean) {
  return useQuery({ ...recipientsQueryOptions(announcementId), enabled });
}
