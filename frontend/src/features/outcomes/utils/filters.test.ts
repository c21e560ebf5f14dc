import { describe, expect, it } from 'vitest';
import { filtersToParams, parseFilters, periodProblem, toQuery } from '@/features/outcomes/utils/filters';
import { annualWindow, parseSchoolYear, recentSchoolYears, schoolYearStart } from '@/features/outcomes/utils/periods';

const CENTRE = '1453a4f5-5883-4736-8e20-34fafda82e2b';

describe('the filters in the address', () => {
  it('read back what they wrote, and ask the API for the same', () => {
    const filters = parseFilters(
      new URLSearchParams(`centrum=${CENTRE}&van=2025-08-01&tot=2026-07-31&per=maand&hulp=logopedie`),
    );
    expect(filters).toEqual({
      centreId: CENTRE,
      from: '2025-08-01',
      to: '2026-07-31',
      interval: 'month',
      trajectoryType: 'logopedie',
    });
    expect(parseFilters(filtersToParams(filters))).toEqual(filters);
    expect(toQuery(filters)).toEqual({
      centreId: CENTRE,
      from: '2025-08-01',
      to: '2026-07-31',
      interval: 'month',
      trajectoryType: 'logopedie',
    });
  });

  it('leave out what makes no sense, and the defaults', () => {
    const filters = parseFilters(new URLSearchParams('centrum=x&van=2026-13-01&tot=2026-07-31&per=week&hulp=magie'));
    expect(filters).toEqual({ centreId: null, from: null, to: null, interval: 'schoolYear', trajectoryType: null });
    expect(filtersToParams(filters).toString()).toBe('');
    expect(toQuery(filters)).toEqual({ interval: 'schoolYear' });
    // A period that ends before it starts is no period.
    expect(parseFilters(new URLSearchParams('van=2026-08-01&tot=2025-08-01')).from).toBeNull();
  });

  it('check an own period against the API’s limits', () => {
    expect(periodProblem('', '2026-01-01', 'schoolYear')).toEqual({ field: 'from', problem: 'missingDate' });
    expect(periodProblem('2026-02-01', '2026-01-01', 'schoolYear')).toEqual({ field: 'to', problem: 'fromAfterTo' });
    expect(periodProblem('2019-08-01', '2026-07-31', 'schoolYear')).toEqual({ field: 'to', problem: 'tooLong' });
    expect(periodProblem('2020-07-31', '2026-07-31', 'month')).toEqual({ field: 'to', problem: 'tooManyMonths' });
    expect(periodProblem('2020-08-01', '2026-07-31', 'month')).toBeNull(); // 72 months: the most
    expect(periodProblem('2020-07-31', '2026-07-31', 'term')).toBeNull();
    expect(periodProblem('2020-08-01', '2026-07-31', 'schoolYear')).toBeNull();
  });
});

describe('school years', () => {
  it('start on 1 August', () => {
    expect(schoolYearStart('2026-07-31')).toBe(2025);
    expect(schoolYearStart('2026-08-01')).toBe(2026);
    expect(recentSchoolYears('2026-12-01', 3)).toEqual([2026, 2025, 2024]);
    expect(parseSchoolYear('2025-2026')).toBe(2025);
    expect(parseSchoolYear('2025-2027')).toBeNull();
  });

  it('make the yearly report’s window: the year before and the year, up to today while it runs', () => {
    expect(annualWindow(2025, '2026-12-01')).toEqual({ from: '2024-08-01', to: '2026-07-31', running: false });
    expect(annualWindow(2026, '2026-12-01')).toEqual({ from: '2025-08-01', to: '2026-12-01', running: true });
  });
});
