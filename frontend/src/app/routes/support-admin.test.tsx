import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { json, mockFetch, problem, renderRoutes, setupApi } from '@/test/utils';

/* The administration screens of "Zorg & ondersteuning" through the real routes: who gets what. */

const ADMIN_ORG = 'aaaaaaaa-0000-4000-8000-00000000000a';
const SCHOOL = 'aaaaaaaa-0000-4000-8000-000000000001';
const ELSEWHERE = 'aaaaaaaa-0000-4000-8000-000000000009';

const organisations = [
  { id: ADMIN_ORG, name: 'Stichting Kindcentra', type: 'welfare', centreIds: ['c1'], createdAt: '', updatedAt: '' },
  { id: SCHOOL, name: 'Basisschool De Regenboog', type: 'school', centreIds: ['c1'], createdAt: '', updatedAt: '' },
  { id: ELSEWHERE, name: 'Opvang Elders', type: 'childcare', centreIds: ['c2'], createdAt: '', updatedAt: '' },
];

function me(role: 'centre_admin' | 'staff') {
  const organisationId = role === 'centre_admin' ? ADMIN_ORG : SCHOOL;
  return {
    id: 'u1',
    tenantId: 't',
    email: 'x@example.test',
    displayName: 'Carla Centrum',
    roles: [role],
    memberships: [{ id: 'm1', organisationId, organisationName: 'Org', organisationType: 'school', role }],
    isGuardian: false,
    careCoordinatorCentreIds: [],
    twoFactor: { enabled: true, enrolmentRequired: false, mandatory: false, recoveryCodesLeft: 8 },
  };
}

function backend(role: 'centre_admin' | 'staff') {
  return mockFetch((request) => {
    const path = new URL(request.url).pathname.replace('/api/v1', '');
    if (path === '/me') return json(me(role));
    if (path === '/notifications') return json({ items: [], nextCursor: null, unreadCount: 0 });
    if (path === '/organisations') return json({ items: organisations, nextCursor: null });
    if (path === '/child-centres') {
      return json({
        items: [
          { id: 'c1', name: 'IKC De Regenboog', address: null, createdAt: '', updatedAt: '' },
          { id: 'c2', name: 'IKC Elders', address: null, createdAt: '', updatedAt: '' },
        ],
        nextCursor: null,
      });
    }
    if (path === '/child-centres/c1/care-coordinators') {
      return json([{ userId: 'u-ingrid', displayName: 'Ingrid Bakker', centreId: 'c1' }]);
    }
    if (path === '/trajectory-norms') {
      return json([{ type: 'logopedie', intakeWithinDays: 10, startWithinDays: 20, isDefault: true }]);
    }
    return problem(404, 'Not found');
  });
}

describe('the administration screens of support', () => {
  it('gives a centre administrator the care coordinators of the centre they administer, chosen from its partners', async () => {
    const { requests } = backend('centre_admin');
    renderRoutes({ routes: appRoutes, path: '/zorg/intern-begeleiders', store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Intern begeleiders' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Intern begeleiders van IKC De Regenboog' })).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'Ingrid Bakker' })).toBeInTheDocument();
    // Only c1 is administered: no centre to choose, and only c1's partners to pick from.
    expect(screen.queryByLabelText('Kindcentrum')).not.toBeInTheDocument();
    const organisation = within(screen.getByTestId('add-coordinator-form')).getByLabelText('Organisatie');
    expect(within(organisation).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Kies een organisatie',
      'Basisschool De Regenboog',
      'Stichting Kindcentra',
    ]);
    expect(requests.some((r) => r.url.includes('/child-centres/c2/'))).toBe(false);
  });

  it('gives anyone else no care-coordinator screen and asks nothing of the API for it', async () => {
    const { requests } = backend('staff');
    renderRoutes({ routes: appRoutes, path: '/zorg/intern-begeleiders', store: setupApi() });
    expect(await screen.findByTestId('care-coordinators-not-admin')).toHaveTextContent(
      'Deze pagina is voor beheerders van een kindcentrum.',
    );
    expect(screen.queryByTestId('add-coordinator-form')).not.toBeInTheDocument();
    expect(requests.some((r) => r.url.includes('/care-coordinators'))).toBe(false);
  });

  it('lets a centre administrator change the norms, another professional only read them', async () => {
    backend('centre_admin');
    const { unmount } = renderRoutes({ routes: appRoutes, path: '/zorg/normen', store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Wachttijdnormen' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Wijzig de norm voor Logopedie' })).toBeInTheDocument();
    unmount();

    backend('staff');
    renderRoutes({ routes: appRoutes, path: '/zorg/normen', store: setupApi() });
    expect(await screen.findByTestId('norm-source-logopedie')).toHaveTextContent('Standaard');
    await waitFor(() => expect(screen.getByTestId('norms-read-only')).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: /Wijzig de norm/ })).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Zorg & ondersteuning' });
    expect(within(nav).queryByRole('link', { name: 'Wachttijdnormen' })).not.toBeInTheDocument();
  });
});
