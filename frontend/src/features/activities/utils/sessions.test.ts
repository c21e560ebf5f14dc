import { describe, expect, it } from 'vitest';
import { session } from '@/features/activities/testing/fixtures';
import { defaultSessionId, splitSessions } from '@/features/activities/utils/sessions';

const past = session({ id: 'past', startsAt: '2026-09-01T13:00:00Z', endsAt: '2026-09-01T14:00:00Z' });
const today = session({ id: 'today', startsAt: '2026-09-08T13:00:00Z', endsAt: '2026-09-08T14:00:00Z' });
const later = session({ id: 'later', startsAt: '2026-09-10T13:00:00Z', endsAt: '2026-09-10T14:00:00Z' });

describe('sessions', () => {
  it('opens today\'s list, even after the session ended', () => {
    expect(defaultSessionId([later, today, past], new Date('2026-09-08T06:00:00Z'))).toBe('today');
    expect(defaultSessionId([later, today, past], new Date('2026-09-08T20:00:00Z'))).toBe('today');
  });

  it('else the next one, else the last one held, never a cancelled one', () => {
    expect(defaultSessionId([later, past], new Date('2026-09-08T06:00:00Z'))).toBe('later');
    expect(defaultSessionId([past, today], new Date('2026-09-20T06:00:00Z'))).toBe('today');
    expect(defaultSessionId([{ ...today, cancelled: true }, past], new Date('2026-09-08T06:00:00Z'))).toBe('past');
    expect(defaultSessionId([], new Date())).toBeUndefined();
  });

  it('splits coming from past, the past last first', () => {
    const { coming, past: held } = splitSessions([later, past, today, session({ ...past, id: 'older', startsAt: '2026-08-25T13:00:00Z', endsAt: '2026-08-25T14:00:00Z' })], new Date('2026-09-08T13:30:00Z'));
    expect(coming.map((s) => s.id)).toEqual(['today', 'later']);
    expect(held.map((s) => s.id)).toEqual(['past', 'older']);
  });
});
