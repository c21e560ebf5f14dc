import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';
import type { ChildRead } from '@/features/children/api/get-children';

/** GET /children, every page: a guardian sees only their own children. */
export function getOwnChildren(): Promise<ChildRead[]> {
  return fetchAllPages((cursor) =>
    unwrap(api().GET('/children', { params: { query: { sort: 'givenName', limit: 100, cursor } } })),
  );
}

export const ownChildrenQueryOptions = () =>
  queryOptions({ queryKey: ['activities', 'own-children'], queryFn: getOwnChildren, staleTime: 5 * 60_000 });

/** The children a guardian may enrol; asked only for a guardian. */
export function useOwnChildren(options: { enabled?: boolean } = {}) {
  return useQuery({ ...ownChildrenQueryOptions(), enabled: options.enabled ?? true });
}
