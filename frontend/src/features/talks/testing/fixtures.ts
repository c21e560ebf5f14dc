import type { TalkSlot } from '@/features/talks/types';

/* Talk slots as the API sends them. */

export function slot(overrides: Partial<TalkSlot> = {}): TalkSlot {
  return {
    id: 's-1',
    roundId: 'r-1',
    groupId: 'dddddddd-0000-4000-8000-000000000006',
    publisherName: 'Leerkracht groep 6',
    startsAt: '2030-03-04T14:00:00Z',
    endsAt: '2030-03-04T14:15:00Z',
    roomId: null,
    roomName: null,
    cancelBefore: '2030-03-03T14:00:00Z',
    status: 'open',
    booking: null,
    children: [],
    ...overrides,
  };
}
