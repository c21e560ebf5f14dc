import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appRoutes } from '@/app/router';
import {
  CENTRE,
  GROUP_6,
  GROUP_7,
  adminMe,
  announcement,
  group,
  recipient,
  teacherMe,
} from '@/features/announcements/testing/fixtures';
import type { Me } from '@/features/auth/api/get-me';
import { invalid, json, mockApi, renderRoutes, setupApi } from '@/test/utils';

const BRIEF = { id: 'att-1', fileName: 'brief.pdf', contentType: 'application/pdf', size: 12_288 };

/** A download saves through an object URL and a clicked link: watch both (jsdom has neither). */
function watchDownloads() {
  const saved: { href: string; download: string }[] = [];
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:brief'), revokeObjectURL: vi.fn() }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ href: this.href, download: this.download });
  });
  return saved;
}

afterEach(() => {
  vi.restoreAllMocks();
});

function staffApi(me: Me, sent = [announcement({ counts: { recipients: 24, read: 10, confirmed: 4 }, requiresConfirmation: true })]) {
  let uploads = 0;
  return mockApi({
    me,
    read: (path) => {
      if (path === '/attachments/att-1/content') {
        return new Response(new Blob(['%PDF-1.4']), { headers: { 'Content-Type': 'application/pdf' } });
      }
      if (path === '/groups') return json({ items: [group(GROUP_7, 'Groep 7'), group(GROUP_6, 'Groep 6')], nextCursor: null });
      if (path === '/announcements') return json({ items: sent, nextCursor: null });
      if (path === '/announcements/a-1/recipients') {
        return json({ items: [recipient(), recipient({ userId: 'u-2', displayName: 'Mark Jansen', readAt: null })], nextCursor: null });
      }
      return undefined;
    },
    write: async (request) => {
      if (new URL(request.url).pathname.endsWith('/attachments')) {
        uploads += 1;
        // The server reads the content: the first "PDF" is not one.
        return uploads === 1 ? invalid('#/file', 'type_mismatch') : json(BRIEF, { status: 201 });
      }
      if (new URL(request.url).pathname.endsWith('/announcements')) {
        const body = (await request.json()) as { title: string };
        return json(announcement({ id: 'a-2', title: body.title, counts: { recipients: 24, read: 0, confirmed: 0 } }), { status: 201 });
      }
      return undefined;
    },
  });
}

describe('the staff announcements screen', () => {
  it('sends an announcement to a chosen group, asking for confirmation', async () => {
    const user = userEvent.setup();
    const { requests } = staffApi(teacherMe);
    renderRoutes({ routes: appRoutes, path: '/mededelingen', store: setupApi() });

    const form = await screen.findByTestId('announcement-composer');
    const audience = within(form).getByLabelText('Aan');
    // A teacher chooses among the groups they work with (by name); not the whole centre.
    expect(within(audience).getAllByRole('option').map((o) => o.textContent)).toEqual(['Kies een groep', 'Groep 6', 'Groep 7']);
    await user.click(within(form).getByRole('button', { name: 'Versturen' }));
    expect(within(form).getByText('Kies aan wie u de mededeling stuurt.')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.selectOptions(audience, 'Groep 6');
    await user.type(within(form).getByLabelText('Titel'), 'Schoolreisje');
    await user.type(within(form).getByLabelText('Tekst'), 'We gaan naar Artis.');
    await user.click(within(form).getByLabelText('Vraag ouders om te bevestigen dat ze het gelezen hebben'));
    await user.click(within(form).getByRole('button', { name: 'Versturen' }));

    expect(await screen.findByTestId('announcement-sent')).toHaveTextContent('„Schoolreisje” is verstuurd aan 24 gezinnen.');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({
      title: 'Schoolreisje',
      text: 'We gaan naar Artis.',
      groupId: GROUP_6,
      requiresConfirmation: true,
    });
    expect(within(form).getByLabelText('Titel')).toHaveValue('');
  });

  it('offers a centre administrator the whole centre', async () => {
    const user = userEvent.setup();
    const { requests } = staffApi(adminMe);
    renderRoutes({ routes: appRoutes, path: '/mededelingen', store: setupApi() });
    const form = await screen.findByTestId('announcement-composer');
    await user.selectOptions(within(form).getByLabelText('Aan'), 'Het hele kindcentrum');
    await user.type(within(form).getByLabelText('Titel'), 'Studiedag');
    await user.type(within(form).getByLabelText('Tekst'), 'Maandag is iedereen vrij.');
    await user.click(within(form).getByRole('button', { name: 'Versturen' }));
    await screen.findByTestId('announcement-sent');
    const body = await requests.find((r) => r.method === 'POST')!.json();
    expect(body).toMatchObject({ centreId: CENTRE, requiresConfirmation: false });
    expect(body).not.toHaveProperty('groupId');
  });

  it('lists the sent announcements with counts, and who read and confirmed on request', async () => {
    const user = userEvent.setup();
    const { requests } = staffApi(teacherMe);
    renderRoutes({ routes: appRoutes, path: '/mededelingen', store: setupApi() });

    const [item] = await screen.findAllByTestId('sent-announcement');
    expect(within(item!).getByRole('heading', { level: 3 })).toHaveTextContent('Schoolreisje naar Artis');
    expect(within(item!).getByTestId('announcement-counts')).toHaveTextContent(
      'Gelezen door 10 van 24 gezinnen. Bevestigd door 4 van 24 gezinnen.',
    );
    // The recipients (names of children) are read only when asked for.
    expect(requests.some((r) => r.url.includes('/recipients'))).toBe(false);
    await user.click(within(item!).getByRole('button', { name: 'Wie heeft het gelezen?' }));
    const table = await within(item!).findByTestId('announcement-recipients');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('Olga de Ouder');
    expect(rows[1]).toHaveTextContent('Noor');
    expect(rows[2]).toHaveTextContent('Mark JansenNoorNog nietNog niet');
  });
  it('sends a file with an announcement: checked and uploaded when chosen, its id in the body', async () => {
    const user = userEvent.setup();
    const { requests } = staffApi(teacherMe);
    renderRoutes({ routes: appRoutes, path: '/mededelingen', store: setupApi() });
    const form = await screen.findByTestId('announcement-composer');
    // No more "kan nog niet": a file picker.
    expect(within(form).queryByText(/kan nog niet/)).not.toBeInTheDocument();
    const input = within(form).getByLabelText('Bestand toevoegen');
    expect(input).toHaveAttribute('accept', expect.stringContaining('application/pdf'));

    // Checked before it is sent: the wrong type, too big.
    await userEvent.upload(input, new File(['x'], 'lijst.xlsx', { type: 'application/vnd.ms-excel' }), { applyAccept: false });
    expect(await within(form).findByTestId('file-error')).toHaveTextContent('lijst.xlsx kan niet mee. Kies een PDF, JPG of PNG.');
    const big = new File(['x'], 'scan.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 });
    await user.upload(input, big);
    await waitFor(() => expect(within(form).getByTestId('file-error')).toHaveTextContent('scan.pdf is te groot.'));
    expect(requests.filter((r) => r.url.endsWith('/attachments'))).toHaveLength(0);
    // The server has the last word on the content.
    await user.upload(input, new File(['x'], 'nep.pdf', { type: 'application/pdf' }));
    expect(await within(form).findByTestId('file-error')).toHaveTextContent('nep.pdf kan niet mee.');
    // A good one is uploaded at once (multipart), and listed with a way to take it off.
    await user.upload(input, new File(['%PDF'], 'brief.pdf', { type: 'application/pdf' }));
    const chosen = await within(form).findByRole('list', { name: 'Toegevoegde bestanden' });
    expect(chosen).toHaveTextContent('brief.pdf (12 kB)');
    expect(within(form).queryByTestId('file-error')).not.toBeInTheDocument();
    const upload = requests.filter((r) => r.url.endsWith('/attachments'))[1]!;
    expect(upload.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(await upload.text()).toContain('name="file"');

    await user.selectOptions(within(form).getByLabelText('Aan'), 'Groep 6');
    await user.type(within(form).getByLabelText('Titel'), 'Schoolreisje');
    await user.type(within(form).getByLabelText('Tekst'), 'Zie de brief.');
    await user.click(within(form).getByRole('button', { name: 'Versturen' }));

    await screen.findByTestId('announcement-sent');
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/announcements'))!;
    expect(await post.json()).toEqual({
      title: 'Schoolreisje',
      text: 'Zie de brief.',
      groupId: GROUP_6,
      requiresConfirmation: false,
      attachmentIds: ['att-1'],
    });
    // Sent: the form starts again without the file.
    expect(within(form).queryByRole('list', { name: 'Toegevoegde bestanden' })).not.toBeInTheDocument();
  });

  it('sends no attachmentIds without a file, and a file taken off again is not sent', async () => {
    const user = userEvent.setup();
    const { requests } = staffApi(teacherMe);
    renderRoutes({ routes: appRoutes, path: '/mededelingen', store: setupApi() });
    const form = await screen.findByTestId('announcement-composer');
    const input = within(form).getByLabelText('Bestand toevoegen');
    await user.upload(input, new File(['x'], 'nep.pdf', { type: 'application/pdf' }));
    await user.upload(input, new File(['%PDF'], 'brief.pdf', { type: 'application/pdf' }));
    await user.click(await within(form).findByRole('button', { name: 'brief.pdf weghalen' }));
    await user.selectOptions(within(form).getByLabelText('Aan'), 'Groep 6');
    await user.type(within(form).getByLabelText('Titel'), 'Studiedag');
    await user.type(within(form).getByLabelText('Tekst'), 'Maandag vrij.');
    await user.click(within(form).getByRole('button', { name: 'Versturen' }));
    await screen.findByTestId('announcement-sent');
    const body = await requests.find((r) => r.method === 'POST' && r.url.endsWith('/announcements'))!.json();
    expect(body).not.toHaveProperty('attachmentIds');
  });

  it('lists a sent announcement’s files, downloaded through the API with the token', async () => {
    const user = userEvent.setup();
    const saved = watchDownloads();
    const { requests } = staffApi(teacherMe, [announcement({ counts: { recipients: 24, read: 1, confirmed: 0 }, attachments: [BRIEF] })]);
    renderRoutes({ routes: appRoutes, path: '/mededelingen', store: setupApi() });

    const [item] = await screen.findAllByTestId('sent-announcement');
    const files = within(item!).getByRole('list', { name: 'Bijlagen' });
    await user.click(within(files).getByRole('button', { name: 'brief.pdf downloaden (12 kB)' }));

    await waitFor(() => expect(saved).toEqual([{ href: 'blob:brief', download: 'brief.pdf' }]));
    const download = requests.find((r) => r.url.endsWith('/attachments/att-1/content'))!;
    expect(download.headers.get('Authorization')).toBe('Bearer access-1');
  });
});
