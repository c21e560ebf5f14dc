import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';
import type { ChildCentreRead } from '@/features/activities/types';

/** GET /child-centres, every page: the centres a new activity can be offered in, by name. */
export function getCentres(): Promise<ChildCentreRead[]> {
  return fetchAllPages((cursor) =>
    unwrap(api().GET('/child-centres', { params: { query: { limit: 100, cursor } } })),
  );
}

export const centresQueryOptions = () =>
  queryOptions({ queryKey: ['activities', 'centres'], queryFn: getCentres, staleTime: 5 * 60_000 });

/** Asked only when the form for a new activity opens. */
export function useCentres(options: { enabled?: boolean } = {}) {
  return useQuery({ ...centresQueryOptions(), enabled: options.enabled ?? true });
}
