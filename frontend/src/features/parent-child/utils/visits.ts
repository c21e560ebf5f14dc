import { ACCESS_RESOURCES, type AccessResource, isAccessResource } from '@/features/access-log/utils/resources';

/** A part of the file as the access log names it (see `ACCESS_RESOURCES`), or one the app does not know yet. */
export type VisitResource = AccessResource | 'other';

const WRITES = new Set(['create', 'update', 'delete']);

/** Each part once, in the order of the file; a part the app does not know yet as "other". */
export function visitResources(resources: string[]): VisitResource[] {
  const known = new Set<VisitResource>();
  for (const resource of resources) {
    known.add(isAccessResource(resource) ? resource : 'other');
  }
  return [...ACCESS_RESOURCES, 'other' as const].filter((resource) => known.has(resource));
}

/** Whether the visit only looked, or also changed something. */
export function visitKind(actions: string[]): 'read' | 'changed' {
  return actions.some((action) => WRITES.has(action)) ? 'changed' : 'read';
}
