import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appRoutes } from '@/app/router';
import { parentApi } from '@/features/parent/testing/fixtures';
import type { StaffTextsState } from '@/lib/i18n';
import { holdAnswer, json, renderRoutes, setupApi, testMe } from '@/test/utils';

/*
 * The staff texts are a chunk of their own (lib/i18n.ts). The staff frame waits for them; a
 * parent never asks for them. useStaffTexts is replaced here so its state can be set: the test
 * set-up has loaded the real staff texts already.
 */
const staffTexts = vi.hoisted(() => ({ state: 'ready' as StaffTextsState, calls: [] as boolean[] }));
vi.mock('@/lib/i18n', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/i18n')>()),
  useStaffTexts: (enabled: boolean) => {
    staffTexts.calls.push(enabled);
    return staffTexts.state;
  },
}));

afterEach(() => {
  staffTexts.state = 'ready';
  staffTexts.calls = [];
});

const teacher = testMe([
  { id: 'm1', organisationId: 'o1', organisationName: 'Basisschool De Regenboog', organisationType: 'school', role: 'staff' },
]);

function staffApi() {
  return parentApi({
    me: teacher,
    read: (path) =>
      ['/children', '/groups', '/placements', '/organisations'].includes(path)
        ? json({ items: [], nextCursor: null })
        : undefined,
  });
}

describe('the staff texts', () => {
  it('are asked for once /me says this is staff, and the staff frame waits for them', async () => {
    staffTexts.state = 'loading';
    // /me answers only when the test says so: until then nobody knows this is staff.
    const me = holdAnswer(staffApi(), '/me');
    renderRoutes({ routes: appRoutes, path: '/children', store: setupApi() });

    await waitFor(() => expect(me.sent()).toContain('/api/v1/me'));
    expect(await screen.findByRole('status')).toHaveTextContent('Bezig met laden');
    expect(staffTexts.calls).not.toContain(true);

    me.release();
    await waitFor(() => expect(staffTexts.calls).toContain(true));
    expect(screen.getByRole('status')).toHaveTextContent('Bezig met laden');
    expect(screen.queryByRole('banner')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
  });

  it('show the staff screen once they are there', async () => {
    staffApi();
    renderRoutes({ routes: appRoutes, path: '/children', store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Kinderen' })).toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Vandaag' })).toBeInTheDocument();
  });

  it('say so when they cannot be loaded (offline), instead of a screen of keys', async () => {
    staffTexts.state = 'failed';
    staffApi();
    renderRoutes({ routes: appRoutes, path: '/children', store: setupApi() });
    expect(await screen.findByRole('alert')).toHaveTextContent('Er is geen verbinding met KindCentraal.');
    expect(screen.queryByRole('banner')).not.toBeInTheDocument();
  });

  it('are never asked for by a parent, also not on the way from /children to /ouder', async () => {
    staffTexts.state = 'loading';
    parentApi();
    const { router } = renderRoutes({ routes: appRoutes, path: '/children', store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Overzicht' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/ouder');
    expect(staffTexts.calls.length).toBeGreaterThan(0);
    expect(staffTexts.calls.every((enabled) => !enabled)).toBe(true);
  });
});

describe('the login page', () => {
  it('offers all six languages, so a parent can log in in Arabic', async () => {
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: '/login', store: setupApi(null) });

    const switcher = await screen.findByRole('group', { name: 'Taal' });
    expect(within(switcher).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Nederlands',
      'English',
      'العربية',
      'Türkçe',
      'Polski',
      'Українська',
    ]);
    await user.click(within(switcher).getByRole('button', { name: 'العربية' }));

    expect(await screen.findByRole('button', { name: 'تسجيل الدخول' })).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
    expect(within(switcher).getByRole('button', { name: 'العربية' })).toHaveAttribute('aria-pressed', 'true');
    expect(staffTexts.calls.every((enabled) => !enabled)).toBe(true);
  });
});
