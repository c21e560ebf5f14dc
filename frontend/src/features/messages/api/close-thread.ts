import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ThreadSummary } from '@/features/messages/types';

/**
 * POST /threads/{threadId}/closure (close) or DELETE (open again): the child's contact person
 * marks a thread done; a closed thread takes no new messages and stays put at a handover.
 */
export function setThreadClosed(threadId: string, closed: boolean): Promise<ThreadSummary> {
  const params = { params: { path: { threadId } } };
  return unwrap(closed ? api().POST('/threads/{threadId}/closure', params) : api().DELETE('/threads/{threadId}/closure', params));
}

export function useSetThreadClosed(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (closed: boolean) => setThreadClosed(threadId, closed),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['threads'] }),
  });
}
