import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roomFormat } from '@/features/rooms/utils/format';
import { addDays, isoWeekNumber, todayInZone, utcToZoned, weekdayOf, zonedToUtc } from '@/features/rooms/utils/time';

describe('the Amsterdam clock', () => {
  // The computer's own time zone must not matter: run these on a New York clock.
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
  });
  afterEach(() => {
    process.env.TZ = saved;
  });

  it('turns a local date and time into UTC with the offset of that day (daylight saving from 29 March 2026)', () => {
    expect(zonedToUtc('2026-03-27', '14:00')).toBe('2026-03-27T13:00:00Z');
    expect(zonedToUtc('2026-03-30', '14:00')).toBe('2026-03-30T12:00:00Z');
    expect(zonedToUtc('2026-10-26', '08:30')).toBe('2026-10-26T07:30:00Z');
    expect(zonedToUtc('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00Z');
  });

  it('reads UTC instants on the Amsterdam clock', () => {
    expect(utcToZoned('2026-03-27T13:00:00Z')).toEqual({ date: '2026-03-27', time: '14:00' });
    expect(utcToZoned('2026-03-30T12:00:00Z')).toEqual({ date: '2026-03-30', time: '14:00' });
    expect(utcToZoned('2026-03-29T22:30:00Z')).toEqual({ date: '2026-03-30', time: '00:30' });
    expect(todayInZone(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
  });

  it('counts days, weekdays and ISO weeks', () => {
    expect(addDays('2026-03-30', 62)).toBe('2026-05-31');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2027-01-13')).toBe('WE');
    expect(weekdayOf('2026-03-29')).toBe('SU');
    expect(isoWeekNumber('2026-03-23')).toBe(13);
    expect(isoWeekNumber('2027-01-01')).toBe(53);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
  });

  it('writes a time span in words, the same wall-clock hour on both sides of the change', () => {
    const nl = roomFormat('nl');
    expect(nl.span('2026-03-27T13:00:00Z', '2026-03-27T14:00:00Z')).toBe('vrijdag 27 maart 14:00–15:00');
    expect(nl.span('2026-03-30T12:00:00Z', '2026-03-30T13:00:00Z')).toBe('maandag 30 maart 14:00–15:00');
    expect(roomFormat('en').span('2027-01-13T13:00:00Z', '2027-01-13T14:00:00Z')).toBe('Wednesday 13 January 14:00–15:00');
    expect(nl.date('2027-07-09')).toBe('9 juli 2027');
  });
});
