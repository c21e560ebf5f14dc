import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '@/app/router';
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
import { json, mockApi, renderRoutes, setupApi } from '@/test/utils';

function staffApi(me: Me, sent = [announcement({ counts: { recipients: 24, read: 10, confirmed: 4 }, requiresConfirmation: true })]) {
  return mockApi({
    me,
    read: (path) => {
      if (path === '/groups') return json({ items: [group(GROUP_7, 'Groep 7'), group(GROUP_6, 'Groep 6')], nextCursor: null });
      if (path === '/announcements') return json({ items: sent, nextCursor: null });
      if (path === '/announcements/a-1/recipients') {
        return json({ items: [recipient(), recipient({ userId: 'u-2', displayName: 'Mark Jansen', readAt: null })], nextCursor: null });
      }
      return undefined;
    },
    write: async (request) => {
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
    renderRoutes({ routes, path: '/mededelingen', store: setupApi() });

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
    renderRoutes({ routes, path: '/mededelingen', store: setupApi() });
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
    renderRoutes({ routes, path: '/mededelingen', store: setupApi() });

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
});
