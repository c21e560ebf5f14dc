import { describe, expect, it } from 'vitest';
import { weeklyRule } from '@/features/rooms/utils/rrule';

describe('the weekly rule', () => {
  it('names the weekdays Monday first and ends at the end of the last day', () => {
    expect(weeklyRule({ weekdays: ['FR', 'WE'], until: '2027-07-09' })).toBe('FREQ=WEEKLY;BYDAY=WE,FR;UNTIL=20270709T235959');
    expect(weeklyRule({ weekdays: ['WE'], until: '2026-12-31' })).toBe('FREQ=WEEKLY;BYDAY=WE;UNTIL=20261231T235959');
  });

  it('refuses a rule without days or without a date', () => {
    expect(() => weeklyRule({ weekdays: [], until: '2027-07-09' })).toThrow(RangeError);
    expect(() => weeklyRule({ weekdays: ['MO'], until: '9 juli' })).toThrow(RangeError);
  });
});
