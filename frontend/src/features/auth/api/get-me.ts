import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type Me = components['schemas']['MeRead'];

/** GET /me: who is logged in, with roles and memberships. */
export function getMe(): Promise<Me> {
  return unwrap(api().GET('/me'));
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: getMe,
    staleTime: 5 * 60_000,
  });

export function useMe(options: { enabled?: boolean } = {}) {
  return useQuery({ ...meQueryOptions(), enabled: options.enabled ?? true });
}
