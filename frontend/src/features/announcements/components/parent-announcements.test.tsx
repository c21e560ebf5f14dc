import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appRoutes } from '@/app/router';
import { announcement } from '@/features/announcements/testing/fixtures';
import type { Announcement } from '@/features/announcements/types';
import { EMMA, NOAH, parentApi } from '@/features/parent/testing/fixtures';
import { CHILD_COLOURS } from '@/features/parent/utils/child-colour';
import { json, renderRoutes, setupApi } from '@/test/utils';

function feedApi(items: Announcement[]) {
  return parentApi({
    read: (path) => {
      if (path === '/announcements') return json({ items, nextCursor: null });
      if (path === '/attachments/att-9/content') {
        return new Response(new Blob(['%PDF-1.4']), { headers: { 'Content-Type': 'application/pdf' } });
      }
      return undefined;
    },
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

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the parent announcements feed', () => {
  it('shows the feed in the given order, each naming its children with their badges', async () => {
    feedApi([trip, holiday]);
    renderRoutes({ routes: appRoutes, path: '/ouder/mededelingen', store: setupApi() });

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
    renderRoutes({ routes: appRoutes, path: '/ouder/mededelingen', store: setupApi() });
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
    renderRoutes({ routes: appRoutes, path: '/ouder/mededelingen', store: setupApi() });
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
    renderRoutes({ routes: appRoutes, path: '/ouder/mededelingen', store: setupApi() });
    expect(await screen.findByText('Er zijn nog geen mededelingen.')).toBeInTheDocument();
  });
  it('shows the files of an opened announcement, downloaded through the API with the token', async () => {
    const user = userEvent.setup();
    const saved: { href: string; download: string }[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:brief'), revokeObjectURL: vi.fn() }));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download });
    });
    const withFile = {
      ...trip,
      attachments: [{ id: 'att-9', fileName: 'toestemmingsbrief.pdf', contentType: 'application/pdf', size: 1_572_864 }],
    };
    const { requests } = feedApi([withFile]);
    renderRoutes({ routes: appRoutes, path: '/ouder/mededelingen', store: setupApi() });
    const [item] = await screen.findAllByTestId('parent-announcement');
    // Shown with the text, when opened.
    expect(within(item!).queryByRole('list', { name: 'Bijlagen' })).not.toBeInTheDocument();
    await user.click(within(item!).getByRole('button', { name: 'Lezen' }));
    const files = within(item!).getByRole('list', { name: 'Bijlagen' });
    await user.click(within(files).getByRole('button', { name: 'toestemmingsbrief.pdf downloaden (1,5 MB)' }));

    await waitFor(() => expect(saved).toEqual([{ href: 'blob:brief', download: 'toestemmingsbrief.pdf' }]));
    const download = requests.find((r) => r.url.endsWith('/attachments/att-9/content'))!;
    expect(download.method).toBe('GET');
    expect(download.headers.get('Authorization')).toBe('Bearer access-1');
  });
});
