/** The parts of a child's file the access log names (its `resource`), as the API sends them. */
export const VISIT_RESOURCES = [
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

export type VisitResource = (typeof VISIT_RESOURCES)[number] | 'other';

const WRITES = new Set(['create', 'update', 'delete']);

/** Each part once, in the order of the list above; a part the app does not know yet as "other". */
export function visitResources(resources: string[]): VisitResource[] {
  const known = new Set<VisitResource>();
  for (const resource of resources) {
    known.add((VISIT_RESOURCES as readonly string[]).includes(resource) ? (resource as VisitResource) : 'other');
  }
  return [...VISIT_RESOURCES, 'other' as const].filter((resource) => known.has(resource));
}

/** Whether the visit only looked, or also changed something. */
export function visitKind(actions: string[]): 'read' | 'changed' {
  return actions.some((action) => WRITES.has(action)) ? 'changed' : 'read';
}
