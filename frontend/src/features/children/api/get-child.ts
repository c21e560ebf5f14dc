import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

/** GET /children/{childId}: 404 when the child does not exist or is not visible. */
export function getChild(childId: string) {
  return unwrap(api().GET('/children/{childId}', { params: { path: { childId } } }));
}

export const childQueryOptions = (childId: string) =>
  queryOptions({
    queryKey: ['children', childId],
    queryFn: () => getChild(childId),
  });

export function useChild(childId: string) {
  return useQuery(childQueryOptions(childId));
}
