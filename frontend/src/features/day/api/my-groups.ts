import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';
import type { Me } from '@/features/auth/api/get-me';
import type { GroupRead } from '@/features/day/types';

const byName = (a: GroupRead, b: GroupRead) =>
  a.name.localeCompare(b.name, 'nl', { numeric: true, sensitivity: 'base' });

/**
 * GET /groups?mine=true: the groups whose day the person reads (their organisations' school
 * classes and BSO groups; all groups of the centres they administer), by name, in one request.
 */
export async function getMyGroups(): Promise<GroupRead[]> {
  const groups = await fetchAllPages((cursor) =>
    unwrap(api().GET('/groups', { params: { query: { mine: true, limit: 100, cursor } } })),
  );
  return [...groups].sort(byName);
}

export const myGroupsQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: ['day', 'my-groups', userId],
    queryFn: getMyGroups,
    staleTime: 5 * 60_000,
  });

/** The groups the person works with. */
export function useMyGroups(me: Me | undefined) {
  return useQuery({ ...myGroupsQueryOptions(me?.id ?? ''), enabled: Boolean(me) });
}
