import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { json, mockFetch, renderRoutes, setupApi } from '@/test/utils';

const me = {
  id: 'u1',
  email: 'juf.anna@kindcentraal.test',
  displayName: 'Anna Jansen',
  tenantId: 't1',
  roles: ['staff'],
  memberships: [],
  isGuardian: false,
  twoFactor: { enabled: false, enrolmentRequired: false, mandatory: false, recoveryCodesLeft: 0 },
};

const child = {
  id: '00000000-0000-4000-8000-000000000001',
  centreId: 'c',
  groupId: null,
  givenName: 'Noah',
  familyName: 'de Vries',
  dateOfBirth: '2017-09-01',
  hasBsn: false,
  contactPerson: null,
  createdAt: '',
  updatedAt: '',
};

function backend(meBody: object = me) {
  return mockFetch(async (request) => {
    const path = new URL(request.url).pathname.replace('/api/v1', '');
    if (path === '/auth/token')
      return json({ access_token: 'a1', token_type: 'bearer', expires_in: 900, refresh_token: 'r1' });
    if (path === '/auth/logout') return new Response(null, { status: 204 });
    if (path === '/me') return json(meBody);
    if (path === '/children') return json({ items: [child], nextCursor: null });
    if (path === '/groups') return json({ items: [], nextCursor: null });
    return new Response(null, { status: 404 });
  });
}

describe('the app', () => {
  it('sends a visitor without a session to the login screen, and back after logging in', async () => {
    const store = setupApi(null);
    const { requests } = backend();
    const user = userEvent.setup();
    const { router } = renderRoutes({ routes: appRoutes, path: '/children', store });

    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');

    await user.type(screen.getByLabelText('E-mailadres'), 'juf.anna@kindcentraal.test');
    await user.type(screen.getByLabelText('Wachtwoord'), 'geheim');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Kinderen' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/children');
    const header = screen.getByRole('banner');
    expect(await within(header).findByText('Anna Jansen')).toBeInTheDocument();
    expect(within(header).getByText('medewerker')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: /Noah de Vries/ })).toBeInTheDocument();
    const meRequest = requests.find((r) => r.url.endsWith('/me'))!;
    expect(meRequest.headers.get('Authorization')).toBe('Bearer a1');
  });

  it('logs out on the server and returns to the login screen', async () => {
    const store = setupApi();
    const { requests } = backend();
    const user = userEvent.setup();
    const { router } = renderRoutes({ routes: appRoutes, path: '/children', store });

    await user.click(await screen.findByRole('button', { name: 'Uitloggen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeInTheDocument();
    expect(screen.getByText('U bent uitgelogd.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(store.get()).toBeNull();
    const logout = requests.find((r) => r.url.endsWith('/auth/logout'))!;
    expect(logout.method).toBe('POST');
    expect(logout.headers.get('Authorization')).toBe('Bearer access-1');
    // The refresh token is the HttpOnly cookie: it goes along, and the answer clears it.
    expect(logout.credentials).toBe('include');
    expect(await logout.json()).toEqual({});
  });

  it('shows a teacher who is also a parent as a parent or guardian in the header', async () => {
    const store = setupApi();
    // A parent with no work at the centre gets the parent app instead (parent-separation.test.tsx).
    backend({ ...me, displayName: 'Sanne de Vries', isGuardian: true });
    renderRoutes({ routes: appRoutes, path: '/children', store });
    const header = await screen.findByRole('banner');
    expect(await within(header).findByText('Sanne de Vries')).toBeInTheDocument();
    expect(within(header).getByText('medewerker, ouder of verzorger')).toBeInTheDocument();
  });

  it('switches the whole screen to English and sets the lang attribute', async () => {
    const store = setupApi(null);
    backend();
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: '/login', store });

    await user.click(await screen.findByRole('button', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email address')).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    await waitFor(() => expect(document.title).toBe('Log in – KindCentraal'));
  });

  it('shows a not-found page for an unknown address', async () => {
    const store = setupApi();
    backend();
    renderRoutes({ routes: appRoutes, path: '/nergens', store });
    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeInTheDocument();
  });
});
