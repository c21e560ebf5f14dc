import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';
import type { GroupRead } from '@/features/announcements/types';

const byName = (a: GroupRead, b: GroupRead) =>
  a.name.localeCompare(b.name, 'nl', { numeric: true, sensitivity: 'base' });

/**
 * GET /groups?mine=true: the groups one works with (one's organisations' classes and BSO groups;
 * every group of a centre one administers), by name. The audience to choose from.
 */
export async function getMyGroups(): Promise<GroupRead[]> {
  const groups = await fetchAllPages((cursor) =>
    unwrap(api().GET('/groups', { params: { query: { mine: true, limit: 100, cursor } } })),
  );
  return [...groups].sort(byName);
}

export const myGroupsQueryOptions = () =>
  queryOptions({ queryKey: ['groups', 'mine'], queryFn: getMyGroups, staleTime: 5 * 60_000 });

export function useMyGroups() {
  return useQuery(myGroupsQueryOptions());
}
