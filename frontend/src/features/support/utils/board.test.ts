import { describe, expect, it } from 'vitest';
import { groupByStatus, waitingOf } from '@/features/support/utils/board';
import { trajectory } from '@/features/support/testing/fixtures';

describe('groupByStatus', () => {
  it('puts every trajectory under its status and keeps the order the API sent (longest waiting first)', () => {
    const a = trajectory({ status: 'requested', childName: 'A' });
    const b = trajectory({ status: 'active', childName: 'B' });
    const c = trajectory({ status: 'requested', childName: 'C' });
    const d = trajectory({ status: 'closed', childName: 'D' });
    const columns = groupByStatus([a, b, c, d]);
    expect(columns.requested.map((t) => t.childName)).toEqual(['A', 'C']);
    expect(columns.active.map((t) => t.childName)).toEqual(['B']);
    expect(columns.intake).toEqual([]);
    expect(columns.evaluation).toEqual([]);
    expect(columns.closed.map((t) => t.childName)).toEqual(['D']);
    expect(columns.cancelled).toEqual([]);
  });
});

describe('waitingOf', () => {
  const norm = { intakeWithinDays: 10, startWithinDays: 20 };

  it('counts to the intake while requested, and to the start after the intake', () => {
    expect(waitingOf({ status: 'requested', waitingDaysToIntake: 12, waitingDaysToStart: 12, norm })).toEqual({
      until: 'intake',
      days: 12,
      norm: 10,
      stillWaiting: true,
    });
    expect(waitingOf({ status: 'intake', waitingDaysToIntake: 4, waitingDaysToStart: 9, norm })).toEqual({
      until: 'start',
      days: 9,
      norm: 20,
      stillWaiting: true,
    });
  });

  it('says how long it took once started, and nothing when nothing was waited for', () => {
    expect(waitingOf({ status: 'active', waitingDaysToIntake: 4, waitingDaysToStart: 15, norm })).toMatchObject({
      until: 'start',
      days: 15,
      stillWaiting: false,
    });
    expect(waitingOf({ status: 'cancelled', waitingDaysToIntake: null, waitingDaysToStart: null, norm })).toBeNull();
  });
});
