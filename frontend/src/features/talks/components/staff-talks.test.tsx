import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { GROUP_6, group, teacherMe } from '@/features/announcements/testing/fixtures';
import { slot } from '@/features/talks/testing/fixtures';
import { json, mockApi, renderRoutes, setupApi } from '@/test/utils';

function talksApi() {
  const slots = [
    slot({ groupId: GROUP_6, status: 'booked', booking: { childId: 'c-1', childGivenName: 'Noor', bookedAt: '2030-03-01T10:00:00Z' } }),
    slot({ id: 's-2', groupId: GROUP_6, startsAt: '2030-03-04T14:15:00Z', endsAt: '2030-03-04T14:30:00Z' }),
  ];
  return mockApi({
    me: teacherMe,
    read: (path, query) => {
      if (path === '/groups') return json({ items: [group(GROUP_6, 'Groep 6')], nextCursor: null });
      if (path === '/rooms') return json([{ id: 'room-1', name: 'Lokaal 6' }]);
      if (path === '/talk-slots') return json({ items: slots, nextCursor: null });
      if (path === '/talk-slots/unbooked-families' && query.get('groupId') === GROUP_6) {
        return json([{ roundId: 'r-1', childId: 'c-2', givenName: 'Sem', familyName: 'Bakker' }]);
      }
      return undefined;
    },
    write: (request) =>
      new URL(request.url).pathname.endsWith('/talk-slots')
        ? json({ roundId: 'r-9', items: [slot(), slot({ id: 's-x' })] }, { status: 201 })
        : undefined,
  });
}

describe('the staff talk planner', () => {
  it('previews the times, then publishes the series for the group', async () => {
    const user = userEvent.setup();
    const { requests } = talksApi();
    renderRoutes({ routes: appRoutes, path: '/gesprekken', store: setupApi() });

    const form = await screen.findByTestId('talk-planner');
    // One group: it is chosen already.
    expect(within(form).getByLabelText('Groep')).toHaveValue(GROUP_6);
    await user.type(within(form).getByLabelText('Datum'), '2026-03-30');
    const count = within(form).getByLabelText('Aantal gesprekken');
    await user.clear(count);
    await user.type(count, '3');
    await user.selectOptions(await within(form).findByLabelText('Ruimte (niet verplicht)'), 'Lokaal 6');
    await user.click(within(form).getByRole('button', { name: 'Bekijk de tijden' }));

    const preview = await screen.findByTestId('talk-preview');
    expect(within(preview).getByRole('heading')).toHaveTextContent('3 gesprekken');
    expect(within(preview).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^15:00.15:15$/),
      expect.stringMatching(/^15:15.15:30$/),
      expect.stringMatching(/^15:30.15:45$/),
    ]);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await user.click(within(preview).getByRole('button', { name: 'Publiceren' }));

    expect(await screen.findByTestId('talks-published')).toHaveTextContent('2 gesprekken gepubliceerd.');
    const body = await requests.find((r) => r.method === 'POST')!.json();
    expect(body).toEqual({
      groupId: GROUP_6,
      roomId: 'room-1',
      cancelBeforeHours: 24,
      series: { startsAt: '2026-03-30T13:00:00Z', durationMinutes: 15, count: 3, breakMinutes: 0 },
    });
  });

  it('refuses to preview without a date', async () => {
    const user = userEvent.setup();
    talksApi();
    renderRoutes({ routes: appRoutes, path: '/gesprekken', store: setupApi() });
    const form = await screen.findByTestId('talk-planner');
    await user.click(within(form).getByRole('button', { name: 'Bekijk de tijden' }));
    expect(within(form).getByText('Kies een datum.')).toBeInTheDocument();
    expect(screen.queryByTestId('talk-preview')).not.toBeInTheDocument();
  });

  it('lists the plannings with booked and free slots and who has not booked', async () => {
    talksApi();
    renderRoutes({ routes: appRoutes, path: '/gesprekken', store: setupApi() });
    const [planning] = await screen.findAllByTestId('talk-planning');
    expect(within(planning!).getByTestId('planning-counts')).toHaveTextContent('1 geboekt, 1 vrij (van 2 gesprekken)');
    const rows = within(planning!).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Geboekt: Noor');
    expect(rows[2]).toHaveTextContent('Vrij');
    const unbooked = await within(planning!).findByTestId('planning-unbooked');
    expect(unbooked).toHaveTextContent('Nog geen tijd gekozen (1)');
    expect(unbooked).toHaveTextContent('Sem Bakker');
  });
});
