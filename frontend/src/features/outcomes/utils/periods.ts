import { LOCALES } from '@/lib/format';
import type { StaffLanguage } from '@/lib/i18n';

/* School years run from 1 August to 31 July; the API names them "2025-2026". */

export type Translate = (key: string, options?: Record<string, unknown>) => string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A local calendar day as `YYYY-MM-DD`. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The calendar year the school year of `day` began in (August onwards: this year). */
export function schoolYearStart(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month >= 8 ? year : year - 1;
}

/** "2025-2026" for 2025. */
export function schoolYearKey(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

/** The start year of "2025-2026"; null for anything else. */
export function parseSchoolYear(value: string | null | undefined): number | null {
  const match = /^(\d{4})-(\d{4})$/.exec(value ?? '');
  if (!match) return null;
  const start = Number(match[1]);
  return Number(match[2]) === start + 1 ? start : null;
}

export function schoolYearRange(startYear: number): { from: string; to: string } {
  return { from: `${startYear}-08-01`, to: `${startYear + 1}-07-31` };
}

/**
 * The school years to choose from: the running one first, then `count - 1` before it. A report
 * goes back six years at most (the API's limit).
 */
export function recentSchoolYears(today: string, count = 6): number[] {
  const current = schoolYearStart(today);
  return Array.from({ length: count }, (_, index) => current - index);
}

/**
 * The yearly report's window: the year before and the chosen school year, up to today when
 * the year is still running (figures of days to come would only lower the shares).
 */
export function annualWindow(startYear: number, today: string): { from: string; to: string; running: boolean } {
  const from = schoolYearRange(startYear - 1).from;
  const end = schoolYearRange(startYear).to;
  const running = today < end;
  return { from, to: running ? (today < from ? from : today) : end, running };
}

/**
 * A period's key as a reader says it: "2025-2026" stays, "2025-2026-T1" is "periode 1 van
 * 2025-2026", "2025-09" is "september 2025".
 */
export function periodLabel(key: string, t: Translate, language: StaffLanguage): string {
  const term = /^(\d{4}-\d{4})-T(\d)$/.exec(key);
  if (term) return t('outcomes.periods.term', { year: term[1], term: term[2] });
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return key;
}
