import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type GuardianRead = components['schemas']['GuardianRead'];

/** GET /children/{childId}/guardians: a short list, not paged. */
export function getChildGuardians(childId: string): Promise<GuardianRead[]> {
  return unwrap(api().GET('/children/{childId}/guardians', { params: { path: { childId } } }));
}

export const childGuardiansQueryOptions = (childId: string) =>
  queryOptions({
    queryKey: ['children', childId, 'guardians'],
    queryFn: () => getChildGuardians(childId),
  });

export function useChildGuardians(childId: string) {
  return useQuery(childGuardiansQueryOptions(childId));
}
