import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, isHiddenFromCaller, unwrap } from '@/lib/api-client';

export type ConsentRead = components['schemas']['ConsentRead'];
export type ConsentPurpose = components['schemas']['ConsentPurpose'];
export type TrajectoryType = components['schemas']['TrajectoryType'];

export const CONSENT_PURPOSES = [
  'care_team',
  'trajectory',
  'information_sharing',
  'photos',
] as const satisfies readonly ConsentPurpose[];

export const TRAJECTORY_TYPES = [
  'logopedie',
  'opvoedondersteuning',
  'jeugdhulp',
  'passend_onderwijs',
  'fysiotherapie',
  'ergotherapie',
  'ggz_jeugd',
  'schoolmaatschappelijk_werk',
  'other',
] as const satisfies readonly TrajectoryType[];

/**
 * GET /children/{childId}/consents, the whole history (withdrawn ones too); null when the server
 * does not show consents to this user (403, or 404 when the child is not visible).
 */
export async function getConsents(childId: string): Promise<ConsentRead[] | null> {
  try {
    return await unwrap(
      api().GET('/children/{childId}/consents', { params: { path: { childId } } }),
    );
  } catch (error) {
    if (isHiddenFromCaller(error)) return null;
    throw error;
  }
}

export const consentsQueryOptions = (childId: string) =>
  queryOptions({
    queryKey: ['children', childId, 'consents'],
    queryFn: () => getConsents(childId),
  });

export function useConsents(childId: string) {
  return useQuery(consentsQueryOptions(childId));
}
