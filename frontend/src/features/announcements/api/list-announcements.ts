import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';
import type { Announcement } from '@/features/announcements/types';

/**
 * GET /announcements, every page: for a family its feed (newest first, each once with the
 * children it concerns); for staff what they sent, with the counts.
 */
export function listAnnouncements(): Promise<Announcement[]> {
  return fetchAllPages((cursor) =>
    unwrap(api().GET('/announcements', { params: { query: { limit: 50, cursor } } })),
  );
}

export const announcementsQueryOptions = () =>
  queryOptions({ queryKey: ['announcements'], queryFn: listAnnouncements });

export function useAnnouncements() {
  return useQuery(announcementsQueryOptions());
}
