import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type LegalHold = components['schemas']['LegalHoldRead'];

/** GET /children/{childId}/legal-hold: administrators of the child's centre. */
export function getLegalHold(childId: string): Promise<LegalHold> {
  return unwrap(api().GET('/children/{childId}/legal-hold', { params: { path: { childId } } }));
}

export const legalHoldQueryOptions = (childId: string) =>
  queryOptions({ queryKey: ['legal-hold', { childId }], queryFn: () => getLegalHold(childId) });

export function useLegalHold(childId: string) {
  return useQuery(legalHoldQueryOptions(childId));
}
