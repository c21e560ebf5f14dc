import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type ChildCandidate = components['schemas']['ChildRead'];

/** GET /children?q=…: the children of the caller's centres whose name has these words. */
export async function searchChildren(q: string): Promise<ChildCandidate[]> {
  const page = await unwrap(api().GET('/children', { params: { query: { q, limit: 20 } } }));
  return page.items;
}

export function useChildSearch(q: string) {
  const words = q.trim();
  return useQuery({
    queryKey: ['erasure', 'candidates', words],
    queryFn: () => searchChildren(words),
    enabled: words.length >= 2,
    placeholderData: keepPreviousData,
  });
}
