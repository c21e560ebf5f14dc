import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, isHiddenFromCaller, unwrap } from '@/lib/api-client';

export type CareTeamMemberRead = components['schemas']['CareTeamMemberRead'];

/**
 * GET /children/{childId}/care-team; null when the server does not show the team to this user
 * (403 for a guardian without parental authority, 404 when the child is not visible).
 */
export async function getCareTeam(childId: string): Promise<CareTeamMemberRead[] | null> {
  try {
    return await unwrap(
      api().GET('/children/{childId}/care-team', { params: { path: { childId } } }),
    );
  } catch (error) {
    if (isHiddenFromCaller(error)) return null;
    throw error;
  }
}

export const careTeamQueryOptions = (childId: string) =>
  queryOptions({
    queryKey: ['children', childId, 'care-team'],
    queryFn: () => getCareTeam(childId),
  });

export function useCareTeam(childId: string) {
  return useQuery(careTeamQueryOptions(childId));
}
