import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChildDetails } from '@/features/children/components/child-details';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const CHILD_ID = '00000000-0000-4000-8000-000000000001';
const ORG_SCHOOL = 'aaaaaaaa-0000-4000-8000-000000000001';
const ORG_BSO = 'aaaaaaaa-0000-4000-8000-000000000002';
const GROUP = 'bbbbbbbb-0000-4000-8000-000000000001';
const CONTACT = 'cccccccc-0000-4000-8000-000000000001';

const childBody = {
  id: CHILD_ID,
  centreId: 'c',
  groupId: GROUP,
  givenName: 'Noah',
  familyName: 'de Vries',
  dateOfBirth: '2017-09-01',
  hasBsn: true,
  contactPerson: { userId: CONTACT, displayName: 'Juf Anna' },
  createdAt: '',
  updatedAt: '',
};

const embedded = {
  contactPerson: { userId: CONTACT, displayName: 'Juf Anna', email: 'anna@school.test', since: '2023-08-28T09:30:00+02:00' },
  guardians: [
    { id: 'g1', childId: CHILD_ID, userId: 'u1', displayName: 'Sanne de Vries', relation: 'parent', hasParentalAuthority: true, createdAt: '', updatedAt: '' },
    { id: 'g2', childId: CHILD_ID, userId: 'u2', displayName: 'Kees Bakker', relation: 'foster_parent', hasParentalAuthority: false, createdAt: '', updatedAt: '' },
  ],
  placements: [
    { id: 'p1', childId: CHILD_ID, organisationId: ORG_SCHOOL, organisationName: 'Basisschool De Regenboog', kind: 'school', startDate: '2021-09-01', endDate: null, days: ['friday', 'monday', 'tuesday', 'wednesday', 'thursday'], createdAt: '', updatedAt: '' },
    { id: 'p2', childId: CHILD_ID, organisationId: ORG_BSO, organisationName: 'BSO Het Speelhuis', kind: 'out_of_school_care', startDate: '2022-01-03', endDate: '2025-07-18', days: ['thursday', 'monday'], createdAt: '', updatedAt: '' },
  ],
  careTeam: [],
  consents: [],
};

function routes(overrides: Record<string, () => Response> = {}) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace('/api/v1', '');
    if (overrides[path]) return overrides[path]!();
    switch (path) {
      case `/children/${CHILD_ID}`:
        return json({ ...childBody, embedded });
      case '/organisations':
        return json({
          items: [
            { id: ORG_SCHOOL, name: 'Basisschool De Regenboog', type: 'school', centreIds: [], createdAt: '', updatedAt: '' },
            { id: ORG_BSO, name: 'BSO Het Speelhuis', type: 'childcare', centreIds: [], createdAt: '', updatedAt: '' },
          ],
          nextCursor: null,
        });
      case '/groups':
        return json({ items: [{ id: GROUP, centreId: 'c', organisationId: ORG_SCHOOL, name: 'Groep 4b', kind: 'school_class', grade: 4, createdAt: '', updatedAt: '' }], nextCursor: null });
      default:
        return problem(404, 'Not found');
    }
  });
}

/** Requests for this child's data (not /groups, /organisations: those are no child data). */
const childRequests = (requests: Request[]) =>
  requests.filter((r) => new URL(r.url).pathname.startsWith(`/api/v1/children/${CHILD_ID}`));

describe('ChildDetails', () => {
  it('shows the child, contact person, guardians and placements from one request', async () => {
    const store = setupApi();
    const { requests } = routes();
    renderWithProviders(<ChildDetails childId={CHILD_ID} />, store);

    expect(await screen.findByRole('heading', { level: 1, name: 'Noah de Vries' })).toBeInTheDocument();
    expect(screen.getByText('1 september 2017')).toBeInTheDocument();
    expect(await screen.findByText('Groep 4b')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Stuur een e-mail aan Juf Anna' })).toHaveAttribute(
      'href',
      'mailto:anna@school.test',
    );
    expect(screen.getByText('sinds 28 augustus 2023')).toBeInTheDocument();

    const guardians = await screen.findByRole('table', { name: 'Ouders en verzorgers' });
    const guardianRows = within(guardians).getAllByRole('row').slice(1);
    expect(guardianRows[0]).toHaveTextContent(/Sanne de Vries\s*Ouder\s*Ja/);
    expect(guardianRows[1]).toHaveTextContent(/Kees Bakker\s*Pleegouder\s*Nee/);

    const placements = await screen.findByRole('table', { name: 'Plaatsingen' });
    const placementRows = within(placements).getAllByRole('row').slice(1);
    expect(await within(placementRows[0]!).findByText('Basisschool De Regenboog')).toBeInTheDocument();
    expect(placementRows[0]).toHaveTextContent('School');
    expect(placementRows[0]).toHaveTextContent('1 september 2021');
    expect(placementRows[0]).toHaveTextContent('Geen einddatum');
    expect(placementRows[0]).toHaveTextContent('maandag, dinsdag, woensdag, donderdag, vrijdag');
    expect(placementRows[1]).toHaveTextContent('BSO Het Speelhuis');
    expect(placementRows[1]).toHaveTextContent('Buitenschoolse opvang');
    expect(placementRows[1]).toHaveTextContent('18 juli 2025');
    expect(placementRows[1]).toHaveTextContent('maandag, donderdag');

    expect(childRequests(requests)).toHaveLength(1);
    // the placements carry their organisation's name: no list of organisations to fetch
    expect(requests.some((r) => r.url.includes('/organisations'))).toBe(false);
    const expand = new URL(childRequests(requests)[0]!.url).searchParams.get('expand');
    expect(expand?.split(',').sort()).toEqual([
      'careTeam',
      'consents',
      'contactPerson',
      'day',
      'guardians',
      'legalHold',
      'placements',
    ]);
  });

  it('shows no section for a part the server left out', async () => {
    const store = setupApi();
    routes({
      [`/children/${CHILD_ID}`]: () => json({ ...childBody, embedded: { guardians: embedded.guardians } }),
    });
    renderWithProviders(<ChildDetails childId={CHILD_ID} />, store);
    expect(await screen.findByRole('table', { name: 'Ouders en verzorgers' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Plaatsingen' })).not.toBeInTheDocument();
    // Without the contact person's part, the name on the child still shows; no e-mail link.
    expect(screen.getByText('Juf Anna')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Stuur een e-mail/ })).not.toBeInTheDocument();
  });

  it('shows a "not found" message on a 404', async () => {
    const store = setupApi();
    routes({ [`/children/${CHILD_ID}`]: () => problem(404, 'The child does not exist or is not visible to you.') });
    renderWithProviders(<ChildDetails childId={CHILD_ID} />, store);
    expect(await screen.findByRole('heading', { level: 1, name: 'Kind niet gevonden' })).toBeInTheDocument();
    expect(screen.getByText(/We kunnen dit kind niet vinden/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Terug naar de lijst met kinderen' })).toHaveAttribute('href', '/children');
  });

  it('says when there is no contact person', async () => {
    const store = setupApi();
    const { requests } = routes({
      [`/children/${CHILD_ID}`]: () =>
        json({ ...childBody, contactPerson: null, groupId: null, embedded: { ...embedded, contactPerson: null } }),
    });
    renderWithProviders(<ChildDetails childId={CHILD_ID} />, store);
    expect(await screen.findByText('Er is geen contactpersoon.')).toBeInTheDocument();
    expect(screen.getByText('Geen groep')).toBeInTheDocument();
    expect(childRequests(requests)).toHaveLength(1);
  });
});
