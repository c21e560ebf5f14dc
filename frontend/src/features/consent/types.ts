import type { components } from '@/api/schema';

/* The consents reach this feature with the child page (`embedded.consents` of
   GET /children/{childId}?expand=…); giving and withdrawing have their own files in api/. */

export type ConsentRead = components['schemas']['ConsentRead'];
export type ConsentPurpose = components['schemas']['ConsentPurpose'];
export type TrajectoryType = components['schemas']['TrajectoryType'];

export const CONSENT_PURPOSES = [
  'care_team',
  'trajectory',
  'information_sharing',
  'photos',
] as const satisfies readonly ConsentPurpose[];

export const TRAJECTORY_TYPES = [
  'logopedie',
  'opvoedondersteuning',
  'jeugdhulp',
  'passend_onderwijs',
  'fysiotherapie',
  'ergotherapie',
  'ggz_jeugd',
  'schoolmaatschappelijk_werk',
  'other',
] as const satisfies readonly TrajectoryType[];
