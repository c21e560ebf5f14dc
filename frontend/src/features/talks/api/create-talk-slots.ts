import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { TalkSlotsCreate, TalkSlotsCreated } from '@/features/talks/types';

/** POST /talk-slots: publish a planning (a series of slots) for a group or chosen families. */
export function createTalkSlots(body: TalkSlotsCreate): Promise<TalkSlotsCreated> {
  return unwrap(api().POST('/talk-slots', { body }));
}

export function useCreateTalkSlots() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTalkSlots,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['talk-slots'] }),
  });
}
