import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';

export type ChildCentreRead = components['schemas']['ChildCentreRead'];
export type MembershipRead = components['schemas']['MembershipRead'];

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
 * GET /memberships?organisationId=: who may coordinate the request, as far as this user may see
 * the organisation's members (its administrators see all, others only themselves).
 */
export function getMemberships(organisationId: string): Promise<MembershipRead[]> {
  return fetchAllPages((cursor) =>
    unwrap(api().GET('/memberships', { params: { query: { organisationId, limit: 100, cursor } } })),
  );
}

export const membershipsQueryOptions = (organisationId: string) =>
  queryOptions({
    queryKey: ['memberships', { organisationId }],
    queryFn: () => getMemberships(organisationId),
    staleTime: 5 * 60_000,
  });

export function useMemberships(organisationId: string) {
  return useQuery({ ...membershipsQueryOptions(organisationId), enabled: Boolean(organisationId) });
}
