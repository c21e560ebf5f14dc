import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { UnbookedFamily } from '@/features/talks/types';

/** GET /talk-slots/unbooked-families?groupId=: per planning of the group, who has not booked yet. */
export function listUnbookedFamilies(groupId: string): Promise<UnbookedFamily[]> {
  return unwrap(api().GET('/talk-slots/unbooked-families', { params: { query: { groupId } } }));
}

export const unbookedQueryOptions = (groupId: string) =>
  queryOptions({
    queryKey: ['talk-slots', 'unbooked', groupId],
    queryFn: () => listUnbookedFamilies(groupId),
  });

export function useUnbookedFamilies(groupId: string) {
  return useQuery({ ...unbookedQueryOptions(groupId), enabled: Boolean(groupId) });
}
