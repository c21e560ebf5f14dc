import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { threadKey } from '@/features/messages/api/get-thread';
import type { Thread } from '@/features/messages/types';

export type NewThread = { subject: string; text: string; attachmentIds: string[] };

/**
 * POST /children/{childId}/threads: a guardian writes to the child's contact person; the contact
 * person writes to the child's guardians. The first message comes with it.
 */
export function openThread(childId: string, body: NewThread): Promise<Thread> {
  return unwrap(api().POST('/children/{childId}/threads', { params: { path: { childId } }, body }));
}

export function useOpenThread(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewThread) => openThread(childId, body),
    onSuccess: (thread) => {
      // The answer is the whole thread: the screen it opens next shows it without asking again.
      queryClient.setQueryData(threadKey(thread.id), thread);
      void queryClient.invalidateQueries({ queryKey: ['threads', 'list'] });
    },
  });
}
