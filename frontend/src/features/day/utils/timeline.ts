import type { AttendanceState, DayEntry, DayEntryKind } from '@/features/day/types';
import { ATTENDANCE_STATES } from '@/features/day/types';

/** At the same start: the order of the day's parts (the school day before what follows it). */
const KIND_ORDER: readonly DayEntryKind[] = [
  'absence',
  'school',
  'childcare',
  'out_of_school_care',
  'activity',
  'support_session',
];

/** Where a child can go after school, in the list "na school". */
const AFTER_SCHOOL_KINDS: readonly DayEntryKind[] = ['activity', 'out_of_school_care', 'childcare', 'support_session'];

/** A reported absence of the whole day: no start, no end. */
export function isWholeDayAbsence(entry: DayEntry): boolean {
  return entry.kind === 'absence' && entry.startsAt === null;
}

const instant = (value: string | null | undefined) => (value ? Date.parse(value) : Number.NEGATIVE_INFINITY);

/** The day in order: a whole-day absence first, then by start, end and kind. */
export function orderEntries(entries: readonly DayEntry[]): DayEntry[] {
  return [...entries].sort(
    (a, b) =>
      Number(isWholeDayAbsence(b)) - Number(isWholeDayAbsence(a)) ||
      instant(a.startsAt) - instant(b.startsAt) ||
      instant(a.endsAt) - instant(b.endsAt) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
}

/** The absence report of the day, when there is one. */
export function absenceOf(entries: readonly DayEntry[]): DayEntry | undefined {
  return entries.find((entry) => entry.kind === 'absence');
}

export type AfterSchool = {
  /** When the school day ends (the last school part), or null on a day without school. */
  schoolEndsAt: string | null;
  /** Where the child goes from then on, in order; empty: home. */
  items: DayEntry[];
};

/**
 * "Na school": the activities, BSO, childcare and support sessions that start when school is
 * out or later. On a day without school, all of them.
 */
export function afterSchool(entries: readonly DayEntry[]): AfterSchool {
  const schoolEnds = entries
    .filter((entry) => entry.kind === 'school' && entry.endsAt)
    .map((entry) => entry.endsAt as string)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const schoolEndsAt = schoolEnds.at(-1) ?? null;
  const items = orderEntries(entries).filter(
    (entry) =>
      AFTER_SCHOOL_KINDS.includes(entry.kind) &&
      entry.startsAt !== null &&
      (schoolEndsAt === null || Date.parse(entry.startsAt) >= Date.parse(schoolEndsAt)),
  );
  return { schoolEndsAt, items };
}

/** The check-in state at an organisation (its school or BSO part of the day), if recorded. */
export function attendanceAt(entries: readonly DayEntry[], organisationId: string): AttendanceState | null {
  const part = entries.find(
    (entry) =>
      entry.responsible?.organisationId === organisationId &&
      (entry.kind === 'school' || entry.kind === 'out_of_school_care' || entry.kind === 'childcare'),
  );
  return attendanceState(part?.attendance);
}

/** A recorded attendance we have words for, or null. */
export function attendanceState(value: string | null | undefined): AttendanceState | null {
  return (ATTENDANCE_STATES as readonly string[]).includes(value ?? '') ? (value as AttendanceState) : null;
}
