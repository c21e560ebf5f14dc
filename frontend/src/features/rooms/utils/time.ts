import { WEEKDAY_CODES, type WeekdayCode } from '@/features/rooms/types';

/**
 * The centre's clock. The API keeps times in UTC; people read and enter them as they are in the
 * Netherlands, whatever the time zone of their own computer, on both sides of daylight saving.
 */
export const ROOMS_TIME_ZONE = 'Europe/Amsterdam';

const pad = (n: number) => String(n).padStart(2, '0');

type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: ROOMS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function wallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(clock.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** Minutes the Amsterdam clock runs ahead of UTC at this instant: 60 in winter, 120 in summer. */
function offsetMinutes(epochMs: number): number {
  const c = wallClock(new Date(epochMs));
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute);
  return Math.round((asUtc - Math.floor(epochMs / 60_000) * 60_000) / 60_000);
}

function parseDate(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function parseTime(time: string): [number, number] {
  const match = /^(\d{2}):(\d{2})/.exec(time);
  if (!match) throw new RangeError(`Not an HH:MM time: ${time}`);
  return [Number(match[1]), Number(match[2])];
}

/**
 * A date and time on the Amsterdam clock (`2026-03-30`, `14:00`) as the UTC instant the API
 * takes (`2026-03-30T12:00:00Z`): the offset is the one in force on that day.
 */
export function zonedToUtc(date: string, time: string): string {
  const [year, month, day] = parseDate(date);
  const [hour, minute] = parseTime(time);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const first = offsetMinutes(asUtc);
  let instant = asUtc - first * 60_000;
  const second = offsetMinutes(instant);
  if (second !== first) instant = asUtc - second * 60_000;
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

/** An instant as the date and time on the Amsterdam clock (`2026-03-30`, `14:00`). */
export function utcToZoned(instant: string | Date): { date: string; time: string } {
  const c = wallClock(typeof instant === 'string' ? new Date(instant) : instant);
  return { date: `${c.year}-${pad(c.month)}-${pad(c.day)}`, time: `${pad(c.hour)}:${pad(c.minute)}` };
}

/** Today in the Netherlands, `YYYY-MM-DD`. */
export function todayInZone(now: Date = new Date()): string {
  return utcToZoned(now).date;
}

/** A calendar day plus or minus whole days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = parseDate(date);
  const result = new Date(Date.UTC(year, month - 1, day + days));
  return `${result.getUTCFullYear()}-${pad(result.getUTCMonth() + 1)}-${pad(result.getUTCDate())}`;
}

/** Whole days from one calendar day to another. */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parseDate(from);
  const [y2, m2, d2] = parseDate(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The weekday of a calendar day as an RFC 5545 code (`MO` … `SU`). */
export function weekdayOf(date: string): WeekdayCode {
  const [year, month, day] = parseDate(date);
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return WEEKDAY_CODES[(sundayFirst + 6) % 7]!;
}

/** `14:00` as minutes since midnight. */
export function minutesOf(time: string): number {
  const [hour, minute] = parseTime(time);
  return hour * 60 + minute;
}

/** ISO 8601 week number of a calendar day (weeks start on Monday; week 1 holds 4 January). */
export function isoWeekNumber(date: string): number {
  const weekday = WEEKDAY_CODES.indexOf(weekdayOf(date));
  const thursday = addDays(date, 3 - weekday);
  const [year] = parseDate(thursday);
  return Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
}
