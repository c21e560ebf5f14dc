import { WEEKDAY_CODES, type WeekdayCode } from '@/features/rooms/types';

export type WeeklyRepeat = {
  /** The weekdays it happens on; Monday first whatever order they were ticked in. */
  weekdays: readonly WeekdayCode[];
  /** The last day, `YYYY-MM-DD`, inclusive. */
  until: string;
};

/**
 * The RFC 5545 rule of a weekly booking, e.g. `FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270709T235959`.
 *
 * The API expands the rule on the Amsterdam clock from the first start (a local date-time), so
 * UNTIL is a local date-time too, at the end of the chosen day: a date-only
 * `UNTIL=20270709` would end the series at midnight before it and leave the last day out.
 */
export function weeklyRule({ weekdays, until }: WeeklyRepeat): string {
  const days = WEEKDAY_CODES.filter((code) => weekdays.includes(code));
  if (days.length === 0) throw new RangeError('A weekly rule needs at least one weekday');
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(until);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${until}`);
  return `FREQ=WEEKLY;BYDAY=${days.join(',')};UNTIL=${match[1]}${match[2]}${match[3]}T235959`;
}
