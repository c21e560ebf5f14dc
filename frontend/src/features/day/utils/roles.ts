import type { Me } from '@/features/auth/api/get-me';
import { DAY_STAFF_ROLES } from '@/features/day/types';

const isDayRole = (role: string) => (DAY_STAFF_ROLES as readonly string[]).includes(role);

/** Works at a school or childcare as staff or administrator: "Vandaag" is for them. */
export function isDayStaff(me: Pick<Me, 'memberships'> | undefined): boolean {
  return Boolean(me?.memberships.some((m) => isDayRole(m.role)));
}

/** Administers a centre: sees every group of it. */
export function isCentreAdmin(me: Pick<Me, 'memberships'> | undefined): boolean {
  return Boolean(me?.memberships.some((m) => m.role === 'centre_admin'));
}

/** The organisations whose groups the person works with, sorted (a stable query key). */
export function dayOrganisationIds(me: Pick<Me, 'memberships'> | undefined): string[] {
  return [...new Set((me?.memberships ?? []).filter((m) => isDayRole(m.role)).map((m) => m.organisationId))].sort();
}
