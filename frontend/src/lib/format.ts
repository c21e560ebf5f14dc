import type { Language } from '@/lib/i18n';

/**
 * The locale Intl formats each language with: dates, times and numbers follow the reader's
 * language ("5 maart 2019", "5 Mart 2019", "٥ مارس ٢٠١٩" or "5 مارس 2019", as the browser's
 * Intl data gives it for Arabic).
 */
export const LOCALES: Record<Language, string> = {
  nl: 'nl-NL',
  en: 'en-GB',
  ar: 'ar',
  tr: 'tr-TR',
  pl: 'pl-PL',
  uk: 'uk-UA',
};

/** "1.234" (nl), "1,234" (en), "1 234" (pl): a whole or decimal number in the reader's language. */
export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(LOCALES[language], options).format(value);
}

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Reads a `YYYY-MM-DD` date as a calendar day, free of time zones. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${value}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${value}`);
  }
  return { year, month, day };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "5 maart 2019" (nl) or "5 March 2019" (en). A `YYYY-MM-DD` date is a calendar day and never
 * shifts with the time zone; an ISO timestamp shows the day it was in the reader's time zone.
 */
export function formatDate(value: string, language: Language): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
  if (DATE_ONLY.test(value)) {
    const { year, month, day } = parseIsoDate(value);
    return new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, day)),
    );
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date or timestamp: ${value}`);
  return new Intl.DateTimeFormat(LOCALES[language], options).format(instant);
}

/** "3 maart 2026 om 14:05" (nl) or "3 March 2026 at 14:05" (en), in the reader's time zone. */
export function formatDateTime(value: string, language: Language): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a timestamp: ${value}`);
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short' }).format(
    instant,
  );
}

/** "14:05", in the reader's time zone. */
export function formatTime(value: string, language: Language): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a timestamp: ${value}`);
  return new Intl.DateTimeFormat(LOCALES[language], { timeStyle: 'short' }).format(instant);
}

/** Today as `YYYY-MM-DD` in the local calendar (for a date field's `min`). */
export function todayIsoDate(today: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

/** Completed years and months between the date of birth and today (local calendar). */
export function calculateAge(
  dateOfBirth: string,
  today: Date = new Date(),
): { years: number; months: number } {
  const birth = parseIsoDate(dateOfBirth);
  let months =
    (today.getFullYear() - birth.year) * 12 + (today.getMonth() + 1 - birth.month);
  if (today.getDate() < birth.day) months -= 1;
  months = Math.max(0, months);
  return { years: Math.floor(months / 12), months: months % 12 };
}

/** Sorts weekdays Monday first, whatever order the API sent. */
export function sortWeekdays<T extends string>(days: readonly T[]): T[] {
  const rank = (day: string) => {
    const index = (WEEKDAYS as readonly string[]).indexOf(day);
    return index === -1 ? WEEKDAYS.length : index;
  };
  return [...days].sort((a, b) => rank(a) - rank(b));
}
