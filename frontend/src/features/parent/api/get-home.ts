import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ParentHome } from '@/features/parent/types';

/*
 * GET /me/home is not in the generated types yet: call it through the typed client with the
 * path widened. TODO(issue 10): drop the cast once schema.d.ts has /me/home.
 */
type UntypedGet = (path: string) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** GET /me/home: the parent home in one request (children, their day, the contact person, actions). */
export function getParentHome(): Promise<ParentHome> {
  const client = api();
  const get = client.GET.bind(client) as unknown as UntypedGet;
  return unwrap(get('/me/home')) as Promise<ParentHome>;
}

export const parentHomeQueryOptions = () =>
  queryOptions({
    queryKey: ['parent-home'],
    queryFn: getParentHome,
  });

export function useParentHome(options: { enabled?: boolean } = {}) {
  return useQuery({ ...parentHomeQueryOptions(), enabled: options.enabled ?? true });
}
