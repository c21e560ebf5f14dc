import type { Me } from '@/features/auth/api/get-me';

type Memberships = { memberships: Pick<Me['memberships'][number], 'role'>[] };

/**
 * Organisation administrators and centre administrators manage API clients; nobody else. A file
 * of its own: the menu (in the first screen's bundle) needs only this.
 */
export function managesApiClients(me: Memberships | undefined): boolean {
  return Boolean(me?.memberships.some((m) => m.role === 'org_admin' || m.role === 'centre_admin'));
}
