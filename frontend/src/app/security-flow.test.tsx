import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { json, mockFetch, renderRoutes, setupApi, typedProblem } from '@/test/utils';

// Staff: parents have their own account page in the parent app (parent-separation.test.tsx).
const me = {
  id: 'u1',
  tenantId: 't1',
  email: 'sanne@example.test',
  displayName: 'Sanne de Vries',
  roles: ['staff'],
  memberships: [{ id: 'm1', organisationId: 'o1', organisationName: 'Basisschool', organisationType: 'school', role: 'staff' }],
  isGuardian: false,
  twoFactor: { enabled: false, enrolmentRequired: false, mandatory: false, recoveryCodesLeft: 0 },
};

type Overrides = Record<string, (request: Request) => Response>;

function backend(overrides: Overrides = {}, meBody: object = me) {
  return mockFetch(async (request) => {
    const path = new URL(request.url).pathname.replace('/api/v1', '');
    if (overrides[path]) return overrides[path]!(request);
    switch (path) {
      case '/me':
        return json(meBody);
      case '/children':
      case '/groups':
      case '/placements':
      case '/organisations':
        return json({ items: [], nextCursor: null });
      case '/me/password':
        return new Response(null, { status: 204 });
      default:
        return new Response(null, { status: 404 });
    }
  });
}

describe('security in the app', () => {
  it('has the security page in the main menu', async () => {
    const store = setupApi();
    backend();
    const user = userEvent.setup();
    const { router } = renderRoutes({ routes: appRoutes, path: '/children', store });
    const nav = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    await user.click(within(nav).getByRole('link', { name: 'Beveiliging' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Beveiliging' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/security');
    expect(within(nav).getByRole('link', { name: 'Beveiliging' })).toHaveAttribute('aria-current', 'page');
  });

  it('sends a user who must set up two-factor to the security page, with the reason', async () => {
    const store = setupApi();
    backend({}, { ...me, twoFactor: { enabled: false, enrolmentRequired: true, mandatory: true, recoveryCodesLeft: 0 } });
    const { router } = renderRoutes({ routes: appRoutes, path: '/children', store });
    expect(await screen.findByRole('heading', { level: 1, name: 'Beveiliging' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/security');
    expect(await screen.findByText(/Tweestapsverificatie is verplicht voor uw rol/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tweestapsverificatie instellen' })).toBeInTheDocument();
  });

  it('goes to the security page when any call answers two-factor-enrolment-required', async () => {
    const store = setupApi();
    backend({ '/children': () => typedProblem(403, 'two-factor-enrolment-required', 'Set up two-factor first.') });
    const { router } = renderRoutes({ routes: appRoutes, path: '/children', store });
    await waitFor(() => expect(router.state.location.pathname).toBe('/security'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Beveiliging' })).toBeInTheDocument();
  });

  it('logs out here after a password change and says to log in again', async () => {
    const store = setupApi();
    const { requests } = backend();
    const user = userEvent.setup();
    const { router } = renderRoutes({ routes: appRoutes, path: '/security', store });

    await user.type(await screen.findByLabelText('Huidig wachtwoord'), 'oud-wachtwoord-1');
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), 'een nieuwe lange zin');
    await user.type(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), 'een nieuwe lange zin');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord wijzigen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeInTheDocument();
    expect(screen.getByText(/Uw wachtwoord is gewijzigd/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(store.get()).toBeNull();
    expect(requests.some((r) => r.url.endsWith('/me/password') && r.method === 'POST')).toBe(true);
  });
});
