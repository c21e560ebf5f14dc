import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type ChildDetail = components['schemas']['ChildDetail'];
export type ChildEmbedded = components['schemas']['ChildEmbedded'];
export type GuardianRead = components['schemas']['GuardianRead'];
export type ChildPlacementRead = components['schemas']['ChildPlacementRead'];
export type ContactPersonRead = components['schemas']['ContactPersonRead'];

/** Every part of the file the child page shows (the keys of `embedded`). */
export const CHILD_PAGE_PARTS = [
  'guardians',
  'placements',
  'contactPerson',
  'careTeam',
  'consents',
  // Today's timeline ("Vandaag"): who has the child when and where.
  'day',
  // For the centre's administrators only (the server leaves it out for everyone else).
  'legalHold',
] as const satisfies readonly (keyof ChildEmbedded)[];

/**
 * GET /children/{childId}?expand=…: everything the child page shows about the child in one
 * request, so one access-log event. A part this user may not see (care team and consents for a
 * guardian without parental authority) is absent from `embedded`: the server decides, the page
 * shows what came back. 404 when the child does not exist or is not visible.
 */
export function getChildDetail(childId: string): Promise<ChildDetail> {
  return unwrap(
    api().GET('/children/{childId}', {
      params: { path: { childId }, query: { expand: CHILD_PAGE_PARTS.join(',') } },
    }),
  );
}

/** Giving or withdrawing consent invalidates this key (`['children', childId, 'detail']`). */
export const childDetailQueryOptions = (childId: string) =>
  queryOptions({
    queryKey: ['children', childId, 'detail'],
    queryFn: () => getChildDetail(childId),
  });

export function useChildDetail(childId: string) {
  return useQuery(childDetailQueryOptions(childId));
}
