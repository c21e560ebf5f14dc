import { describe, expect, it } from 'vitest';
import { slot } from '@/features/talks/testing/fixtures';
import { byPlanning, canStillCancel, seriesBody, seriesTimes } from '@/features/talks/utils/series';

describe('the talk series', () => {
  const input = { date: '2026-03-30', time: '15:00', durationMinutes: 15, count: 3, breakMinutes: 5 };

  it('sends the first talk on the Dutch clock as UTC (summer time)', () => {
    expect(seriesBody(input)).toEqual({ startsAt: '2026-03-30T13:00:00Z', durationMinutes: 15, count: 3, breakMinutes: 5 });
  });

  it('previews the same times the server makes', () => {
    expect(seriesTimes(input)).toEqual([
      { startsAt: '2026-03-30T13:00:00.000Z', endsAt: '2026-03-30T13:15:00.000Z' },
      { startsAt: '2026-03-30T13:20:00.000Z', endsAt: '2026-03-30T13:35:00.000Z' },
      { startsAt: '2026-03-30T13:40:00.000Z', endsAt: '2026-03-30T13:55:00.000Z' },
    ]);
  });

  it('groups slots per planning and knows the cancel deadline', () => {
    const plannings = byPlanning([slot(), slot({ id: 's-2', roundId: 'r-2' }), slot({ id: 's-3' })]);
    expect(plannings.map((p) => [p.roundId, p.slots.map((s) => s.id)])).toEqual([
      ['r-1', ['s-1', 's-3']],
      ['r-2', ['s-2']],
    ]);
    expect(canStillCancel(slot(), new Date('2030-03-03T13:59:00Z'))).toBe(true);
    expect(canStillCancel(slot(), new Date('2030-03-03T14:00:00Z'))).toBe(false);
  });
});
