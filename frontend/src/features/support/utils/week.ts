import type { SessionRead } from '@/features/support/types';

/** The agenda is the centre's week: Monday to Sunday on the clock of the Netherlands. */
export const AGENDA_TIME_ZONE = 'Europe/Amsterdam';

const pad = (n: number) => String(n).padStart(2, '0');

function toIso(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function fromIso(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${value}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The date and time an instant shows on a clock in `timeZone`. */
function wallClock(instant: Date, timeZone: string): WallClock {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    wallClockFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(instant).map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes the clock in `timeZone` runs ahead of UTC at this instant (60 or 120 in Amsterdam). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const c = wallClock(instant, timeZone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The calendar day (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function dateInZone(instant: Date | string, timeZone = AGENDA_TIME_ZONE): string {
  const c = wallClock(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
  return toIso(c.year, c.month, c.day);
}

/** A calendar day plus or minus whole days. */
export function addDays(isoDate: string, days: number): string {
  const date = fromIso(isoDate);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The Monday of the week a calendar day lies in. */
export function mondayOf(isoDate: string): string {
  const weekday = (fromIso(isoDate).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(isoDate, -weekday);
}

/** The instant a calendar day begins (00:00) in `timeZone`, summer and winter time alike. */
export function startOfDayInZone(isoDate: string, timeZone = AGENDA_TIME_ZONE): Date {
  const guess = fromIso(isoDate).getTime();
  const first = offsetMinutes(new Date(guess), timeZone);
  let instant = guess - first * 60_000;
  const second = offsetMinutes(new Date(instant), timeZone);
  if (second !== first) instant = guess - second * 60_000;
  return new Date(instant);
}

/** ISO 8601 week number (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekNumber(isoDate: string): number {
  const thursday = fromIso(addDays(mondayOf(isoDate), 3));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
}

export type Week = {
  /** Monday, `YYYY-MM-DD`. */
  monday: string;
  /** Sunday, `YYYY-MM-DD`. */
  sunday: string;
  /** The seven days, Monday first. */
  days: string[];
  /** Monday 00:00 in Amsterdam, as an ISO instant (the API's `from`). */
  from: string;
  /** The next Monday 00:00 in Amsterdam (the API's `to`, exclusive). */
  to: string;
  number: number;
};

/** The week (Monday to Sunday, Amsterdam time) a day lies in, ready for `GET /support-sessions`. */
export function weekOf(isoDate: string, timeZone = AGENDA_TIME_ZONE): Week {
  const monday = mondayOf(isoDate);
  const days = Array.from({ length: 7 }, (_, index) => addDays(monday, index));
  return {
    monday,
    sunday: days[6]!,
    days,
    from: startOfDayInZone(monday, timeZone).toISOString(),
    to: startOfDayInZone(addDays(monday, 7), timeZone).toISOString(),
    number: isoWeekNumber(monday),
  };
}

/** This week in Amsterdam, whatever the reader's own time zone. */
export function currentWeek(now: Date = new Date(), timeZone = AGENDA_TIME_ZONE): Week {
  return weekOf(dateInZone(now, timeZone), timeZone);
}

/** The sessions of each day of the week (by their start on the Amsterdam clock), earliest first. */
export function sessionsByDay(
  sessions: readonly SessionRead[],
  week: Week,
  timeZone = AGENDA_TIME_ZONE,
): Map<string, SessionRead[]> {
  const byDay = new Map<string, SessionRead[]>(week.days.map((day) => [day, []]));
  const sorted = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const session of sorted) byDay.get(dateInZone(session.startsAt, timeZone))?.push(session);
  return byDay;
}
