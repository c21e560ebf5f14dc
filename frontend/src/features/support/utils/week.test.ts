import { describe, expect, it } from 'vitest';
import {
  addDays,
  currentWeek,
  dateInZone,
  isoWeekNumber,
  mondayOf,
  sessionsByDay,
  startOfDayInZone,
  weekOf,
} from '@/features/support/utils/week';
import type { SessionRead } from '@/features/support/types';

const session = (id: string, startsAt: string): SessionRead => ({
  id,
  trajectoryId: 't1',
  childId: 'c1',
  childName: 'Noah de Vries',
  trajectoryType: 'logopedie',
  professionalId: 'p1',
  professionalName: 'Lisa Logopedie',
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString(),
  location: 'centre_room',
  locationDetail: null,
  attendance: 'planned',
});

describe('the agenda week (Monday to Sunday, Amsterdam)', () => {
  it('finds the Monday of any day, Sunday included', () => {
    expect(mondayOf('2026-03-09')).toBe('2026-03-09'); // a Monday
    expect(mondayOf('2026-03-12')).toBe('2026-03-09');
    expect(mondayOf('2026-03-15')).toBe('2026-03-09'); // the Sunday after
    expect(mondayOf('2026-01-01')).toBe('2025-12-29'); // across the year
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('asks the API from Monday 00:00 to the next Monday 00:00 on the Amsterdam clock (winter time)', () => {
    const week = weekOf('2026-01-14');
    expect(week.monday).toBe('2026-01-12');
    expect(week.sunday).toBe('2026-01-18');
    expect(week.days).toHaveLength(7);
    expect(week.from).toBe('2026-01-11T23:00:00.000Z');
    expect(week.to).toBe('2026-01-18T23:00:00.000Z');
    expect(week.number).toBe(3);
  });

  it('handles summer time and the weeks the clocks change', () => {
    expect(weekOf('2026-06-17').from).toBe('2026-06-14T22:00:00.000Z');
    // Clocks go forward on Sunday 29 March 2026: the week starts in winter time, ends in summer time.
    const spring = weekOf('2026-03-25');
    expect(spring.from).toBe('2026-03-22T23:00:00.000Z');
    expect(spring.to).toBe('2026-03-29T22:00:00.000Z');
    // Clocks go back on Sunday 25 October 2026.
    const autumn = weekOf('2026-10-21');
    expect(autumn.from).toBe('2026-10-18T22:00:00.000Z');
    expect(autumn.to).toBe('2026-10-25T23:00:00.000Z');
    expect(startOfDayInZone('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('takes this week from the Amsterdam date, not the reader’s or UTC’s', () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Amsterdam: the next week.
    expect(currentWeek(new Date('2026-03-15T23:30:00Z')).monday).toBe('2026-03-16');
    expect(currentWeek(new Date('2026-03-15T22:30:00Z')).monday).toBe('2026-03-09');
    expect(dateInZone('2026-07-01T22:30:00Z')).toBe('2026-07-02');
  });

  it('numbers weeks the ISO way', () => {
    expect(isoWeekNumber('2026-01-01')).toBe(1);
    expect(isoWeekNumber('2027-01-01')).toBe(53);
    expect(isoWeekNumber('2026-12-31')).toBe(53);
  });

  it('puts each session under its Amsterdam day, earliest first', () => {
    const week = weekOf('2026-03-09');
    const days = sessionsByDay(
      [
        session('late', '2026-03-10T13:00:00Z'),
        session('early', '2026-03-10T08:00:00Z'),
        session('monday-night', '2026-03-15T23:30:00Z'), // Monday 16 March in Amsterdam: next week
        session('sunday', '2026-03-15T10:00:00Z'),
      ],
      week,
    );
    expect(days.get('2026-03-10')!.map((s) => s.id)).toEqual(['early', 'late']);
    expect(days.get('2026-03-15')!.map((s) => s.id)).toEqual(['sunday']);
    expect([...days.values()].flat().map((s) => s.id)).not.toContain('monday-night');
  });
});
