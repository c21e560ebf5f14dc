import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';

export type PlacementRead = components['schemas']['PlacementRead'];

/** GET /placements?childId=, every page. */
export function getPlacements(childId: string): Promise<PlacementRead[]> {
  return fetchAllPages((cursor) =>
    unwrap(api().GET('/placements', { params: { query: { childId, limit: 100, cursor } } })),
  );
}

export const placementsQueryOptions = (childId: string) =>
  queryOptions({
    queryKey: ['placements', { childId }],
    queryFn: () => getPlacements(childId),
  });

export function usePlacements(childId: string) {
  return useQuery(placementsQueryOptions(childId));
}
