import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { thread, summary, THREAD } from '@/features/messages/testing/fixtures';
import { NOAH } from '@/features/parent/testing/fixtures';
import { invalid, json, mockApi, renderRoutes, setupApi, testMe } from '@/test/utils';

const anna = testMe([{ organisationId: 'o-school', organisationName: 'Basisschool', role: 'staff' }] as never, {
  id: 'u-anna',
  displayName: 'Anna Jansen',
});

function staffApi(write?: (request: Request) => Response | undefined | Promise<Response | undefined>) {
  return mockApi({
    me: anna,
    write,
    read: (path) => {
      if (path === '/threads/unread-count') return json({ unreadCount: 3 });
      if (path === '/threads') return json({ items: [summary({ unreadCount: 3 })], nextCursor: null });
      if (path === `/threads/${THREAD}`) return json(thread({ unreadCount: 0 }));
      if (path === `/children/${NOAH}/care-team`) {
        return json([
          { id: 'ct-1', childId: NOAH, userId: 'u-logo', displayName: 'Lisa Logopedie', organisationId: 'o-care', organisationName: 'Zorgpartners', role: 'care_professional', sinceDate: '2026-09-01' },
        ]);
      }
      return undefined;
    },
  });
}

describe('the staff messages', () => {
  it('lists the threads with the child and the unread count, also in the menu', async () => {
    staffApi();
    renderRoutes({ routes: appRoutes, path: '/berichten', store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Berichten' })).toBeInTheDocument();
    const [item] = await screen.findAllByTestId('thread-item');
    expect(item).toHaveTextContent('Over Noah');
    expect(within(item!).getByTestId('thread-unread')).toHaveTextContent('3 nieuw');
    const menu = screen.getByRole('navigation', { name: /menu/i });
    expect(await within(menu).findByTestId('messages-unread')).toHaveTextContent('3 nieuwe berichten');
  });

  it('adds a care-team member, and says plainly when consent is missing', async () => {
    const added: unknown[] = [];
    staffApi(async (request) => {
      if (new URL(request.url).pathname.endsWith('/participants')) {
        added.push(await request.json());
        return added.length === 1
          ? invalid('#/userId', 'no_consent')
          : json({ userId: 'u-logo', displayName: 'Lisa Logopedie', joinedAt: '2026-12-01T10:00:00Z', leftAt: null }, { status: 201 });
      }
      return undefined;
    });
    renderRoutes({ routes: appRoutes, path: `/berichten/${THREAD}`, store: setupApi() });
    const select = await screen.findByLabelText('Lid van het zorgteam');
    await userEvent.selectOptions(select, 'u-logo');
    await userEvent.click(screen.getByRole('button', { name: 'Toevoegen' }));
    expect(await screen.findByText(/kan pas meedoen als de ouders toestemming hebben gegeven/)).toBeInTheDocument();
    await userEvent.selectOptions(select, 'u-logo');
    await userEvent.click(screen.getByRole('button', { name: 'Toevoegen' }));
    await waitFor(() => expect(added).toEqual([{ userId: 'u-logo' }, { userId: 'u-logo' }]));
    expect(await screen.findByText('Lisa Logopedie doet nu mee aan dit gesprek.')).toBeInTheDocument();
    // Anna's own message is the one answered; the parent's are on the other side.
    expect(screen.getAllByTestId('message').map((m) => m.dataset.own)).toEqual(['false', 'true', 'false']);
  });
  it('shows the first 50 threads and loads the next ones with "Meer berichten laden" (nextCursor)', async () => {
    const user = userEvent.setup();
    const page = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) =>
        summary({ id: `thread-${from + i}`, subject: `Gesprek ${from + i}`, unreadCount: 0 }),
      );
    const { requests } = mockApi({
      me: anna,
      read: (path, query) => {
        if (path === '/threads/unread-count') return json({ unreadCount: 0 });
        if (path !== '/threads') return undefined;
        if (!query.get('cursor')) return json({ items: page(1, 50), nextCursor: 'after-50' });
        if (query.get('cursor') === 'after-50') return json({ items: page(51, 3), nextCursor: null });
        return undefined;
      },
    });
    renderRoutes({ routes: appRoutes, path: '/berichten', store: setupApi() });

    expect(await screen.findAllByTestId('thread-item')).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: 'Meer berichten laden' }));

    await waitFor(() => expect(screen.getAllByTestId('thread-item')).toHaveLength(53));
    const subjects = screen.getAllByTestId('thread-item').map((item) => within(item).getByRole('link').textContent);
    expect(subjects.slice(48)).toEqual(['Gesprek 49', 'Gesprek 50', 'Gesprek 51', 'Gesprek 52', 'Gesprek 53']);
    // Focus on the first thread added; no more button on the last page.
    await waitFor(() => expect(screen.getByRole('link', { name: 'Gesprek 51' })).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Meer berichten laden' })).not.toBeInTheDocument();
    const asked = requests
      .filter((r) => new URL(r.url).pathname.endsWith('/threads'))
      .map((r) => Object.fromEntries(new URL(r.url).searchParams));
    expect(asked).toEqual([{ limit: '50' }, { limit: '50', cursor: 'after-50' }]);
  });
});

describe('closing a thread', () => {
  it('the contact person closes it (no answer box then) and opens it again', async () => {
    const user = userEvent.setup();
    let closed = false;
    const sent: string[] = [];
    const { requests } = mockApi({
      me: anna,
      read: (path) => {
        if (path === '/threads/unread-count') return json({ unreadCount: 0 });
        if (path === `/threads/${THREAD}`) return json(thread({ unreadCount: 0, canClose: true, closed }));
        return undefined;
      },
      write: (request) => {
        if (!new URL(request.url).pathname.endsWith('/closure')) return undefined;
        sent.push(request.method);
        closed = request.method === 'POST';
        return json(summary({ closed }));
      },
    });
    renderRoutes({ routes: appRoutes, path: `/berichten/${THREAD}`, store: setupApi() });
    await user.click(await screen.findByRole('button', { name: 'Gesprek afronden' }));
    expect(await screen.findByRole('button', { name: 'Weer openen' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /antwoord/i })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Weer openen' }));
    expect(await screen.findByRole('button', { name: 'Gesprek afronden' })).toBeInTheDocument();
    expect(sent).toEqual(['POST', 'DELETE']);
    expect(requests.length).toBeGreaterThan(0);
  });

  it('is not offered to someone who is not the contact person', async () => {
    staffApi();
    renderRoutes({ routes: appRoutes, path: `/berichten/${THREAD}`, store: setupApi() });
    expect(await screen.findByTestId('thread')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Gesprek afronden' })).not.toBeInTheDocument();
  });
});
