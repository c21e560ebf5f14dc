import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ThreadSummary } from '@/features/messages/types';

export type ThreadFilters = { childId?: string; q?: string };

export const THREADS_PAGE_SIZE = 50;

type ThreadPage = { items: ThreadSummary[]; nextCursor?: string | null };

/** GET /threads: one page of the caller's threads, newest activity first, each with its unread count. */
export function listThreads(filters: ThreadFilters, cursor?: string): Promise<ThreadPage> {
  const query = {
    limit: THREADS_PAGE_SIZE,
    ...(filters.childId ? { childId: filters.childId } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(cursor ? { cursor } : {}),
  };
  return unwrap(api().GET('/threads', { params: { query } }));
}

export const threadsQueryOptions = (filters: ThreadFilters = {}) =>
  infiniteQueryOptions({
    queryKey: ['threads', 'list', filters],
    queryFn: ({ pageParam }) => listThreads(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

/** Every thread of the pages loaded so far, in order. */
export function flattenThreads(data: InfiniteData<ThreadPage> | undefined): ThreadSummary[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

/** The first 50 threads, and "Meer laden" for the next 50 (the API's `nextCursor`). */
export function useThreads(filters: ThreadFilters = {}) {
  return useInfiniteQuery({ ...threadsQueryOptions(filters), placeholderData: keepPreviousData });
}
