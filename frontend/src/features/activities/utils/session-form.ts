import { weeklyRule } from '@/features/rooms/utils/rrule';
import { minutesOf, weekdayOf, zonedToUtc } from '@/features/rooms/utils/time';
import type { SessionCreate } from '@/features/activities/types';

/** What the "Sessies toevoegen" form holds: date and times on the Amsterdam clock, as typed. */
export type SessionValues = {
  roomId: string;
  date: string;
  start: string;
  end: string;
  weekly: boolean;
  /** The last day of a weekly series, `YYYY-MM-DD`, inclusive. */
  until: string;
  skipHolidays: boolean;
};

export type SessionField = 'roomId' | 'date' | 'start' | 'end' | 'until';

/** The order the fields appear in, to focus the first one that is wrong. */
export const SESSION_FIELDS: readonly SessionField[] = ['roomId', 'date', 'start', 'end', 'until'];

export type SessionFieldErrors = Partial<Record<SessionField, string>>;

export function emptySessionValues(initial: Partial<SessionValues> = {}): SessionValues {
  return { roomId: '', date: '', start: '', end: '', weekly: true, until: '', skipHolidays: true, ...initial };
}

/** Why each field cannot be sent yet, as keys under `activities.sessionForm.errors`. */
export function sessionErrors(values: SessionValues): SessionFieldErrors {
  const errors: SessionFieldErrors = {};
  if (!values.roomId) errors.roomId = 'roomRequired';
  if (!values.date) errors.date = 'dateRequired';
  if (!values.start) errors.start = 'startRequired';
  if (!values.end) errors.end = 'endRequired';
  else if (values.start && minutesOf(values.end) <= minutesOf(values.start)) errors.end = 'endBeforeStart';
  if (values.weekly) {
    if (!values.until) errors.until = 'untilRequired';
    else if (values.date && values.until < values.date) errors.until = 'untilBeforeDate';
  }
  return errors;
}

/**
 * The POST /activities/{activityId}/sessions body: the first session in UTC, and for a weekly
 * series the rule on the weekday of the chosen date (as the rooms screens build it).
 */
export function sessionBody(values: SessionValues, skipConflicts = false): SessionCreate {
  const body: SessionCreate = {
    roomId: values.roomId,
    startsAt: zonedToUtc(values.date, values.start),
    endsAt: zonedToUtc(values.date, values.end),
    // One session on a chosen date is held on that date, holiday or not.
    skipHolidays: values.weekly && values.skipHolidays,
    skipConflicts,
  };
  if (values.weekly) body.recurrence = weeklyRule({ weekdays: [weekdayOf(values.date)], until: values.until });
  return body;
}
