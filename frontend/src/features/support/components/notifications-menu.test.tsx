import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NotificationsMenu, notificationTarget } from '@/features/support/components/notifications-menu';
import type { NotificationRead } from '@/features/support/types';
import type { Me } from '@/features/auth/api/get-me';
import { EMMA, NOAH, parentMe, twoChildren } from '@/features/parent/testing/fixtures';
import { json, mockFetch, problem, renderWithProviders, setupApi, testMe } from '@/test/utils';

const unread: NotificationRead = {
  id: 'n1',
  kind: 'guardian_note',
  text: 'There is a new note for you about the child\'s support.',
  childId: 'c1',
  childName: 'Noah de Vries',
  trajectoryId: 't1',
  signalId: null,
  bookingId: null,
  read: false,
  createdAt: '2026-03-10T10:00:00+01:00',
};
const read: NotificationRead = { ...unread, id: 'n2', kind: 'consent_needed', text: 'Support for the child waits for your consent.', read: true };

function notificationsApi() {
  let items = [unread, read];
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/notifications' && request.method === 'GET') {
      return json({ items, nextCursor: null, unreadCount: items.filter((n) => !n.read).length });
    }
    if (url.pathname === '/api/v1/notifications/n1' && request.method === 'PATCH') {
      items = items.map((n) => (n.id === 'n1' ? { ...n, read: true } : n));
      return json(items[0]);
    }
    return problem(404, 'Not found');
  });
}

describe('notifications in the header', () => {
  it('shows how many are unread in words, and marks one read', async () => {
    const { requests } = notificationsApi();
    const user = userEvent.setup();
    renderWithProviders(<NotificationsMenu />, setupApi());

    const button = await screen.findByRole('button', { name: 'Meldingen (1 nieuw)' });
    const first = requests.find((r) => new URL(r.url).pathname === '/api/v1/notifications')!;
    expect(new URL(first.url).searchParams.get('limit')).toBe('20');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByTestId('notifications-panel');
    const items = within(panel).getAllByTestId('notification-item');
    expect(items[0]).toHaveTextContent('Nieuw: Er is een nieuw bericht voor u over de hulp aan Noah de Vries.');
    expect(items[1]).toHaveTextContent('Hulp voor Noah de Vries wacht op uw toestemming.');
    expect(panel).not.toHaveTextContent('support');
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', '/zorg/trajecten/t1');
    expect(within(items[1]!).getByRole('link')).toHaveAttribute('href', '/children/c1');
    expect(within(items[1]!).queryByRole('button')).not.toBeInTheDocument();

    await user.click(within(items[0]!).getByRole('button', { name: /^Markeer als gelezen/ }));
    expect(await screen.findByRole('button', { name: 'Meldingen (geen nieuwe)' })).toBeInTheDocument();
    const patch = requests.find((r) => r.method === 'PATCH')!;
    expect(await patch.json()).toEqual({ read: true });

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByRole('button', { name: /^Meldingen/ })).toHaveAttribute('aria-expanded', 'false'));
  });

  it('leads to the page that fits the notification', () => {
    expect(notificationTarget({ ...unread, kind: 'signal_assigned', trajectoryId: null, signalId: 's1' })).toBe('/zorg/signalen');
    expect(notificationTarget({ ...unread, kind: 'status_changed' })).toBe('/zorg/trajecten/t1');
    expect(notificationTarget({ ...unread, kind: 'consent_needed' })).toBe('/children/c1');
    const booking = { ...unread, childId: null, childName: null, trajectoryId: null, bookingId: 'b1' };
    expect(notificationTarget({ ...booking, kind: 'booking_requested' })).toBe('/ruimtes/aanvragen');
    expect(notificationTarget({ ...booking, kind: 'booking_confirmed' })).toBe('/ruimtes');
    expect(notificationTarget({ ...booking, kind: 'booking_declined' })).toBe('/ruimtes');
    // Communication: the screen of its kind, in the staff app and in the parent app.
    expect(notificationTarget({ ...unread, kind: 'message_received' })).toBe('/berichten');
    expect(notificationTarget({ ...unread, kind: 'message_received' }, { parentApp: true })).toBe('/ouder/berichten');
    expect(notificationTarget({ ...unread, kind: 'announcement_published' }, { parentApp: true })).toBe('/ouder/mededelingen');
    expect(notificationTarget({ ...unread, kind: 'talk_booked' })).toBe('/gesprekken');
    expect(notificationTarget({ ...unread, kind: 'talk_slots_published' }, { parentApp: true })).toBe('/ouder/gesprekken');
    expect(notificationTarget({ ...unread, kind: 'contact_person_changed' }, { parentApp: true })).toBe('/ouder/kinderen/c1');
  });

  it('stays out of the way when the notifications cannot be loaded', async () => {
    const { requests } = mockFetch(() => problem(500, 'Broken'));
    renderWithProviders(<NotificationsMenu />, setupApi());
    await waitFor(() => expect(requests.length).toBeGreaterThan(0));
    await waitFor(() => expect(screen.queryByTestId('notifications-button')).not.toBeInTheDocument());
  });
});

describe('older notifications', () => {
  // Newest first: the first page has n1…n20, the second n21…n25.
  const all: NotificationRead[] = Array.from({ length: 25 }, (_, index) => ({
    ...unread,
    id: `n${index + 1}`,
    kind: 'status_changed',
    childName: `Kind ${index + 1}`,
    trajectoryId: `t${index + 1}`,
    read: index !== 0 && index !== 22,
    createdAt: new Date(Date.UTC(2026, 2, 31, 12) - index * 3_600_000).toISOString(),
  }));

  function pagedApi(options: { failSecondPage?: () => boolean } = {}) {
    let items = all;
    return mockFetch(async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/notifications' && request.method === 'GET') {
        const unreadCount = items.filter((n) => !n.read).length;
        if (url.searchParams.get('cursor') === 'after-20') {
          if (options.failSecondPage?.()) return problem(500, 'Broken');
          return json({ items: items.slice(20), nextCursor: null, unreadCount });
        }
        return json({ items: items.slice(0, 20), nextCursor: 'after-20', unreadCount });
      }
      const match = /^\/api\/v1\/notifications\/(n\d+)$/.exec(url.pathname);
      if (match && request.method === 'PATCH') {
        items = items.map((n) => (n.id === match[1] ? { ...n, read: true } : n));
        return json(items.find((n) => n.id === match[1]));
      }
      return problem(404, 'Not found');
    });
  }

  const notificationGets = (requests: Request[]) =>
    requests.filter((r) => r.method === 'GET' && new URL(r.url).pathname === '/api/v1/notifications');

  it('loads the 20 before with the cursor, gives focus to the first of them, and marks an older one read', async () => {
    const { requests } = pagedApi();
    const user = userEvent.setup();
    renderWithProviders(<NotificationsMenu />, setupApi());
    await user.click(await screen.findByRole('button', { name: 'Meldingen (2 nieuw)' }));
    const panel = screen.getByTestId('notifications-panel');
    expect(within(panel).getAllByTestId('notification-item')).toHaveLength(20);

    await user.click(within(panel).getByRole('button', { name: 'Meer laden' }));
    await waitFor(() => expect(within(panel).getAllByTestId('notification-item')).toHaveLength(25));
    const second = new URL(notificationGets(requests).at(-1)!.url);
    expect(second.searchParams.get('cursor')).toBe('after-20');
    expect(second.searchParams.get('limit')).toBe('20');
    const items = within(panel).getAllByTestId('notification-item');
    expect(items[20]).toHaveTextContent('De status van de hulp aan Kind 21 is veranderd.');
    await waitFor(() => expect(within(items[20]!).getByRole('link')).toHaveFocus());
    // The last page: nothing more to load.
    expect(within(panel).queryByRole('button', { name: 'Meer laden' })).not.toBeInTheDocument();

    // n23 is on the older page and unread.
    expect(items[22]).toHaveAttribute('data-read', 'false');
    await user.click(within(items[22]!).getByRole('button', { name: /^Markeer als gelezen/ }));
    expect(await screen.findByRole('button', { name: 'Meldingen (1 nieuw)' })).toBeInTheDocument();
    const patch = requests.find((r) => r.method === 'PATCH')!;
    expect(new URL(patch.url).pathname).toBe('/api/v1/notifications/n23');
    expect(await patch.json()).toEqual({ read: true });
    await waitFor(() => expect(within(panel).getAllByTestId('notification-item')[22]).toHaveAttribute('data-read', 'true'));
    // Both pages stay on screen after the refetch.
    expect(within(panel).getAllByTestId('notification-item')).toHaveLength(25);
    expect(within(panel).getAllByTestId('notification-item')[0]).toHaveAttribute('data-read', 'false');
  });

  it('says so when the older ones cannot be loaded, keeps the newest, and tries again', async () => {
    let fail = true;
    pagedApi({ failSecondPage: () => fail });
    const user = userEvent.setup();
    renderWithProviders(<NotificationsMenu />, setupApi());
    await user.click(await screen.findByRole('button', { name: 'Meldingen (2 nieuw)' }));
    const panel = screen.getByTestId('notifications-panel');
    await user.click(within(panel).getByRole('button', { name: 'Meer laden' }));
    expect(await within(panel).findByTestId('notifications-more-error')).toHaveTextContent(
      'De oudere meldingen konden niet worden geladen. Probeer het opnieuw.',
    );
    expect(screen.getByTestId('notifications-button')).toBeInTheDocument();
    expect(within(panel).getAllByTestId('notification-item')).toHaveLength(20);

    fail = false;
    await user.click(within(panel).getByRole('button', { name: 'Meer laden' }));
    await waitFor(() => expect(within(panel).getAllByTestId('notification-item')).toHaveLength(25));
    expect(within(panel).queryByTestId('notifications-more-error')).not.toBeInTheDocument();
  });

  it('shows the newest 20 again after closing, and then refetches only those', async () => {
    const { requests } = pagedApi();
    const user = userEvent.setup();
    const { queryClient } = renderWithProviders(<NotificationsMenu />, setupApi());
    const button = await screen.findByRole('button', { name: 'Meldingen (2 nieuw)' });
    await user.click(button);
    const panel = screen.getByTestId('notifications-panel');
    await user.click(within(panel).getByRole('button', { name: 'Meer laden' }));
    await waitFor(() => expect(within(panel).getAllByTestId('notification-item')).toHaveLength(25));

    await user.click(button);
    await user.click(button);
    expect(within(panel).getAllByTestId('notification-item')).toHaveLength(20);
    expect(within(panel).getByRole('button', { name: 'Meer laden' })).toBeInTheDocument();

    const before = notificationGets(requests).length;
    await queryClient.refetchQueries({ queryKey: ['notifications'] });
    const refetched = notificationGets(requests).slice(before);
    expect(refetched).toHaveLength(1);
    expect(new URL(refetched[0]!.url).searchParams.get('cursor')).toBeNull();
  });
});

describe("a parent's notifications", () => {
  const about = (id: string, kind: NotificationRead['kind'], childId: string | null, childName: string | null) => ({
    ...unread,
    id,
    kind,
    childId,
    childName,
    trajectoryId: kind === 'waitlist_moved_up' ? null : 't1',
  });
  const OTHER = '00000000-0000-4000-8000-000000000099';
  const items: NotificationRead[] = [
    about('n1', 'consent_needed', NOAH, 'Noah de Vries'),
    about('n2', 'guardian_note', EMMA, 'Emma de Vries'),
    about('n3', 'waitlist_moved_up', EMMA, 'Emma de Vries'),
    about('n4', 'team_member_joined', NOAH, 'Noah de Vries'),
    // A child the family list does not hold (yet): a link, no badge.
    about('n5', 'status_changed', OTHER, 'Sam Jansen'),
  ];

  function familyApi(me: Me) {
    return mockFetch(async (request) => {
      const path = new URL(request.url).pathname.replace('/api/v1', '');
      if (path === '/me') return json(me);
      if (path === '/me/home') return json(twoChildren());
      if (path === '/notifications') return json({ items, nextCursor: null, unreadCount: items.length });
      return problem(404, 'Not found');
    });
  }

  async function openPanel() {
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Meldingen (5 nieuw)' }));
    return screen.getByTestId('notifications-panel');
  }

  const links = (panel: HTMLElement) =>
    within(panel)
      .getAllByTestId('notification-item')
      .map((item) => within(item).getByRole('link').getAttribute('href'));

  it("leads to the child's screens in the parent app, each with the badge of the child it names", async () => {
    const { requests } = familyApi(parentMe);
    renderWithProviders(<NotificationsMenu />, setupApi(), '/ouder');
    const panel = await openPanel();

    await waitFor(() =>
      expect(links(panel)).toEqual([
        `/ouder/kinderen/${NOAH}/toestemming`,
        `/ouder/kinderen/${EMMA}`,
        `/ouder/kinderen/${EMMA}/activiteiten`,
        `/ouder/kinderen/${NOAH}`,
        `/ouder/kinderen/${OTHER}`,
      ]),
    );
    const rows = within(panel).getAllByTestId('notification-item');
    // The family's colours and initials: Noah the oldest (0), Emma (1); hidden from screen
    // readers, as the text names the child in full.
    await waitFor(() => expect(rows[0]!.querySelector('.kc-child-badge')).not.toBeNull());
    const badge = (row: HTMLElement) => row.querySelector<HTMLElement>('.kc-child-badge');
    expect(badge(rows[0]!)).toHaveTextContent('N');
    expect(badge(rows[0]!)).toHaveAttribute('data-child-index', '0');
    expect(badge(rows[0]!)).toHaveAttribute('aria-hidden', 'true');
    expect(rows[0]).toHaveTextContent('Hulp voor Noah de Vries wacht op uw toestemming.');
    for (const row of [rows[1]!, rows[2]!]) {
      expect(badge(row)).toHaveTextContent('E');
      expect(badge(row)).toHaveAttribute('data-child-index', '1');
    }
    expect(rows[2]).toHaveTextContent('Emma de Vries staat nu ingeschreven');
    expect(badge(rows[3]!)).toHaveAttribute('data-child-index', '0');
    expect(badge(rows[4]!)).toBeNull();
    expect(within(rows[0]!).getByRole('link')).toHaveAccessibleName(/^Hulp voor Noah de Vries/);
    expect(requests.filter((r) => new URL(r.url).pathname === '/api/v1/me/home')).toHaveLength(1);
  });

  it('sends a parent to the parent home for a notification about no child', () => {
    const booking = { ...unread, kind: 'booking_declined' as const, childId: null, childName: null, trajectoryId: null, bookingId: 'b1' };
    expect(notificationTarget(booking, { parentApp: true })).toBe('/ouder');
    expect(notificationTarget({ ...unread, kind: 'signal_assigned' }, { parentApp: true })).toBe('/ouder/kinderen/c1');
  });

  it('keeps a teacher who is also a parent on the staff screens, without badges or the family request', async () => {
    const teacherParent = testMe(
      [{ id: 'm1', organisationId: 'o1', organisationName: 'Basisschool De Regenboog', organisationType: 'school', role: 'staff' }],
      { isGuardian: true },
    );
    const { requests } = familyApi(teacherParent);
    renderWithProviders(<NotificationsMenu />, setupApi(), '/children');
    const panel = await openPanel();
    await waitFor(() =>
      expect(links(panel)).toEqual([
        `/children/${NOAH}`,
        '/zorg/trajecten/t1',
        '/activiteiten',
        '/zorg/trajecten/t1',
        '/zorg/trajecten/t1',
      ]),
    );
    expect(panel.querySelector('.kc-child-badge')).toBeNull();
    expect(requests.some((r) => new URL(r.url).pathname === '/api/v1/me/home')).toBe(false);
  });
});
