import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Announcement } from '@/features/announcements/types';

/** POST /announcements/{id}/read: the family opened it; the sender sees when. */
export function markAnnouncementRead(announcementId: string): Promise<Announcement> {
  return unwrap(api().POST('/announcements/{announcementId}/read', { params: { path: { announcementId } } }));
}

/** POST /announcements/{id}/confirmation: the family confirms they read it (when asked). */
export function confirmAnnouncement(announcementId: string): Promise<Announcement> {
  return unwrap(
    api().POST('/announcements/{announcementId}/confirmation', { params: { path: { announcementId } } }),
  );
}

/** Puts the answer in the cached feed, so the item changes at once without a new request. */
function useReplaceInFeed() {
  const queryClient = useQueryClient();
  return (updated: Announcement) =>
    queryClient.setQueryData<Announcement[]>(['announcements'], (items) =>
      items?.map((item) => (item.id === updated.id ? { ...updated, children: item.children } : item)),
    );
}

export function useMarkAnnouncementRead() {
  const replace = useReplaceInFeed();
  return useMutation({ mutationFn: markAnnouncementRead, onSuccess: replace });
}

export function useConfirmAnnouncement() {
  const replace = useReplaceInFeed();
  return useMutation({ mutationFn: confirmAnnouncement, onSuccess: replace });
}
