import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { UNREAD_COUNT_KEY } from '@/features/messages/api/unread-count';

/** POST /threads/{threadId}/read: everything in the thread so far is read by the caller. */
export function markThreadRead(threadId: string): Promise<void> {
  return unwrap(api().POST('/threads/{threadId}/read', { params: { path: { threadId } } })).then(() => undefined);
}

/** Marks the thread read, then the header's count and the list follow. */
export function useMarkThreadRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markThreadRead,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: UNREAD_COUNT_KEY });
      void queryClient.invalidateQueries({ queryKey: ['threads', 'list'] });
    },
  });
}
