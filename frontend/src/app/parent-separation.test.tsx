import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { EMMA, NOAH, parentApi, parentMe, twoChildren } from '@/features/parent/testing/fixtures';
import { childDetail, NOOR_ID, parentChildApi } from '@/features/parent-child/testing/fixtures';
import { holdAnswer, json, renderRoutes, setupApi, testMe } from '@/test/utils';

const staff = testMe([
  { id: 'm1', organisationId: 'o1', organisationName: 'Basisschool De Regenboog', organisationType: 'school', role: 'staff' },
]);

const apiPaths = (requests: Request[]) => requests.map((r) => new URL(r.url).pathname.replace('/api/v1', ''));

/** A staff screen's requests: whatever a parent must never trigger. */
const STAFF_READS = ['/children', '/groups', '/placements', '/organisations', '/support-trajectories'];

function staffApi(me = staff) {
  return parentApi({
    me,
    read: (path) => (STAFF_READS.includes(path) ? json({ items: [], nextCursor: null }) : undefined),
  });
}

describe('parents and staff each in their own app', () => {
  it.each(['/', '/children', `/children/${NOAH}`, '/zorg', '/vandaag', '/activiteiten', '/security', '/nergens'])(
    'sends a parent from %s to /ouder, without asking for a staff screen’s data',
    async (path) => {
      const { requests } = parentApi();
      const { router } = renderRoutes({ routes: appRoutes, path, store: setupApi() });
      expect(await screen.findByRole('heading', { level: 1, name: 'Overzicht' })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/ouder');
      // The staff header and menu are never drawn for a parent.
      expect(screen.queryByRole('link', { name: 'Kinderen' })).not.toBeInTheDocument();
      expect(apiPaths(requests).filter((p) => STAFF_READS.includes(p))).toEqual([]);
    },
  );

  it('sends a parent who logs in without a destination to /ouder', async () => {
    const store = setupApi(null);
    parentApi({
      write: (request) =>
        new URL(request.url).pathname.endsWith('/auth/token')
          ? json({ access_token: 'a1', token_type: 'bearer', expires_in: 900, refresh_token: 'r1' })
          : undefined,
    });
    const user = userEvent.setup();
    const { router } = renderRoutes({ routes: appRoutes, path: '/login', store });

    await user.type(await screen.findByLabelText('E-mailadres'), 'sanne@example.test');
    await user.type(screen.getByLabelText('Wachtwoord'), 'geheim');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Overzicht' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/ouder');
  });

  it.each(['/ouder', `/ouder/kinderen/${NOAH}`, `/ouder/kinderen/${NOAH}/gegevens`, '/ouder/account'])(
    'sends staff from %s to /children',
    async (path) => {
      staffApi();
      const { router } = renderRoutes({ routes: appRoutes, path, store: setupApi() });
      expect(await screen.findByRole('heading', { level: 1, name: 'Kinderen' })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/children');
      expect(screen.queryByRole('navigation', { name: 'Kies een kind' })).not.toBeInTheDocument();
    },
  );

  it('keeps a teacher who is also a parent on the staff screens', async () => {
    staffApi({ ...staff, isGuardian: true });
    const { router } = renderRoutes({ routes: appRoutes, path: '/ouder', store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Kinderen' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/children');
  });

  it('sends a parent who must set up two-factor to the account page in the parent app', async () => {
    parentApi({
      me: { ...parentMe, twoFactor: { enabled: false, enrolmentRequired: true, mandatory: true, recoveryCodesLeft: 0 } },
    });
    const { router } = renderRoutes({ routes: appRoutes, path: '/ouder', store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn account' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/ouder/account');
    expect(await screen.findByRole('button', { name: 'Tweestapsverificatie instellen' })).toBeInTheDocument();
  });
});

describe('the parent app’s frame', () => {
  it('has a skip link to the main content, the header and the bottom navigation', async () => {
    parentApi();
    renderRoutes({ routes: appRoutes, path: '/ouder', store: setupApi() });
    await screen.findByRole('heading', { level: 1, name: 'Overzicht' });
    expect(screen.getByRole('link', { name: 'Ga direct naar de inhoud' })).toHaveAttribute('href', '#main');
    expect(document.querySelector('main#main')).toBeInTheDocument();
    const header = screen.getByRole('banner');
    expect(within(header).getByRole('link', { name: 'KindCentraal' })).toHaveAttribute('href', '/ouder');
    expect(within(header).getByRole('link', { name: 'Account' })).toHaveAttribute('href', '/ouder/account');
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getByRole('link', { name: 'Overzicht' })).toHaveAttribute('aria-current', 'page');
    // "Mijn kind" goes to the oldest child when no child is chosen.
    expect(within(nav).getByRole('link', { name: 'Mijn kind' })).toHaveAttribute('href', `/ouder/kinderen/${NOAH}`);
    // The home lists every child: no switcher there.
    expect(screen.queryByRole('navigation', { name: 'Kies een kind' })).not.toBeInTheDocument();
  });

  it('switches to the other child on the same sub-page, the current child marked', async () => {
    parentApi();
    const user = userEvent.setup();
    const { router } = renderRoutes({ routes: appRoutes, path: `/ouder/kinderen/${NOAH}/gegevens`, store: setupApi() });

    const switcher = await screen.findByRole('navigation', { name: 'Kies een kind' });
    const noah = await within(switcher).findByRole('link', { name: 'Noah' });
    const emma = within(switcher).getByRole('link', { name: 'Emma' });
    expect(noah).toHaveAttribute('aria-current', 'page');
    expect(emma).not.toHaveAttribute('aria-current');
    expect(noah.querySelector('.kc-child-badge')).toHaveTextContent('N');
    expect(emma.querySelector('.kc-child-badge')).toHaveTextContent('E');
    expect(await screen.findByRole('heading', { level: 1, name: 'Gegevens van Noah' })).toBeInTheDocument();

    await user.click(emma);

    expect(router.state.location.pathname).toBe(`/ouder/kinderen/${EMMA}/gegevens`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Gegevens van Emma' })).toBeInTheDocument();
    await waitFor(() => expect(within(switcher).getByRole('link', { name: 'Emma' })).toHaveAttribute('aria-current', 'page'));
    expect(within(switcher).getByRole('link', { name: 'Noah' })).not.toHaveAttribute('aria-current');
    // The bottom navigation follows the chosen child.
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getByRole('link', { name: 'Mijn kind' })).toHaveAttribute('href', `/ouder/kinderen/${EMMA}`);
    // Activiteiten is behind "Meer".
    await user.click(within(nav).getByRole('button', { name: 'Meer' }));
    expect(within(nav).getByRole('link', { name: 'Activiteiten' })).toHaveAttribute(
      'href',
      `/ouder/kinderen/${EMMA}/activiteiten`,
    );
  });

  it('shows a screen about one child only with the switcher above it, so that it does not jump down', async () => {
    // Toestemming needs nothing of the family itself: only the frame's switcher does.
    const home = holdAnswer(
      parentChildApi({ child: () => childDetail({}, { careTeam: [], consents: [], trajectories: [], placements: [] }) }),
      '/me/home',
    );
    renderRoutes({ routes: appRoutes, path: `/ouder/kinderen/${NOOR_ID}/toestemming`, store: setupApi() });

    // The frame is there and the screen's own request has gone out; the screen waits.
    expect(await screen.findByRole('navigation', { name: 'Hoofdmenu' })).toBeInTheDocument();
    await waitFor(() => expect(home.sent()).toContain(`/api/v1/children/${NOOR_ID}?expand=careTeam%2Cconsents%2Ctrajectories%2Cplacements`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText('Bezig met laden…')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('main')).toBeEmptyDOMElement();

    home.release();
    expect(await screen.findByRole('heading', { level: 1, name: 'Toestemming voor Noor' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Kies een kind' })).toBeInTheDocument();
  });

  it('shows no switcher for a parent with one child', async () => {
    const home = twoChildren();
    parentApi({ home: { ...home, children: [home.children[0]!] } });
    renderRoutes({ routes: appRoutes, path: `/ouder/kinderen/${NOAH}/gegevens`, store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Gegevens van Noah' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Kies een kind' })).not.toBeInTheDocument();
  });
});

describe('the parent app’s languages', () => {
  it('shows the language the account remembered, Arabic right to left', async () => {
    parentApi({ me: { ...parentMe, language: 'ar' } });
    renderRoutes({ routes: appRoutes, path: '/ouder', store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'نظرة عامة' })).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
  });

  it('offers all six languages on the account page and remembers a choice for the account', async () => {
    const { requests } = parentApi({
      me: { ...parentMe, language: 'nl' },
      write: async (request) =>
        request.method === 'PATCH' ? json({ ...parentMe, language: (await request.json()).language }) : undefined,
    });
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: '/ouder/account', store: setupApi() });

    const switcher = await screen.findByRole('group', { name: 'Taal' });
    expect(within(switcher).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Nederlands',
      'English',
      'العربية',
      'Türkçe',
      'Polski',
      'Українська',
    ]);
    await user.click(within(switcher).getByRole('button', { name: 'Türkçe' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Hesabım' })).toBeInTheDocument();
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1));
    const patch = requests.find((r) => r.method === 'PATCH')!;
    expect(new URL(patch.url).pathname).toBe('/api/v1/me');
    expect(await patch.json()).toEqual({ language: 'tr' });
  });
});

describe('the parent’s account page', () => {
  it('offers the language, two-factor, password, each child’s data and logging out', async () => {
    const { requests } = parentApi({
      write: (request) => (new URL(request.url).pathname.endsWith('/auth/logout') ? new Response(null, { status: 204 }) : undefined),
    });
    const user = userEvent.setup();
    const { router } = renderRoutes({ routes: appRoutes, path: '/ouder/account', store: setupApi() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn account' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Taal' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: 'Tweestapsverificatie' })).toBeInTheDocument();
    expect(screen.getByLabelText('Huidig wachtwoord')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Gegevens van Emma downloaden' })).toHaveAttribute(
      'href',
      `/ouder/kinderen/${EMMA}/gegevens`,
    );

    await user.click(screen.getByRole('button', { name: 'Uitloggen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeInTheDocument();
    expect(screen.getByText('U bent uitgelogd.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(apiPaths(requests)).toContain('/auth/logout');
  });
});
