import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import type { Me } from '@/features/auth/api/get-me';
import { activitiesApi, coach, enrolment, football, FOOTBALL_ID, guardian, sent, teacher } from '@/features/activities/testing/fixtures';
import { renderRoutes, setupApi } from '@/test/utils';

/**
 * A teacher who is also a parent keeps the staff screens, and enrols her own children in the
 * catalogue. A parent without a job at an organisation has the parent app instead: each child's
 * Activiteiten (features/parent-child/components/child-activities-screen.test.tsx).
 */
const teacherParent: Me = { ...teacher, id: 'u-olga', displayName: 'Olga Jansen', isGuardian: true };

describe('the activities routes', () => {
  it.each([
    ['a teacher who is also a parent', teacherParent, 'Hier vindt u de activiteiten na schooltijd'],
    ['staff', coach, 'Alle activiteiten in het kindcentrum.'],
  ])('offers "Activiteiten" in the main menu to %s, and the catalogue at /activiteiten', async (_who, me, intro) => {
    activitiesApi({ me });
    renderRoutes({ routes: appRoutes, path: '/activiteiten', store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Activiteiten' })).toBeInTheDocument();
    const nav = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getByRole('link', { name: 'Activiteiten' })).toHaveAttribute('href', '/activiteiten');
    expect(within(nav).getByRole('link', { name: 'Activiteiten' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByText(new RegExp(intro))).toBeInTheDocument();
    expect(await screen.findByTestId('activity-catalogue')).toBeInTheDocument();
    expect(document.title).toBe('Activiteiten – KindCentraal');
  });

  it("loads a parent's /activiteiten in one catalogue request, their children's enrolments in it", async () => {
    const { requests } = activitiesApi({
      me: teacherParent,
      activities: () => [{ ...football, myEnrolments: [enrolment({ status: 'waitlisted', position: 2, enrolledAt: null })] }],
    });
    renderRoutes({ routes: appRoutes, path: '/activiteiten?soort=sport', store: setupApi() });
    expect(await screen.findByTestId('own-enrolment')).toHaveTextContent('Sam Jansen: op de wachtlijst, plaats 2');
    const catalogue = sent(requests, /^\/activities$/, 'GET').map((r) => Object.fromEntries(new URL(r.url).searchParams));
    expect(catalogue).toEqual([{ category: 'sport', expand: 'myEnrolments' }]);
    expect(sent(requests, /\/enrolments$/, 'GET')).toEqual([]);
  });

  it('shows an activity at /activiteiten/:activityId, titled after it, with a way back', async () => {
    activitiesApi({ me: coach });
    renderRoutes({ routes: appRoutes, path: `/activiteiten/${FOOTBALL_ID}`, store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Voetbal' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Alle activiteiten' })).toHaveAttribute('href', '/activiteiten');
    expect(await screen.findByTestId('sessions-section')).toBeInTheDocument();
    expect(document.title).toBe('Voetbal – KindCentraal');
  });

  it.each(['/activiteiten', `/activiteiten/${FOOTBALL_ID}`])(
    'sends a parent without a job at an organisation from %s to the parent app, asking for no activity',
    async (path) => {
      const { requests } = activitiesApi({ me: guardian });
      const { router } = renderRoutes({ routes: appRoutes, path, store: setupApi() });
      await waitFor(() => expect(router.state.location.pathname).toBe('/ouder'));
      expect(screen.queryByTestId('activity-catalogue')).not.toBeInTheDocument();
      expect(sent(requests, /^\/activities/, 'GET')).toEqual([]);
    },
  );
});
