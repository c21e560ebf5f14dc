import { parseIsoDate } from '@/lib/format';

/** The longest period the utilisation report takes: `to` at most this many days after `from`. */
export const MAX_PERIOD_DAYS = 400;

export type Period = { from: string; to: string };
export type PeriodProblem = 'fromMissing' | 'toMissing' | 'toBeforeFrom' | 'tooLong';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** The calendar day of `date` on the reader's clock, as `YYYY-MM-DD`. */
export function localIsoDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !DATE.test(value)) return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

function dayNumber(value: string): number {
  const { year, month, day } = parseIsoDate(value);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Whole days from `from` to `to` (0 for the same day), free of time zones and summer time. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(value: string, days: number): string {
  return new Date((dayNumber(value) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Shortens a period to the longest the API takes (`to` moves back), keeping `from`. */
export function clipPeriod({ from, to }: Period): Period {
  return daysBetween(from, to) > MAX_PERIOD_DAYS ? { from, to: addDays(from, MAX_PERIOD_DAYS) } : { from, to };
}

/**
 * The school year `today` falls in: 1 August to 31 July (the Dutch school year as the law
 * counts it), clipped to the longest period the report takes.
 */
export function schoolYear(today: Date): Period {
  const year = today.getMonth() >= 7 ? today.getFullYear() : today.getFullYear() - 1;
  return clipPeriod({ from: `${pad(year, 4)}-08-01`, to: `${pad(year + 1, 4)}-07-31` });
}

/** What is wrong with a period someone typed, or null when the API will take it. */
export function periodProblem(from: string, to: string): { field: 'from' | 'to'; problem: PeriodProblem } | null {
  if (!isIsoDate(from)) return { field: 'from', problem: 'fromMissing' };
  if (!isIsoDate(to)) return { field: 'to', problem: 'toMissing' };
  const days = daysBetween(from, to);
  if (days < 0) return { field: 'to', problem: 'toBeforeFrom' };
  if (days > MAX_PERIOD_DAYS) return { field: 'to', problem: 'tooLong' };
  return null;
}
