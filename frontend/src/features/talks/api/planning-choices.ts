import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';
import type { ChildSummary, GroupRead, RoomRead } from '@/features/talks/types';

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, 'nl', { numeric: true, sensitivity: 'base' });

/** GET /groups?mine=true: the groups one works with, by name. */
export async function getMyGroups(): Promise<GroupRead[]> {
  const groups = await fetchAllPages((cursor) =>
    unwrap(api().GET('/groups', { params: { query: { mine: true, limit: 100, cursor } } })),
  );
  return [...groups].sort(byName);
}

export function useMyGroups() {
  return useQuery(queryOptions({ queryKey: ['groups', 'mine'], queryFn: getMyGroups, staleTime: 5 * 60_000 }));
}

/** GET /children?groupId=: a group's children, to choose families from. */
export function getGroupChildren(groupId: string): Promise<ChildSummary[]> {
  return fetchAllPages((cursor) =>
    unwrap(
      api().GET('/children', { params: { query: { groupId, sort: 'givenName', limit: 100, cursor } } }),
    ),
  );
}

export function useGroupChildren(groupId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['children', { groupId }],
    queryFn: () => getGroupChildren(groupId),
    enabled: enabled && Boolean(groupId),
  });
}

/** GET /rooms: the rooms of one's centres, by name (a planning may hold one). */
export async function getRooms(): Promise<RoomRead[]> {
  const rooms = await unwrap(api().GET('/rooms'));
  return [...rooms].sort(byName);
}

export function useRooms() {
  return useQuery({ queryKey: ['rooms'], queryFn: getRooms, staleTime: 5 * 60_000 });
}
