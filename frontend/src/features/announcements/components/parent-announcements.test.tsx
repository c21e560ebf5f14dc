import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '@/app/router';
import { announcement } from '@/features/announcements/testing/fixtures';
import type { Announcement } from '@/features/announcements/types';
import { EMMA, NOAH, parentApi } from '@/features/parent/testing/fixtures';
import { CHILD_COLOURS } from '@/features/parent/utils/child-colour';
import { json, renderRoutes, setupApi } from '@/test/utils';

function feedApi(items: Announcement[]) {
  return parentApi({
    read: (path) => (path === '/announcements' ? json({ items, nextCursor: null }) : undefined),
    write: (request) => {
      const path = new URL(request.url).pathname;
      const id = path.split('/')[4]!;
      const item = items.find((a) => a.id === id)!;
      if (path.endsWith('/read')) return json({ ...item, read: true, readAt: '2026-03-02T10:00:00Z' });
      if (path.endsWith('/confirmation')) {
        return json({ ...item, read: true, confirmed: true, readAt: '2026-03-02T10:00:00Z', confirmedAt: '2026-03-02T10:01:00Z' });
      }
      return undefined;
    },
  });
}

const trip = announcement({
  id: 'a-2',
  title: 'Schoolreisje',
  requiresConfirmation: true,
  children: [{ id: EMMA, givenName: 'Emma' }],
});
const holiday = announcement({
  id: 'a-1',
  title: 'Studiedag',
  audience: 'centre',
  groupId: null,
  groupName: null,
  read: true,
  children: [
    { id: NOAH, givenName: 'Noah' },
    { id: EMMA, givenName: 'Emma' },
  ],
});

describe('the parent announcements feed', () => {
  it('shows the feed in the given order, each naming its children with their badges', async () => {
    feedApi([trip, holiday]);
    renderRoutes({ routes, path: '/ouder/mededelingen', store: setupApi() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Mededelingen' })).toBeInTheDocument();
    const items = await screen.findAllByTestId('parent-announcement');
    expect(items.map((item) => within(item).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'SchoolreisjeNieuw',
      'Studiedag',
    ]);
    expect(within(items[0]!).getByTestId('announcement-children')).toHaveTextContent('Over Emma');
    expect(within(items[1]!).getByTestId('announcement-children')).toHaveTextContent('Over Noah, Emma');
    const badges = [...items[1]!.querySelectorAll('.kc-child-badge')];
    expect(badges.map((b) => b.textContent)).toEqual(['N', 'E']);
    expect(badges[0]).toHaveStyle({ backgroundColor: CHILD_COLOURS[0] });
    expect(within(items[0]!).getByText('Wilt u laten weten dat u dit gelezen heeft?')).toBeInTheDocument();
    // Nothing is marked read before it is opened.
    expect(within(items[0]!).queryByText(/Artis/)).not.toBeInTheDocument();
  });

  it('marks an announcement read when opened, once', async () => {
    const user = userEvent.setup();
    const { requests } = feedApi([trip, holiday]);
    renderRoutes({ routes, path: '/ouder/mededelingen', store: setupApi() });
    const [first, second] = await screen.findAllByTestId('parent-announcement');

    await user.click(within(first!).getByRole('button', { name: 'Lezen' }));
    expect(within(first!).getByText('Op vrijdag gaan we naar Artis.')).toBeInTheDocument();
    expect(within(first!).getByRole('button', { name: 'Sluiten' })).toHaveAttribute('aria-expanded', 'true');
    await within(first!).findByRole('heading', { level: 2, name: 'Schoolreisje' });
    // Already read: opening it sends nothing.
    await user.click(within(second!).getByRole('button', { name: 'Lezen' }));
    const posts = requests.filter((r) => r.method === 'POST').map((r) => new URL(r.url).pathname);
    expect(posts).toEqual(['/api/v1/announcements/a-2/read']);
  });

  it('confirms with one button when the sender asks for it', async () => {
    const user = userEvent.setup();
    const { requests } = feedApi([trip]);
    renderRoutes({ routes, path: '/ouder/mededelingen', store: setupApi() });
    const [item] = await screen.findAllByTestId('parent-announcement');
    expect(within(item!).queryByRole('button', { name: 'Gelezen, ik bevestig' })).toBeInTheDocument();
    await user.click(within(item!).getByRole('button', { name: 'Gelezen, ik bevestig' }));
    expect(await within(item!).findByTestId('announcement-confirmed')).toHaveTextContent(/^U heeft bevestigd op /);
    expect(within(item!).queryByRole('button', { name: 'Gelezen, ik bevestig' })).not.toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST').map((r) => new URL(r.url).pathname)).toEqual([
      '/api/v1/announcements/a-2/confirmation',
    ]);
  });

  it('says so when there is nothing', async () => {
    feedApi([]);
    renderRoutes({ routes, path: '/ouder/mededelingen', store: setupApi() });
    expect(await screen.findByText('Er zijn nog geen mededelingen.')).toBeInTheDocument();
  });
});
