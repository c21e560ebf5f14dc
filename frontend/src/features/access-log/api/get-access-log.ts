import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type AccessLogEntry = components['schemas']['AccessLogEntry'];

export const ACCESS_LOG_PAGE_SIZE = 20;

/** GET /children/{childId}/access-log: one page, newest first. */
export function getAccessLog(childId: string, cursor?: string) {
  return unwrap(
    api().GET('/children/{childId}/access-log', {
      params: { path: { childId }, query: { limit: ACCESS_LOG_PAGE_SIZE, cursor } },
    }),
  );
}

export const accessLogQueryOptions = (childId: string) =>
  infiniteQueryOptions({
    queryKey: ['children', childId, 'access-log'],
    queryFn: ({ pageParam }) => getAccessLog(childId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useAccessLog(childId: string) {
  return useInfiniteQuery(accessLogQueryOptions(childId));
}
