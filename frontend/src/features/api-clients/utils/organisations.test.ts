import { describe, expect, it } from 'vitest';
import { administeredOrganisations } from '@/features/api-clients/utils/organisations';
import { managesApiClients } from '@/features/api-clients/utils/roles';

const organisations = [
  { id: 'school', name: 'Basisschool De Regenboog', centreIds: ['c1'] },
  { id: 'opvang', name: 'Kinderopvang De Regenboog', centreIds: ['c1'] },
  { id: 'sport', name: 'Sportvereniging Huizen', centreIds: ['c1', 'c2'] },
  { id: 'elders', name: 'Opvang Elders', centreIds: ['c2'] },
];
const member = (organisationId: string, organisationName: string, role: string) => ({ organisationId, organisationName, role }) as never;

describe('who manages API clients, and of which organisations', () => {
  it('gives organisation admins their own organisations, without asking for the others', () => {
    const me = { memberships: [member('opvang', 'Kinderopvang De Regenboog', 'org_admin'), member('school', 'Basisschool', 'staff')] };
    expect(managesApiClients(me)).toBe(true);
    expect(administeredOrganisations(me)).toEqual([{ id: 'opvang', name: 'Kinderopvang De Regenboog' }]);
  });

  it('gives centre administrators every organisation of their centres, once, by name', () => {
    const me = {
      memberships: [member('school', 'Basisschool De Regenboog', 'centre_admin'), member('opvang', 'Kinderopvang De Regenboog', 'org_admin')],
    };
    expect(administeredOrganisations(me, organisations).map((o) => o.id)).toEqual(['school', 'opvang', 'sport']);
  });

  it('gives staff, care professionals and analysts nothing', () => {
    const me = { memberships: [member('school', 'Basisschool', 'staff'), member('sport', 'Sport', 'care_professional')] };
    expect(managesApiClients(me)).toBe(false);
    expect(managesApiClients(undefined)).toBe(false);
    expect(administeredOrganisations(me, organisations)).toEqual([]);
  });
});
