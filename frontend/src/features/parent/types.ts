import type { components } from '@/api/schema';

/* The parent home (GET /me/home) and the data export (AVG right of access), as the API sends them. */

export type ParentHome = components['schemas']['ParentHome'];
export type ParentHomeChild = components['schemas']['HomeChild'];
export type ParentContactPerson = components['schemas']['HomeContactPerson'];
export type ParentAction = components['schemas']['ParentAction'];
export type ParentActionKind = ParentAction['kind'];

/** An export of everything stored about a child and its guardian; polled until ready. */
export type DataExport = components['schemas']['DataExportRead'];
export type DataExportFormat = 'json' | 'html';
