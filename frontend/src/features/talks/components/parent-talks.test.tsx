import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { EMMA, NOAH, parentApi } from '@/features/parent/testing/fixtures';
import { slot } from '@/features/talks/testing/fixtures';
import type { TalkSlot } from '@/features/talks/types';
import { json, problemWith, renderRoutes, setupApi } from '@/test/utils';

function talksApi(slots: TalkSlot[], book?: (request: Request) => Response) {
  return parentApi({
    read: (path) => (path === '/talk-slots' ? json({ items: slots, nextCursor: null }) : undefined),
    write: (request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'POST' && path.endsWith('/booking')) return book?.(request);
      if (request.method === 'DELETE' && path.endsWith('/booking')) return new Response(null, { status: 204 });
      return undefined;
    },
  });
}

const forEmma = (overrides: Partial<TalkSlot> = {}) => slot({ children: [{ id: EMMA, givenName: 'Emma' }], ...overrides });

describe('the parent talks screen', () => {
  it('offers the times per child and books the chosen one with a clear confirmation', async () => {
    const user = userEvent.setup();
    const offered = [forEmma(), forEmma({ id: 's-2', startsAt: '2030-03-04T14:15:00Z', endsAt: '2030-03-04T14:30:00Z' })];
    const booked = {
      ...offered[1]!,
      status: 'booked' as const,
      children: [],
      booking: { childId: EMMA, childGivenName: 'Emma', bookedAt: '2030-03-01T10:00:00Z' },
    };
    const { requests } = talksApi(offered, () => json(booked, { status: 201 }));
    renderRoutes({ routes: appRoutes, path: '/ouder/gesprekken', store: setupApi() });

    const choose = await screen.findByTestId('talk-choose');
    const legend = within(choose).getByText('Gesprek over Emma: kies een tijd');
    expect(legend.closest('legend')!.querySelector('.kc-child-badge')).toHaveTextContent('E');
    expect(within(choose).getAllByRole('radio')).toHaveLength(2);
    expect(screen.getByText('U heeft nog geen gesprek gepland.')).toBeInTheDocument();

    await user.click(within(choose).getByRole('button', { name: 'Deze tijd kiezen' }));
    expect(within(choose).getByText('Kies eerst een tijd.')).toBeInTheDocument();
    await user.click(within(choose).getAllByRole('radio')[1]!);
    await user.click(within(choose).getByRole('button', { name: 'Deze tijd kiezen' }));

    const notice = await screen.findByTestId('talk-booked-notice');
    expect(notice).toHaveTextContent(/^Gelukt\. Het gesprek over Emma is op .+ van \d\d:\d\d tot \d\d:\d\d\.$/);
    await waitFor(() => expect(notice).toHaveFocus());
    const post = requests.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe('/api/v1/talk-slots/s-2/booking');
    expect(await post.json()).toEqual({ childId: EMMA });
  });

  it('says plainly when another family was faster', async () => {
    const user = userEvent.setup();
    talksApi([forEmma()], () => problemWith(409, 'Taken', { reason: 'slotTaken' }));
    renderRoutes({ routes: appRoutes, path: '/ouder/gesprekken', store: setupApi() });
    const choose = await screen.findByTestId('talk-choose');
    await user.click(within(choose).getByRole('radio'));
    await user.click(within(choose).getByRole('button', { name: 'Deze tijd kiezen' }));
    expect(await within(choose).findByRole('alert')).toHaveTextContent(
      'Een ander gezin heeft deze tijd net gekozen. Kies een andere tijd.',
    );
  });

  it('shows a booked talk with the calendar, the deadline in words, and cancelling after a question', async () => {
    const user = userEvent.setup();
    const booked = slot({
      status: 'booked',
      roomName: 'Lokaal 6',
      booking: { childId: NOAH, childGivenName: 'Noah', bookedAt: '2030-03-01T10:00:00Z' },
    });
    const { requests } = talksApi([booked]);
    renderRoutes({ routes: appRoutes, path: '/ouder/gesprekken', store: setupApi() });

    const talk = await screen.findByTestId('talk-booked');
    expect(within(talk).getByRole('heading', { level: 3 })).toHaveTextContent(/^NNoah: /);
    expect(within(talk).getByText('Met Leerkracht groep 6')).toBeInTheDocument();
    expect(within(talk).getByText('Waar: Lokaal 6')).toBeInTheDocument();
    expect(within(talk).getByRole('button', { name: 'Zet in agenda' })).toBeInTheDocument();
    expect(within(talk).getByTestId('talk-deadline')).toHaveTextContent(
      /^Kunt u niet\? Zeg dan af vóór .+\. Daarna kan dat niet meer in de app\.$/,
    );
    await user.click(within(talk).getByRole('button', { name: 'Afzeggen' }));
    expect(within(talk).getByText('Wilt u het gesprek over Noah afzeggen?')).toBeInTheDocument();
    await user.click(within(talk).getByRole('button', { name: 'Ja, zeg af' }));
    await screen.findAllByTestId('talk-booked');
    const del = requests.find((r) => r.method === 'DELETE');
    expect(del && new URL(del.url).pathname).toBe('/api/v1/talk-slots/s-1/booking');
  });

  it('after the deadline offers no cancel button and says to call the school', async () => {
    const booked = slot({
      status: 'booked',
      cancelBefore: '2020-01-01T00:00:00Z',
      booking: { childId: NOAH, childGivenName: 'Noah', bookedAt: '2019-12-01T10:00:00Z' },
    });
    talksApi([booked]);
    renderRoutes({ routes: appRoutes, path: '/ouder/gesprekken', store: setupApi() });
    const talk = await screen.findByTestId('talk-booked');
    expect(within(talk).getByTestId('talk-deadline')).toHaveTextContent('Afzeggen kan niet meer in de app.');
    expect(within(talk).queryByRole('button', { name: 'Afzeggen' })).not.toBeInTheDocument();
  });
});
