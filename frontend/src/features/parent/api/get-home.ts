import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ParentHome } from '@/features/parent/types';

/** GET /me/home: the parent home in one request (children, their day, the contact person, actions). */
export function getParentHome(): Promise<ParentHome> {
  return unwrap(api().GET('/me/home'));
}

export const parentHomeQueryOptions = () =>
  queryOptions({
    queryKey: ['parent-home'],
    queryFn: getParentHome,
  });

export function useParentHome(options: { enabled?: boolean } = {}) {
  return useQuery({ ...parentHomeQueryOptions(), enabled: options.enabled ?? true });
}
