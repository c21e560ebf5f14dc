import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { EMMA, NOAH, parentApi } from '@/features/parent/testing/fixtures';
import { message, summary, thread, THREAD } from '@/features/messages/testing/fixtures';
import { invalid, json, problem, renderRoutes, setupApi } from '@/test/utils';

function messagesApi({ unread = 2, write }: { unread?: number; write?: (request: Request) => Response | undefined | Promise<Response | undefined> } = {}) {
  return parentApi({
    read: (path: string, query: URLSearchParams) => {
      if (path === '/threads/unread-count') return json({ unreadCount: unread });
      if (path === '/threads') {
        const items = [
          summary({ unreadCount: 2 }),
          summary({ id: 't-2', subject: 'Ziek', child: { id: EMMA, givenName: 'Emma' }, lastMessageAt: '2026-11-29T09:00:00Z' }),
        ];
        const q = query.get('q');
        return json({ items: q ? items.filter((t) => t.subject.includes(q)) : items, nextCursor: null });
      }
      if (path === `/threads/${THREAD}`) return json(thread());
      return undefined;
    },
    write,
  } as Parameters<typeof parentApi>[0]);
}

describe('the parent messages', () => {
  it('lists the threads newest first with the child badge, unread count and a search', async () => {
    const { requests } = messagesApi();
    renderRoutes({ routes: appRoutes, path: '/ouder/berichten', store: setupApi() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Berichten' })).toBeInTheDocument();
    const items = await screen.findAllByTestId('thread-item');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole('link', { name: 'Zwemles op woensdag' })).toHaveAttribute('href', `/ouder/berichten/${THREAD}`);
    expect(items[0]!).toHaveTextContent('Over Noah');
    expect(items[0]!.querySelector('.kc-child-badge')).toHaveTextContent('N');
    expect(items[1]!.querySelector('.kc-child-badge')).toHaveTextContent('E');
    expect(within(items[0]!).getByTestId('thread-unread')).toHaveTextContent('2 nieuw');
    expect(within(items[1]!).queryByTestId('thread-unread')).not.toBeInTheDocument();
    // The unread count in the navigation, in words for screen readers.
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await within(nav).findByTestId('messages-unread')).toHaveTextContent('2 nieuwe berichten');

    await userEvent.type(screen.getByRole('searchbox', { name: 'Zoeken in berichten' }), 'Ziek');
    await userEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    await waitFor(() => expect(screen.getAllByTestId('thread-item')).toHaveLength(1));
    expect(requests.some((r) => new URL(r.url).searchParams.get('q') === 'Ziek')).toBe(true);
  });

  it('shows a thread as a chat, marks it read once and shows who read my message', async () => {
    const { requests } = messagesApi({
      write: (request) => (new URL(request.url).pathname.endsWith('/read') ? new Response(null, { status: 204 }) : undefined),
    });
    renderRoutes({ routes: appRoutes, path: `/ouder/berichten/${THREAD}`, store: setupApi() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Zwemles op woensdag' })).toBeInTheDocument();
    const messages = screen.getAllByTestId('message');
    expect(messages.map((m) => m.dataset.own)).toEqual(['true', 'false', 'true']);
    expect(within(messages[0]!).getByTestId('read-receipt')).toHaveTextContent('Gelezen door Anna Jansen');
    expect(within(messages[1]!).getByRole('button', { name: /rooster\.pdf downloaden/ })).toBeInTheDocument();
    expect(within(messages[2]!).getByTestId('message-withdrawn')).toHaveTextContent('Dit bericht is ingetrokken.');
    expect(screen.getByText('Met: Anna Jansen')).toBeInTheDocument();
    await waitFor(() =>
      expect(requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname.endsWith(`/threads/${THREAD}/read`))).toHaveLength(1),
    );
  });

  it('refuses a reply over 5,000 characters in plain words, and sends a good one', async () => {
    const sent: unknown[] = [];
    messagesApi({
      write: async (request) => {
        const path = new URL(request.url).pathname;
        if (path.endsWith('/read')) return new Response(null, { status: 204 });
        if (path.endsWith('/messages')) {
          sent.push(await request.json());
          return json(message({ id: 'm-9', text: 'Dank u!' }), { status: 201 });
        }
        return undefined;
      },
    });
    renderRoutes({ routes: appRoutes, path: `/ouder/berichten/${THREAD}`, store: setupApi() });
    const field = await screen.findByRole('textbox', { name: 'Uw antwoord' });
    fireEvent.input(field, { target: { value: 'a'.repeat(5001) } });
    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    expect(screen.getByText(/Uw bericht is te lang\. Het mag 5\.000 tekens hebben\. Nu zijn het er 5\.001\./)).toBeInTheDocument();
    expect(sent).toEqual([]);

    fireEvent.input(field, { target: { value: '' } });
    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    expect(screen.getByText('Schrijf eerst een bericht.')).toBeInTheDocument();

    await userEvent.type(field, '  Dank u!  ');
    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    await waitFor(() => expect(sent).toEqual([{ text: 'Dank u!', attachmentIds: [] }]));
  });

  it('says in plain words when a file is of the wrong type or too big, and attaches a good one', async () => {
    const uploads: string[] = [];
    messagesApi({
      write: async (request) => {
        const path = new URL(request.url).pathname;
        if (path.endsWith('/read')) return new Response(null, { status: 204 });
        if (path.endsWith('/attachments')) {
          uploads.push(request.headers.get('Content-Type') ?? '');
          // The first file sent is a renamed one, refused by its content; the second is good.
          if (uploads.length === 1) return invalid('#/file', 'type_mismatch');
          return json({ id: 'a-9', fileName: 'brief.pdf', contentType: 'application/pdf', size: 4 }, { status: 201 });
        }
        return undefined;
      },
    });
    renderRoutes({ routes: appRoutes, path: `/ouder/berichten/${THREAD}`, store: setupApi() });
    const input = (await screen.findByLabelText('Bestand toevoegen')) as HTMLInputElement;

    await userEvent.upload(input, new File(['x'], 'spreadsheet.xlsx', { type: 'application/vnd.ms-excel' }), { applyAccept: false });
    expect(await screen.findByTestId('file-error')).toHaveTextContent('spreadsheet.xlsx kan niet mee. Kies een PDF, JPG of PNG.');

    const big = new File(['x'], 'scan.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    await userEvent.upload(input, big);
    expect(await screen.findByTestId('file-error')).toHaveTextContent('scan.pdf is te groot. Een bestand mag niet groter zijn dan 10 MB.');
    expect(uploads).toEqual([]);

    // The server reads the content: a renamed file is refused there, in the same words.
    await userEvent.upload(input, new File(['x'], 'nep.pdf', { type: 'application/pdf' }));
    expect(await screen.findByTestId('file-error')).toHaveTextContent('nep.pdf kan niet mee.');

    await userEvent.upload(input, new File(['%PDF'], 'brief.pdf', { type: 'application/pdf' }));
    expect(await screen.findByRole('button', { name: 'brief.pdf weghalen' })).toBeInTheDocument();
    expect(screen.queryByTestId('file-error')).not.toBeInTheDocument();
    expect(uploads).toHaveLength(2);
    expect(uploads[0]).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('withdraws an own message only after asking', async () => {
    const withdrawn: string[] = [];
    messagesApi({
      write: (request) => {
        const path = new URL(request.url).pathname;
        if (path.endsWith('/read')) return new Response(null, { status: 204 });
        if (path.endsWith('/withdrawal')) {
          withdrawn.push(path);
          return json(message({ text: null, withdrawn: true }));
        }
        return undefined;
      },
    });
    renderRoutes({ routes: appRoutes, path: `/ouder/berichten/${THREAD}`, store: setupApi() });
    const [mine] = await screen.findAllByTestId('message');
    await userEvent.click(within(mine!).getByRole('button', { name: 'Bericht intrekken' }));
    expect(within(mine!).getByText(/Wilt u dit bericht intrekken\?/)).toHaveFocus();
    await userEvent.click(within(mine!).getByRole('button', { name: 'Nee, laten staan' }));
    expect(withdrawn).toEqual([]);
    await userEvent.click(within(mine!).getByRole('button', { name: 'Bericht intrekken' }));
    await userEvent.click(within(mine!).getByRole('button', { name: 'Ja, intrekken' }));
    await waitFor(() => expect(withdrawn).toEqual([`/api/v1/threads/${THREAD}/messages/m-1/withdrawal`]));
  });

  it('writes a new message to the contact person of the chosen child, then opens the thread', async () => {
    const bodies: unknown[] = [];
    const { requests } = messagesApi({
      write: async (request) => {
        const path = new URL(request.url).pathname;
        if (path.endsWith(`/children/${NOAH}/threads`)) {
          bodies.push(await request.json());
          return json(thread({ unreadCount: 0 }), { status: 201 });
        }
        return undefined;
      },
    });
    const { router } = renderRoutes({ routes: appRoutes, path: `/ouder/berichten/nieuw?kind=${NOAH}`, store: setupApi() });
    expect(await screen.findByTestId('new-message-to')).toHaveTextContent('Uw bericht gaat naar Anna Jansen, de contactpersoon van Noah.');
    await userEvent.type(screen.getByRole('textbox', { name: 'Uw bericht' }), 'Hallo');
    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    expect(screen.getByText('Schrijf een onderwerp.')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: 'Onderwerp' }), 'Zwemles');
    await userEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/ouder/berichten/${THREAD}`));
    expect(bodies).toEqual([{ subject: 'Zwemles', text: 'Hallo', attachmentIds: [] }]);
    expect(requests.some((r) => r.method === 'POST' && new URL(r.url).pathname.endsWith('/read'))).toBe(false);
  });

  it('shows a problem from the server when the thread cannot be read', async () => {
    parentApi({ read: (path: string) => (path === '/threads/unread-count' ? json({ unreadCount: 0 }) : path.startsWith('/threads/') ? problem(404, 'Not found') : undefined) } as Parameters<typeof parentApi>[0]);
    renderRoutes({ routes: appRoutes, path: `/ouder/berichten/${THREAD}`, store: setupApi() });
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });
});
