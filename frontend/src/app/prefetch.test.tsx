import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { NOAH, parentApi } from '@/features/parent/testing/fixtures';
import { childDetail } from '@/features/parent-child/testing/fixtures';
import { holdAnswer, json, renderRoutes, setupApi, testMe } from '@/test/utils';

/*
 * The routes' loaders (app/prefetch.ts) send a screen's request as the navigation starts: on
 * opening the app that is beside /me, not after /me answered and the frame rendered.
 */

const childPage = (screenParts: string) => `/api/v1/children/${NOAH}?expand=${encodeURIComponent(screenParts)}`;

describe('opening the parent app', () => {
  it('asks for the home beside /me, before /me answers', async () => {
    const { release: answerMe, sent: paths } = holdAnswer(parentApi(), '/me');
    renderRoutes({ routes: appRoutes, path: '/ouder', store: setupApi() });

    await waitFor(() => expect(paths()).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/me/home'])));
    answerMe();
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    // The screen reads what the loader asked for: one request for the home, not two.
    expect(paths().filter((path) => path === '/api/v1/me/home')).toHaveLength(1);
  });

  it("asks for a child's screen, in one request, before /me answers", async () => {
    const api = parentApi({
      read: (path) =>
        path === `/children/${NOAH}`
          ? json(childDetail({ id: NOAH }, { careTeam: [], consents: [], trajectories: [], placements: [] }))
          : undefined,
    });
    const { release: answerMe, sent: paths } = holdAnswer(api, '/me');
    renderRoutes({ routes: appRoutes, path: `/ouder/kinderen/${NOAH}/toestemming`, store: setupApi() });

    await waitFor(() => expect(paths()).toContain(childPage('careTeam,consents,trajectories,placements')));
    expect(paths()).toContain('/api/v1/me');
    answerMe();
    await waitFor(() => expect(paths()).toContain('/api/v1/me/home'));
    expect(paths().filter((path) => path.startsWith(`/api/v1/children/${NOAH}`))).toHaveLength(1);
  });

  it('asks nothing when signed out: the login screen comes next', async () => {
    const { fetchMock } = parentApi();
    renderRoutes({ routes: appRoutes, path: `/ouder/kinderen/${NOAH}`, store: setupApi(null) });

    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeInTheDocument();
    const sent = fetchMock.mock.calls.map(([input]) => String(input instanceof Request ? input.url : input));
    expect(sent.filter((url) => url.includes('/children/') || url.endsWith('/me/home'))).toEqual([]);
  });
});

describe('staff on a parent address', () => {
  it("do not read the child's file for the parent screen they are sent away from", async () => {
    const teacher = testMe([
      { id: 'm1', organisationId: 'o1', organisationName: 'Basisschool De Regenboog', organisationType: 'school', role: 'staff' },
    ]);
    const api = parentApi({
      me: teacher,
      read: (path) =>
        ['/children', '/groups', '/placements', '/organisations'].includes(path)
          ? json({ items: [], nextCursor: null })
          : undefined,
    });
    const { router } = renderRoutes({ routes: appRoutes, path: '/children', store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Kinderen' })).toBeInTheDocument();

    // /me is known now: a parent address leads back to the staff screens, reading nothing of it.
    await router.navigate(`/ouder/kinderen/${NOAH}`);
    await waitFor(() => expect(router.state.location.pathname).toBe('/children'));
    const paths = api.requests.map((request) => new URL(request.url).pathname);
    expect(paths).not.toContain(`/api/v1/children/${NOAH}`);
    expect(paths).not.toContain('/api/v1/me/home');
  });
});
