import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ThreadSummary } from '@/features/messages/types';

export type ThreadFilters = { childId?: string; q?: string };

/** GET /threads: the caller's threads, newest activity first, each with its unread count (first 50). */
export function listThreads(filters: ThreadFilters): Promise<ThreadSummary[]> {
  const query = {
    limit: 50,
    ...(filters.childId ? { childId: filters.childId } : {}),
    ...(filters.q ? { q: filters.q } : {}),
  };
  return unwrap(api().GET('/threads', { params: { query } })).then((page) => page.items);
}

export function useThreads(filters: ThreadFilters = {}) {
  return useQuery({
    queryKey: ['threads', 'list', filters],
    queryFn: () => listThreads(filters),
    placeholderData: keepPreviousData,
  });
}
