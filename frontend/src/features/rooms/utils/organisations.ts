import type { Me } from '@/features/auth/api/get-me';
import { BOOKER_ROLES, type BookingOrganisation } from '@/features/rooms/types';

/** True for someone who works at an organisation in a role that books rooms. */
export function isBooker(me: Pick<Me, 'memberships'> | undefined): boolean {
  return Boolean(me?.memberships.some((m) => (BOOKER_ROLES as readonly string[]).includes(m.role)));
}

/**
 * The organisations someone books for: each one they work for in a booking role, once, by
 * name; only those taking part in the building's centre when that is known.
 */
export function bookerOrganisations(
  me: Pick<Me, 'memberships'> | undefined,
  centreOrganisationIds: ReadonlySet<string> | null,
): BookingOrganisation[] {
  const found = new Map<string, BookingOrganisation>();
  for (const membership of me?.memberships ?? []) {
    if (!(BOOKER_ROLES as readonly string[]).includes(membership.role)) continue;
    if (centreOrganisationIds && !centreOrganisationIds.has(membership.organisationId)) continue;
    found.set(membership.organisationId, {
      id: membership.organisationId,
      name: membership.organisationName,
      type: membership.organisationType,
    });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
}
