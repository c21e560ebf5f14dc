import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { AccessVisitPage } from '@/features/parent-child/types';

export const VISITS_PAGE_SIZE = 20;

/** One page of visits to the child's file, newest first. */
export function getAccessVisits(childId: string, cursor?: string): Promise<AccessVisitPage> {
  return unwrap(
    api().GET('/children/{childId}/access-log/visits', {
      params: { path: { childId }, query: { limit: VISITS_PAGE_SIZE, cursor } },
    }),
  );
}

/** Under ['children', childId, 'access-log']: a consent change refreshes it. */
export const accessVisitsQueryOptions = (childId: string) =>
  infiniteQueryOptions({
    queryKey: ['children', childId, 'access-log', 'visits'],
    queryFn: ({ pageParam }) => getAccessVisits(childId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useAccessVisits(childId: string) {
  return useInfiniteQuery(accessVisitsQueryOptions(childId));
}
