import type { components, paths } from '@/api/schema';

/* Activities after school: the catalogue, their sessions, enrolments and attendance. */

export type ActivityRead = components['schemas']['ActivityRead'];
export type ActivityCategory = components['schemas']['ActivityCategory'];
export type ActivityCreate = components['schemas']['ActivityCreate'];
export type ActivityUpdate = components['schemas']['ActivityUpdate'];
export type ChildCentreRead = components['schemas']['ChildCentreRead'];
export type ActivitySession = components['schemas']['ActivitySessionRead'];
export type SessionCreate = components['schemas']['ActivitySessionCreate'];
export type SessionsCreated = components['schemas']['ActivitySessionsCreated'];
export type EnrolmentRead = components['schemas']['EnrolmentRead'];
export type EnrolmentStatus = components['schemas']['EnrolmentStatus'];
export type SessionAttendanceRead = components['schemas']['SessionAttendanceRead'];
export type AttendanceRow = components['schemas']['AttendanceRow'];
export type AttendanceStatus = components['schemas']['SessionAttendanceStatus'];
export type AttendanceMark = components['schemas']['AttendanceMark'];

export type ActivityWeekday = NonNullable<
  NonNullable<NonNullable<paths['/activities']['get']['parameters']['query']>['weekday']>
>;

/** The categories in the order the filter offers them. */
export const CATEGORIES = [
  'sport',
  'culture',
  'media',
  'nature',
  'study_support',
  'welfare',
  'other',
] as const satisfies readonly ActivityCategory[];

/** The ages the filter offers (the API answers for 0 to 18). */
export const MIN_FILTER_AGE = 0;
export const MAX_FILTER_AGE = 18;

/** The marks of the attendance list, in the order of its buttons. */
export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const satisfies readonly AttendanceStatus[];

/** The roles that run an activity of their organisation (the API's RUNNERS). */
export const RUNNER_ROLES = ['centre_admin', 'org_admin', 'staff', 'care_professional'] as const;

/** Why the server refused an enrolment: `errors[].code` of a 400, `reason` of a 409. */
export type EnrolmentRefusal =
  | 'outsideAgeRange'
  | 'notForGroup'
  | 'otherCentre'
  | 'enrolmentClosed'
  | 'alreadyEnrolled'
  | 'alreadyCancelled'
  | 'unknownChild'
  | 'notAllowed';
