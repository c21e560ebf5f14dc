import type { Message, Thread, ThreadSummary } from '@/features/messages/types';
import { NOAH } from '@/features/parent/testing/fixtures';

/* Threads as the API sends them (openapi.yaml: ThreadSummary, ThreadRead). */

export const THREAD = '11111111-0000-4000-8000-000000000001';

export function summary(overrides: Partial<ThreadSummary> = {}): ThreadSummary {
  return {
    id: THREAD,
    subject: 'Zwemles op woensdag',
    child: { id: NOAH, givenName: 'Noah' },
    participants: [
      { userId: 'u-sanne', displayName: 'Sanne de Vries', joinedAt: '2026-11-30T08:00:00Z', leftAt: null },
      { userId: 'u-anna', displayName: 'Anna Jansen', joinedAt: '2026-11-30T08:00:00Z', leftAt: null },
    ],
    lastMessageAt: '2026-11-30T09:00:00Z',
    unreadCount: 0,
    closed: false,
    createdAt: '2026-11-30T08:00:00Z',
    ...overrides,
  };
}

export function message(overrides: Partial<Message> = {}): Message {
  return {
    id: 'm-1',
    threadId: THREAD,
    authorId: 'u-sanne',
    authorName: 'Sanne de Vries',
    createdAt: '2026-11-30T08:00:00Z',
    text: 'Mag Noah woensdag eerder weg?',
    withdrawn: false,
    attachments: [],
    readBy: [],
    ...overrides,
  };
}

export function thread(overrides: Partial<Thread> = {}): Thread {
  return {
    ...summary(),
    messages: [
      message({
        readBy: [{ userId: 'u-anna', displayName: 'Anna Jansen', readAt: '2026-11-30T08:30:00Z' }],
      }),
      message({
        id: 'm-2',
        authorId: 'u-anna',
        authorName: 'Anna Jansen',
        createdAt: '2026-11-30T09:00:00Z',
        text: 'Ja, dat is goed.',
        attachments: [{ id: 'a-1', fileName: 'rooster.pdf', contentType: 'application/pdf', size: 204800 }],
      }),
      message({ id: 'm-3', createdAt: '2026-11-30T09:10:00Z', text: null, withdrawn: true }),
    ],
    unreadCount: 1,
    canClose: false,
    ...overrides,
  };
}
