import type { Me } from '@/features/auth/api/get-me';

/**
 * A parent or guardian who does not work at any of the centre's organisations: they get the
 * parent app. Someone who is both (a teacher who is also a parent) keeps the staff screens.
 */
export function isParentOnly(me: Pick<Me, 'isGuardian' | 'memberships' | 'roles'>): boolean {
  return me.isGuardian && me.memberships.length === 0 && me.roles.length === 0;
}
