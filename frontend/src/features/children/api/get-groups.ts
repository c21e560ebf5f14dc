import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';

export type GroupRead = components['schemas']['GroupRead'];

/** GET /groups, every page: the filter and the group names in the list need them all. */
export function getGroups(): Promise<GroupRead[]> {
  return fetchAllPages((cursor) =>
    unwrap(api().GET('/groups', { params: { query: { limit: 100, cursor } } })),
  );
}

export const groupsQueryOptions = () =>
  queryOptions({
    queryKey: ['groups'],
    queryFn: getGroups,
    staleTime: 5 * 60_000,
  });

export function useGroups() {
  return useQuery(groupsQueryOptions());
}
