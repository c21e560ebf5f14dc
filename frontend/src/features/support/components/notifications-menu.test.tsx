import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NotificationsMenu, notificationTarget } from '@/features/support/components/notifications-menu';
import type { NotificationRead } from '@/features/support/types';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const unread: NotificationRead = {
  id: 'n1',
  kind: 'guardian_note',
  text: 'There is a new note for you about the child\'s support.',
  childId: 'c1',
  childName: 'Noah de Vries',
  trajectoryId: 't1',
  signalId: null,
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
    expect(new URL(requests[0]!.url).searchParams.get('limit')).toBe('20');
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
  });

  it('stays out of the way when the notifications cannot be loaded', async () => {
    const { requests } = mockFetch(() => problem(500, 'Broken'));
    renderWithProviders(<NotificationsMenu />, setupApi());
    await waitFor(() => expect(requests.length).toBeGreaterThan(0));
    await waitFor(() => expect(screen.queryByTestId('notifications-button')).not.toBeInTheDocument());
  });
});
