import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useMe } from '@/features/auth/api/get-me';
import { SupportNav } from '@/features/support/components/support-nav';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

function me(role: 'centre_admin' | 'staff' | 'org_admin') {
  return {
    id: 'u1',
    tenantId: 't',
    email: 'x@example.test',
    displayName: 'Carla Centrum',
    roles: [role],
    memberships: [{ id: 'm1', organisationId: 'o1', organisationName: 'IKC', organisationType: 'school', role }],
    isGuardian: false,
    careCoordinatorCentreIds: [],
    twoFactor: { enabled: true, enrolmentRequired: false, mandatory: false, recoveryCodesLeft: 8 },
  };
}

/** Shows the name once /me is in: the navigation has then had its answer too. */
function MeLoaded() {
  const me = useMe();
  return me.data ? <p>{me.data.displayName}</p> : null;
}

function renderNav(role: 'centre_admin' | 'staff' | 'org_admin') {
  mockFetch((request) => (new URL(request.url).pathname === '/api/v1/me' ? json(me(role)) : problem(404, 'Not found')));
  return renderWithProviders(
    <>
      <SupportNav />
      <MeLoaded />
    </>,
    setupApi(),
    '/zorg',
  );
}

describe('the support navigation', () => {
  it('offers a centre administrator the norms and the care coordinators', async () => {
    renderNav('centre_admin');
    const nav = screen.getByRole('navigation', { name: 'Zorg & ondersteuning' });
    expect(await within(nav).findByRole('link', { name: 'Wachttijdnormen' })).toHaveAttribute('href', '/zorg/normen');
    expect(within(nav).getByRole('link', { name: 'Intern begeleiders' })).toHaveAttribute('href', '/zorg/intern-begeleiders');
    expect(within(nav).getByRole('link', { name: 'Trajecten' })).toHaveAttribute('href', '/zorg');
  });

  it.each(['staff', 'org_admin'] as const)('offers a %s no administration', async (role) => {
    renderNav(role);
    const nav = screen.getByRole('navigation', { name: 'Zorg & ondersteuning' });
    // Wait for /me before concluding that a link is not there.
    await screen.findByText('Carla Centrum');
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Trajecten', 'Signalen', 'Mijn agenda']);
  });
});
