import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { GroupDay } from '@/features/day/types';

/** GET /groups/{groupId}/day?date=: every child of the group that day, with its entries. */
export function getGroupDay(groupId: string, date: string): Promise<GroupDay> {
  return unwrap(
    api().GET('/groups/{groupId}/day', { params: { path: { groupId }, query: { date } } }),
  );
}

/** Checking a child in or out invalidates `['day', 'group', groupId]`. */
export const groupDayQueryOptions = (groupId: string, date: string) =>
  queryOptions({
    queryKey: ['day', 'group', groupId, date],
    queryFn: () => getGroupDay(groupId, date),
  });

/** One request per group and date; the previous list stays on screen while the next loads. */
export function useGroupDay(groupId: string | undefined, date: string) {
  return useQuery({
    ...groupDayQueryOptions(groupId ?? '', date),
    enabled: Boolean(groupId),
    placeholderData: keepPreviousData,
  });
}
