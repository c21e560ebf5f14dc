import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';
import type { TalkSlot } from '@/features/talks/types';

/**
 * GET /talk-slots, every page, soonest first: for a family the open slots offered to their
 * children and their booked talks; for staff the slots they published, with who booked.
 */
export function listTalkSlots(): Promise<TalkSlot[]> {
  return fetchAllPages((cursor) => unwrap(api().GET('/talk-slots', { params: { query: { limit: 100, cursor } } })));
}

export const talkSlotsQueryOptions = () => queryOptions({ queryKey: ['talk-slots'], queryFn: listTalkSlots });

export function useTalkSlots() {
  return useQuery(talkSlotsQueryOptions());
}
