import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { threadKey } from '@/features/messages/api/get-thread';
import type { Message } from '@/features/messages/types';

/** POST /threads/{threadId}/messages/{messageId}/withdrawal: its author withdraws a message (a stub stays). */
export function withdrawMessage(threadId: string, messageId: string): Promise<Message> {
  return unwrap(
    api().POST('/threads/{threadId}/messages/{messageId}/withdrawal', { params: { path: { threadId, messageId } } }),
  );
}

export function useWithdrawMessage(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => withdrawMessage(threadId, messageId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: threadKey(threadId) }),
  });
}
