/**
 * The parts of a child's file the access log names (an entry's `resource`), as the API sends
 * them, in the order of the file. The server may add more: treat an unknown one as "other".
 */
export const ACCESS_RESOURCES = [
  'child',
  'guardians',
  'placements',
  'contact-person',
  'daily-team',
  'care-team',
  'consents',
  'plan',
  'trajectory',
  'goal',
  'trajectory-session',
  'trajectory-note',
  'signal',
  'support-request',
  'bsn',
  'access-log',
  'day',
  'actions',
  'absence',
  'enrolment',
  'activity-attendance',
  'daily-attendance',
  'data-export',
] as const;

export type AccessResource = (typeof ACCESS_RESOURCES)[number];

export const isAccessResource = (value: string): value is AccessResource =>
  (ACCESS_RESOURCES as readonly string[]).includes(value);
