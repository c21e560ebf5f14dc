import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';

export type OrganisationRead = components['schemas']['OrganisationRead'];

/** GET /organisations, every page: placements name their organisation by id only. */
export function getOrganisations(): Promise<OrganisationRead[]> {
  return fetchAllPages((cursor) =>
    unwrap(api().GET('/organisations', { params: { query: { limit: 100, cursor } } })),
  );
}

export const organisationsQueryOptions = () =>
  queryOptions({
    queryKey: ['organisations'],
    queryFn: getOrganisations,
    staleTime: 5 * 60_000,
  });

export function useOrganisations(options: { enabled?: boolean } = {}) {
  return useQuery({ ...organisationsQueryOptions(), enabled: options.enabled ?? true });
}
