import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { AccessVisitPage } from '@/features/parent-child/types';

export const VISITS_PAGE_SIZE = 20;

/*
 * GET /children/{childId}/access-log/visits is not in the generated types yet: call it through
 * the typed client with the path widened. TODO(issue 10): drop the cast once schema.d.ts has it.
 */
type UntypedGet = (
  path: string,
  init: { params: { path: Record<string, string>; query: Record<string, string | number | undefined> } },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** One page of visits to the child's file, newest first. */
export function getAccessVisits(childId: string, cursor?: string): Promise<AccessVisitPage> {
  const client = api();
  const get = client.GET.bind(client) as unknown as UntypedGet;
  return unwrap(
    get('/children/{childId}/access-log/visits', {
      params: { path: { childId }, query: { limit: VISITS_PAGE_SIZE, cursor } },
    }),
  ) as Promise<AccessVisitPage>;
}

/** Under ['children', childId, 'access-log']: a consent change refreshes it. */
export const accessVisitsQueryOptions = (childId: string) =>
  infiniteQueryOptions({
    queryKey: ['children', childId, 'access-log', 'visits'],
    queryFn: ({ pageParam }) => getAccessVisits(childId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useAccessVisits(childId: string) {
  return useInfiniteQuery(accessVisitsQueryOptions(childId));
}
