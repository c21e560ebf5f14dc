import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { threadKey } from '@/features/messages/api/get-thread';
import type { Message } from '@/features/messages/types';

export type MessageBody = { text: string; attachmentIds: string[] };

/** POST /threads/{threadId}/messages: an answer in the thread, with the caller's unused uploads. */
export function postMessage(threadId: string, body: MessageBody): Promise<Message> {
  return unwrap(api().POST('/threads/{threadId}/messages', { params: { path: { threadId } }, body }));
}

export function usePostMessage(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MessageBody) => postMessage(threadId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: threadKey(threadId) });
      void queryClient.invalidateQueries({ queryKey: ['threads', 'list'] });
    },
  });
}
