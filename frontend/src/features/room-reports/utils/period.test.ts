import { describe, expect, it } from 'vitest';
import { addDays, clipPeriod, daysBetween, periodProblem, schoolYear } from '@/features/room-reports/utils/period';

describe('the report period', () => {
  it('is by default the school year the day falls in: 1 August to 31 July', () => {
    expect(schoolYear(new Date(2026, 6, 31))).toEqual({ from: '2025-08-01', to: '2026-07-31' });
    expect(schoolYear(new Date(2026, 7, 1))).toEqual({ from: '2026-08-01', to: '2027-07-31' });
    expect(schoolYear(new Date(2027, 0, 15))).toEqual({ from: '2026-08-01', to: '2027-07-31' });
  });

  it('counts days free of summer time and leap years, and clips to 400 days', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2027-08-01', '2028-07-31')).toBe(365);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(clipPeriod({ from: '2026-01-01', to: '2027-12-31' })).toEqual({ from: '2026-01-01', to: '2027-02-05' });
    expect(daysBetween('2026-01-01', '2027-02-05')).toBe(400);
    expect(clipPeriod({ from: '2026-01-01', to: '2026-02-01' })).toEqual({ from: '2026-01-01', to: '2026-02-01' });
  });

  it('names what is wrong with a typed period, at its field, as the API would refuse it', () => {
    expect(periodProblem('', '2026-01-01')).toEqual({ field: 'from', problem: 'fromMissing' });
    expect(periodProblem('2026-01-01', '2026-02-30')).toEqual({ field: 'to', problem: 'toMissing' });
    expect(periodProblem('2026-02-01', '2026-01-31')).toEqual({ field: 'to', problem: 'toBeforeFrom' });
    expect(periodProblem('2026-01-01', '2027-02-06')).toEqual({ field: 'to', problem: 'tooLong' });
    expect(periodProblem('2026-01-01', '2027-02-05')).toBeNull();
    expect(periodProblem('2026-01-01', '2026-01-01')).toBeNull();
  });
});
