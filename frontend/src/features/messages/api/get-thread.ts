import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Thread } from '@/features/messages/types';

export const threadKey = (threadId: string) => ['threads', 'detail', threadId] as const;

/** GET /threads/{threadId}: the messages, oldest first, with read receipts and withdrawn stubs. */
export function getThread(threadId: string): Promise<Thread> {
  return unwrap(api().GET('/threads/{threadId}', { params: { path: { threadId } } }));
}

export function useThread(threadId: string) {
  return useQuery({ queryKey: threadKey(threadId), queryFn: () => getThread(threadId) });
}
