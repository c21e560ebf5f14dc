import type { components } from '@/api/schema';

/* The room reports: how a building's rooms were used, and its floor area against the norm. */

export type UtilisationReport = components['schemas']['UtilisationReport'];
export type RoomUse = components['schemas']['RoomUse'];
export type OrganisationUse = components['schemas']['OrganisationUse'];
export type FloorAreaReport = components['schemas']['FloorAreaReport'];
export type FloorAreaRoom = components['schemas']['FloorAreaRoom'];
export type RoomNormRead = components['schemas']['RoomNormRead'];
export type RoomNormUpdate = components['schemas']['RoomNormUpdate'];
export type RoomType = components['schemas']['RoomType'];
export type OrganisationType = components['schemas']['OrganisationType'];
export type Role = components['schemas']['Role'];

/** Who reads the reports (the API answers 403 to everyone else). */
export const READER_ROLES = ['centre_admin', 'org_admin', 'municipality_analyst'] as const satisfies readonly Role[];

/** The fields of the norm form, as the server's `errors[].location` names them (`#/baseM2`). */
export const NORM_FIELDS = ['baseM2', 'perPupilM2', 'afterSchoolFrom', 'wednesdayAfternoonFrom'] as const;
export type NormField = (typeof NORM_FIELDS)[number];

/** The limits RoomNormUpdate sets (openapi.yaml). */
export const NORM_LIMITS = { baseM2: 100_000, perPupilM2: 1_000 } as const;

/** Weekdays in the heatmap's order: Monday first, as the API sends its rows. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** The hours the heatmap shows: the blocks starting 7:00 up to the one ending 22:00. */
export const HEATMAP_FIRST_HOUR = 7;
export const HEATMAP_END_HOUR = 22;
