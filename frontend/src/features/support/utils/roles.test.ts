import { describe, expect, it } from 'vitest';
import { administeredCentreIds, isCentreAdmin } from '@/features/support/utils/roles';

const membership = (organisationId: string, role: 'centre_admin' | 'staff' | 'org_admin') => ({
  id: `m-${organisationId}-${role}`,
  organisationId,
  organisationName: organisationId,
  organisationType: 'school' as const,
  role,
});

describe('centre administrators', () => {
  it('is one with a centre_admin membership, not an organisation administrator', () => {
    expect(isCentreAdmin({ memberships: [membership('o1', 'centre_admin')] })).toBe(true);
    expect(isCentreAdmin({ memberships: [membership('o1', 'org_admin'), membership('o2', 'staff')] })).toBe(false);
    expect(isCentreAdmin({ memberships: [] })).toBe(false);
    expect(isCentreAdmin(undefined)).toBe(false);
  });

  it('administers the centres its organisations take part in, each once', () => {
    const organisations = [
      { id: 'o1', centreIds: ['c1', 'c2'] },
      { id: 'o2', centreIds: ['c2', 'c3'] },
      { id: 'o3', centreIds: ['c4'] },
    ];
    const me = { memberships: [membership('o1', 'centre_admin'), membership('o2', 'centre_admin'), membership('o3', 'staff')] };
    expect(administeredCentreIds(me, organisations).sort()).toEqual(['c1', 'c2', 'c3']);
    expect(administeredCentreIds({ memberships: [membership('o3', 'staff')] }, organisations)).toEqual([]);
  });
});
