import type { components } from '@/api/schema';

/* A child's day and a group's day: who has the child when and where, and absence reports. */

export type ChildDay = components['schemas']['ChildDay'];
export type DayEntry = components['schemas']['DayEntry'];
export type DayEntryKind = DayEntry['kind'];
export type GroupDay = components['schemas']['GroupDay'];
export type GroupChildDay = components['schemas']['GroupChildDay'];
export type GroupRead = components['schemas']['GroupRead'];
export type AbsenceRead = components['schemas']['AbsenceRead'];
export type AbsenceCreate = components['schemas']['AbsenceCreate'];
export type AbsenceReason = components['schemas']['AbsenceReason'];
export type DailyAttendanceUpdate = components['schemas']['DailyAttendanceUpdate'];
export type DailyAttendanceRead = components['schemas']['DailyAttendanceRead'];

/** The reasons, in the order the form offers them. */
export const ABSENCE_REASONS = ['ill', 'appointment', 'other'] as const satisfies readonly AbsenceReason[];

/** Recorded attendance as the API names it (DayEntry.attendance). */
export const ATTENDANCE_STATES = ['checked_in', 'checked_out', 'present', 'absent', 'excused'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

/** The roles that see a group's day and check children in and out (the API's PLACEMENT_ACCESS_ROLES). */
export const DAY_STAFF_ROLES = ['centre_admin', 'org_admin', 'staff'] as const;
