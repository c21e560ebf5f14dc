import type { Me } from '@/features/auth/api/get-me';

/** A centre administrator of at least one organisation: sets the norms, names the care coordinators. */
export function isCentreAdmin(me: Pick<Me, 'memberships'> | undefined): boolean {
  return Boolean(me?.memberships.some((membership) => membership.role === 'centre_admin'));
}

/**
 * The centres this user administers: those that an organisation in which they are centre
 * administrator takes part in (`OrganisationRead.centreIds`), as the API decides it.
 */
export function administeredCentreIds(
  me: Pick<Me, 'memberships'> | undefined,
  organisations: { id: string; centreIds: string[] }[],
): string[] {
  const adminOf = new Set(
    (me?.memberships ?? []).filter((m) => m.role === 'centre_admin').map((m) => m.organisationId),
  );
  const centres = new Set<string>();
  for (const organisation of organisations) {
    if (adminOf.has(organisation.id)) for (const centreId of organisation.centreIds) centres.add(centreId);
  }
  return [...centres];
}
