import type { Me } from '@/features/auth/api/get-me';
import { DAY_STAFF_ROLES } from '@/features/day/types';

const isDayRole = (role: string) => (DAY_STAFF_ROLES as readonly string[]).includes(role);

/** Works at a school or childcare as staff or administrator: "Vandaag" is for them. */
export function isDayStaff(me: Pick<Me, 'memberships'> | undefined): boolean {
  return Boolean(me?.memberships.some((m) => isDayRole(m.role)));
}
