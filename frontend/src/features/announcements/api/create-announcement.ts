import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Announcement, AnnouncementCreate } from '@/features/announcements/types';

/** POST /announcements: to the families of one group, or (admins) of the whole centre. */
export function createAnnouncement(body: AnnouncementCreate): Promise<Announcement> {
  return unwrap(api().POST('/announcements', { body }));
}

export function useCreateAnnouncement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAnnouncement,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['announcements'] }),
  });
}
