import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { json, mockFetch, renderRoutes, setupApi } from '@/test/utils';

const CHILD_ID = '00000000-0000-4000-8000-000000000001';
const ORG = 'aaaaaaaa-0000-4000-8000-000000000001';
const CONSENT_ID = 'dddddddd-0000-4000-8000-000000000001';

const schoolStaff = { id: 'm1', organisationId: 'aaaaaaaa-0000-4000-8000-000000000009', organisationName: 'Basisschool De Regenboog', organisationType: 'school', role: 'staff' } as const;

/**
 * Who opens the staff child page. A parent without a job at any organisation has the parent app
 * (parent-separation.test.tsx: /children/:id sends them to /ouder; the parent app's own tests in
 * features/parent-child cover what they see there). Here: `u1`, Sanne, a teacher at the school
 * who is also this child's guardian (she keeps the staff screens), and `contact`, Juf Anna, the
 * child's contact person.
 */
const me = (id: string) => ({
  id,
  tenantId: 't1',
  email: `${id}@example.test`,
  displayName: id === 'contact' ? 'Juf Anna' : 'Sanne de Vries',
  language: null,
  roles: ['staff'],
  memberships: [schoolStaff],
  isGuardian: id !== 'contact',
  careCoordinatorCentreIds: [],
  twoFactor: { enabled: false, enrolmentRequired: false, mandatory: false, recoveryCodesLeft: 0 },
});

const child = {
  id: CHILD_ID,
  centreId: 'c',
  groupId: null,
  givenName: 'Noah',
  familyName: 'de Vries',
  dateOfBirth: '2019-09-01',
  hasBsn: false,
  contactPerson: { userId: 'contact', displayName: 'Juf Anna' },
  createdAt: '',
  updatedAt: '',
};

const guardian = (userId: string, hasParentalAuthority: boolean) => ({
  id: `g-${userId}`,
  childId: CHILD_ID,
  userId,
  displayName: 'Sanne de Vries',
  relation: 'parent',
  hasParentalAuthority,
  createdAt: '',
  updatedAt: '',
});

const consent = {
  id: CONSENT_ID,
  childId: CHILD_ID,
  organisationId: ORG,
  organisationName: 'Logopediepraktijk De Klank',
  purpose: 'care_team',
  trajectoryType: null,
  givenById: 'u1',
  givenByName: 'Sanne de Vries',
  childAlsoConsented: false,
  givenAt: '2025-09-01T10:00:00+02:00',
  validUntil: null,
  withdrawnAt: null,
  withdrawnByName: null,
  inForce: true,
};

type Embedded = Record<string, unknown>;

/**
 * The API as the child page sees it: one GET of the child with `embedded`. A guardian without
 * parental authority gets no `careTeam` and no `consents`, as the server does.
 */
function backend({ userId = 'u1', authority = true, embedded = {} as Embedded } = {}) {
  let consents: Record<string, unknown>[] = [consent];
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace('/api/v1', '');
    if (path === '/me') return json(me(userId));
    if (path === '/groups' || path === '/organisations') {
      return json({ items: [{ id: ORG, name: 'Logopediepraktijk De Klank', type: 'care', centreIds: [], createdAt: '', updatedAt: '' }], nextCursor: null });
    }
    if (path === `/children/${CHILD_ID}` && request.method === 'GET') {
      const parts: Embedded = {
        guardians: [guardian('u1', authority)],
        placements: [],
        contactPerson: null,
        ...(authority ? { careTeam: [], consents } : {}),
        ...embedded,
      };
      return json({ ...child, embedded: parts });
    }
    if (path === `/children/${CHILD_ID}/consents/${CONSENT_ID}/withdrawal`) {
      consents = [{ ...consent, inForce: false, withdrawnAt: '2026-01-10T12:00:00+01:00', withdrawnByName: 'Sanne de Vries' }];
      return json(consents[0]);
    }
    if (path === `/children/${CHILD_ID}/access-log`) {
      return json({
        items: [
          { id: 'e1', occurredAt: new Date().toISOString(), actorName: 'Sanne de Vries', organisationName: null, role: 'guardian', resource: 'child', action: 'read', parts: ['child', 'guardians', 'placements'], result: 'allowed' },
        ],
        nextCursor: null,
      });
    }
    return new Response(null, { status: 404 });
  });
}

const childRequests = (requests: Request[]) =>
  requests.filter((r) => new URL(r.url).pathname.startsWith(`/api/v1/children/${CHILD_ID}`));

describe('the child page', () => {
  it('loads the child and every part it shows in one request (a teacher who is the child\'s guardian); the access log only when opened', async () => {
    const store = setupApi();
    const { requests } = backend();
    renderRoutes({ routes: appRoutes, path: `/children/${CHILD_ID}`, store });

    expect(await screen.findByRole('heading', { level: 1, name: 'Noah de Vries' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Ouders en verzorgers' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Zorgteam' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Toestemmingen' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: 'Wie heeft het dossier bekeken' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Toestemming geven' })).toBeInTheDocument();

    expect(childRequests(requests)).toHaveLength(1);
    const [detail] = childRequests(requests);
    expect(new URL(detail!.url).pathname).toBe(`/api/v1/children/${CHILD_ID}`);
    expect(new URL(detail!.url).searchParams.get('expand')).toBeTruthy();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Bekijk wie het dossier heeft ingezien' }));
    const list = await screen.findByRole('list', { name: /nieuwste eerst/ });
    expect(within(list).getByRole('listitem')).toHaveTextContent(
      'Sanne de Vries (ouder of verzorger) bekeek het dossier (gegevens, ouders/verzorgers, plaatsingen)',
    );
    expect(childRequests(requests).map((r) => new URL(r.url).pathname)).toEqual([
      `/api/v1/children/${CHILD_ID}`,
      `/api/v1/children/${CHILD_ID}/access-log`,
    ]);
  });

  it('fetches the child page again after a consent is withdrawn', async () => {
    const store = setupApi();
    const { requests } = backend();
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: `/children/${CHILD_ID}`, store });

    await user.click(await screen.findByRole('button', { name: 'Toestemming intrekken' }));
    await user.click(screen.getByRole('button', { name: 'Ja, intrekken' }));

    expect(await screen.findByText(/De toestemming is ingetrokken/)).toBeInTheDocument();
    await waitFor(() =>
      expect(
        requests.filter((r) => r.method === 'GET' && new URL(r.url).pathname === `/api/v1/children/${CHILD_ID}`),
      ).toHaveLength(2),
    );
    expect(await screen.findByText('Ingetrokken op 10 januari 2026 door Sanne de Vries')).toBeInTheDocument();
    // The access log was never opened, so it was not fetched either.
    expect(requests.some((r) => r.url.includes('/access-log'))).toBe(false);
  });

  it('shows a teacher who is a guardian without parental authority what the server sent: no care team, consents or log', async () => {
    const store = setupApi();
    const { requests } = backend({ authority: false });
    renderRoutes({ routes: appRoutes, path: `/children/${CHILD_ID}`, store });

    expect(await screen.findByRole('heading', { level: 2, name: 'Plaatsingen' })).toBeInTheDocument();
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/me'))).toBe(true));
    await waitFor(() => expect(screen.queryByText('Bezig met laden…')).not.toBeInTheDocument());
    expect(screen.queryByRole('heading', { name: 'Zorgteam' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Toestemmingen' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Wie heeft het dossier bekeken' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Toestemming geven' })).not.toBeInTheDocument();
    // Without a consent form the organisations are not needed (placements carry their names).
    expect(requests.some((r) => r.url.includes('/organisations'))).toBe(false);
    expect(childRequests(requests)).toHaveLength(1);
  });

  it('offers the access log to the contact person, without the consent form', async () => {
    const store = setupApi();
    backend({ userId: 'contact', embedded: { contactPerson: { userId: 'contact', displayName: 'Juf Anna', email: 'anna@school.test', since: '2023-08-28T09:30:00+02:00' } } });
    renderRoutes({ routes: appRoutes, path: `/children/${CHILD_ID}`, store });

    expect(await screen.findByRole('button', { name: 'Bekijk wie het dossier heeft ingezien' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Toestemmingen' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Toestemming geven' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Stuur een e-mail aan Juf Anna' })).toBeInTheDocument();
  });

  it('shows today ("Vandaag") from the same one request, and offers a teacher who is the child\'s guardian "Ziek of afwezig melden"', async () => {
    const store = setupApi();
    const today = '2026-03-25';
    const { requests } = backend({
      embedded: {
        day: {
          date: today,
          childId: CHILD_ID,
          entries: [
            { kind: 'activity', title: 'Judo', startsAt: `${today}T14:00:00Z`, endsAt: `${today}T15:00:00Z`, responsible: { organisationId: 'o2', organisationName: 'Sportclub Gooi', personName: 'Trainer Tom' }, where: { roomId: 'r1', name: 'Gymzaal', buildingName: null }, absent: true },
            { kind: 'school', title: 'School, Groep 4b', startsAt: `${today}T07:30:00Z`, endsAt: `${today}T13:30:00Z`, responsible: { organisationId: ORG, organisationName: 'Basisschool De Regenboog', personName: null }, where: { roomId: null, name: 'Groep 4b', buildingName: null }, absent: true },
            { kind: 'absence', title: 'Afgemeld', startsAt: null, endsAt: null, responsible: null, where: null, absent: true, absenceReason: 'ill' },
          ],
        },
      },
    });
    renderRoutes({ routes: appRoutes, path: `/children/${CHILD_ID}`, store });

    const heading = await screen.findByRole('heading', { level: 2, name: 'Vandaag' });
    const section = heading.closest('section')!;
    const items = within(within(section).getByRole('list')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Afgemeld voor de hele dag'),
      expect.stringContaining('SchoolBij: Basisschool De RegenboogWaar: Groep 4b'),
      expect.stringContaining('Judo'),
    ]);
    expect(items[0]).toHaveTextContent('Reden: ziek');
    expect(within(section).getByRole('link', { name: 'Ziek of afwezig melden' })).toHaveAttribute(
      'href',
      `/children/${CHILD_ID}/afmelden`,
    );
    await waitFor(() => expect(screen.queryByText('Bezig met laden…')).not.toBeInTheDocument());

    // Still one request for the whole page, with the day among its parts.
    expect(childRequests(requests)).toHaveLength(1);
    const expand = new URL(childRequests(requests)[0]!.url).searchParams.get('expand')!.split(',');
    expect(expand).toContain('day');
    expect(requests.some((r) => /\/day(\?|$)/.test(new URL(r.url).pathname))).toBe(false);
  });

  it('gives a teacher who is a guardian without parental authority no way to report the child absent', async () => {
    const store = setupApi();
    backend({ authority: false, embedded: { day: { date: '2026-03-25', childId: CHILD_ID, entries: [] } } });
    renderRoutes({ routes: appRoutes, path: `/children/${CHILD_ID}`, store });
    expect(await screen.findByRole('heading', { level: 2, name: 'Vandaag' })).toBeInTheDocument();
    expect(screen.getByText('Er staat deze dag niets op de planning.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Ziek of afwezig melden' })).not.toBeInTheDocument();
  });
});
