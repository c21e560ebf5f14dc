import { ApiError } from '@/lib/api-client';
import { weeklyRule } from '@/features/rooms/utils/rrule';
import { minutesOf, utcToZoned, weekdayOf, zonedToUtc } from '@/features/rooms/utils/time';
import type { BookingConflict, BookingCreate, BookingRead, WeekdayCode } from '@/features/rooms/types';

export type Repeat = 'none' | 'weekly';

/** What the booking form holds: dates and times on the Amsterdam clock, as typed. */
export type BookingValues = {
  roomId: string;
  organisationId: string;
  purpose: string;
  date: string;
  start: string;
  end: string;
  attendees: string;
  repeat: Repeat;
  weekdays: WeekdayCode[];
  until: string;
  /** Null: not touched, follow the default (on for a school, as the API does). */
  skipHolidays: boolean | null;
};

export type BookingFormField = 'roomId' | 'organisationId' | 'purpose' | 'date' | 'start' | 'end' | 'attendees' | 'weekdays' | 'until';

/** The order fields appear in, to focus the first one that is wrong. */
export const FORM_FIELDS: readonly BookingFormField[] = [
  'roomId',
  'organisationId',
  'purpose',
  'date',
  'start',
  'end',
  'attendees',
  'weekdays',
  'until',
];

export type FieldErrors = Partial<Record<BookingFormField, string>>;

export function emptyValues(initial: Partial<BookingValues> = {}): BookingValues {
  const date = initial.date ?? '';
  return {
    roomId: '',
    organisationId: '',
    purpose: '',
    date,
    start: '',
    end: '',
    attendees: '',
    repeat: 'none',
    weekdays: date ? [weekdayOf(date)] : [],
    until: '',
    skipHolidays: null,
    ...initial,
  };
}

/** Why each field cannot be sent yet, as translation keys under `rooms.form`. */
export function localErrors(values: BookingValues, { needsOrganisation }: { needsOrganisation: boolean }) {
  const errors: Partial<Record<BookingFormField, string>> = {};
  if (!values.roomId) errors.roomId = 'roomRequired';
  if (needsOrganisation && !values.organisationId) errors.organisationId = 'organisationRequired';
  if (!values.purpose.trim()) errors.purpose = 'purposeRequired';
  if (!values.date) errors.date = 'dateRequired';
  if (!values.start) errors.start = 'startRequired';
  if (!values.end) errors.end = 'endRequired';
  else if (values.start && minutesOf(values.end) <= minutesOf(values.start)) errors.end = 'endBeforeStart';
  if (values.attendees.trim() && !/^\d+$/.test(values.attendees.trim())) errors.attendees = 'attendeesInvalid';
  else if (values.attendees.trim() && Number(values.attendees) < 1) errors.attendees = 'attendeesInvalid';
  if (values.repeat === 'weekly') {
    if (values.weekdays.length === 0) errors.weekdays = 'weekdaysRequired';
    if (!values.until) errors.until = 'untilRequired';
    else if (values.date && values.until < values.date) errors.until = 'untilBeforeDate';
  }
  return errors;
}

/** The POST /bookings body; `organisationId` only when the person chose one. */
export function bookingBody(values: BookingValues, defaultSkipHolidays: boolean): BookingCreate {
  const body: BookingCreate = {
    roomId: values.roomId,
    purpose: values.purpose.trim(),
    startsAt: zonedToUtc(values.date, values.start),
    endsAt: zonedToUtc(values.date, values.end),
    skipConflicts: false,
  };
  if (values.organisationId) body.organisationId = values.organisationId;
  if (values.attendees.trim()) body.attendees = Number(values.attendees);
  if (values.repeat === 'weekly') {
    body.recurrence = weeklyRule({ weekdays: values.weekdays, until: values.until });
    body.skipHolidays = values.skipHolidays ?? defaultSkipHolidays;
  }
  return body;
}

/** Where the form shows what the server says about a body field (`#/startsAt` → start time). */
const FIELD_OF_LOCATION: Record<string, BookingFormField> = {
  roomId: 'roomId',
  organisationId: 'organisationId',
  purpose: 'purpose',
  startsAt: 'start',
  endsAt: 'end',
  attendees: 'attendees',
  recurrence: 'until',
};

export type ServerFieldError = { field: BookingFormField | null; code: string; detail: string };

/** A 400's `errors`, each placed at the form field it is about (null: none of them). */
export function serverFieldErrors(error: unknown): ServerFieldError[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  return (error.problem?.errors ?? []).map((param) => {
    const name = param.location.replace(/^#\//, '').split('/')[0] ?? '';
    return { field: FIELD_OF_LOCATION[name] ?? null, code: param.code, detail: param.detail };
  });
}

/** A 409's `conflicts`: the asked times the room is taken at (absent when it raced). */
export function conflictsOf(error: unknown): BookingConflict[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const conflicts = (error.problem as { conflicts?: unknown } | null)?.conflicts;
  return Array.isArray(conflicts) ? (conflicts as BookingConflict[]) : null;
}

/**
 * Bookings already in the calendar that hold the room at the chosen (first) time: confirmed
 * bookings of that room overlapping it (touching ends do not overlap, as on the server).
 */
export function overlappingBookings(values: BookingValues, loaded: readonly BookingRead[]): BookingRead[] {
  if (!values.roomId || !values.date || !values.start || !values.end) return [];
  if (minutesOf(values.end) <= minutesOf(values.start)) return [];
  const start = Date.parse(zonedToUtc(values.date, values.start));
  const end = Date.parse(zonedToUtc(values.date, values.end));
  return loaded.filter(
    (booking) =>
      booking.roomId === values.roomId &&
      booking.status === 'confirmed' &&
      Date.parse(booking.startsAt) < end &&
      Date.parse(booking.endsAt) > start,
  );
}

/** The form's date and times from a range chosen in the calendar (Amsterdam clock). */
export function valuesFromRange(startsAt: string | Date, endsAt: string | Date): Pick<BookingValues, 'date' | 'start' | 'end'> {
  const start = utcToZoned(startsAt);
  const end = utcToZoned(endsAt);
  // One date in the form: a range into the next day ends at the end of the first.
  return { date: start.date, start: start.time, end: end.date === start.date ? end.time : '23:59' };
}
