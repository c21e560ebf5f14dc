import type { Me } from '@/features/auth/api/get-me';
import type { AdministeredOrganisation } from '@/features/api-clients/types';

type Membership = Pick<Me['memberships'][number], 'organisationId' | 'organisationName' | 'role'>;

/** A centre administrator manages the clients of every organisation of their centres. */
export function isCentreAdmin(me: { memberships: Membership[] } | undefined): boolean {
  return Boolean(me?.memberships.some((m) => m.role === 'centre_admin'));
}

/**
 * The organisations whose API clients this person manages, as the API decides it: those they
 * are organisation administrator of, and, for a centre administrator, every organisation taking
 * part in a centre that one of their centre-admin organisations takes part in
 * (`OrganisationRead.centreIds`). Once each, by name.
 */
export function administeredOrganisations(
  me: { memberships: Membership[] } | undefined,
  organisations: { id: string; name: string; centreIds: string[] }[] = [],
): AdministeredOrganisation[] {
  const found = new Map<string, string>();
  const centreAdminOf = new Set<string>();
  for (const membership of me?.memberships ?? []) {
    if (membership.role === 'org_admin') found.set(membership.organisationId, membership.organisationName);
    if (membership.role === 'centre_admin') centreAdminOf.add(membership.organisationId);
  }
  const centres = new Set(
    organisations.filter((organisation) => centreAdminOf.has(organisation.id)).flatMap((organisation) => organisation.centreIds),
  );
  for (const organisation of organisations) {
    if (organisation.centreIds.some((centreId) => centres.has(centreId))) found.set(organisation.id, organisation.name);
  }
  return [...found]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
}
