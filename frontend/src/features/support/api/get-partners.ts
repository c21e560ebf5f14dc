import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';

export type ChildCentreRead = components['schemas']['ChildCentreRead'];
export type ProfessionalRead = components['schemas']['ProfessionalRead'];

/** GET /child-centres: the centres of the municipality, for the board's centre filter. */
export function getCentres(): Promise<ChildCentreRead[]> {
  return fetchAllPages((cursor) =>
    unwrap(api().GET('/child-centres', { params: { query: { limit: 100, cursor } } })),
  );
}

export const centresQueryOptions = () =>
  queryOptions({ queryKey: ['child-centres'], queryFn: getCentres, staleTime: 5 * 60_000 });

export function useCentres() {
  return useQuery(centresQueryOptions());
}

/**
 * GET /organisations/{organisationId}/professionals: who works for the organisation, by name (for
 * professionals; a guardian chooses no coordinator). One plain list, not a page.
 */
export function getProfessionals(organisationId: string): Promise<ProfessionalRead[]> {
  return unwrap(api().GET('/organisations/{organisationId}/professionals', { params: { path: { organisationId } } }));
}

export const professionalsQueryOptions = (organisationId: string) =>
  queryOptions({
    queryKey: ['organisations', organisationId, 'professionals'],
    queryFn: () => getProfessionals(organisationId),
    staleTime: 5 * 60_000,
  });

export function useProfessionals(organisationId: string) {
  return useQuery({ ...professionalsQueryOptions(organisationId), enabled: Boolean(organisationId) });
}
