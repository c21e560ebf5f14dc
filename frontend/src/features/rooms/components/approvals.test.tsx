import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApprovalsPage } from '@/features/rooms/components/approvals-page';
import { booking, BUILDING_ID, busy, problemWith, roomsApi } from '@/features/rooms/testing/fixtures';
import type { BookingRead } from '@/features/rooms/types';
import { problem, renderWithProviders, setupApi } from '@/test/utils';

const request = booking({
  status: 'requested',
  organisationName: 'BSO Zonnestraal',
  purpose: 'Buitenschoolse opvang: spelletjesmiddag',
  bookedByName: 'Bram de Boer',
  attendees: 18,
  startsAt: '2026-03-25T14:30:00Z',
  endsAt: '2026-03-25T16:00:00Z',
});
// Seen by someone who does not decide on the room: only that it is asked.
const hidden = busy({ status: 'requested', startsAt: '2026-04-01T14:30:00Z', endsAt: '2026-04-01T16:00:00Z' });

function renderApprovals(write?: (request: Request) => Response | undefined | Promise<Response | undefined>, requested: BookingRead[] = [request, hidden]) {
  let pending = [...requested];
  const api = roomsApi({
    bookings: (query) => (query.get('status') === 'requested' ? pending : []),
    write: async (req) => {
      const answer = await write?.(req.clone());
      if (answer) return answer;
      const id = /\/bookings\/([\w-]+)\/transitions$/.exec(new URL(req.url).pathname)?.[1];
      pending = pending.filter((item) => item.id !== id);
      return undefined;
    },
  });
  renderWithProviders(<ApprovalsPage now={new Date('2026-03-20T10:00:00Z')} />, setupApi(), '/ruimtes/aanvragen');
  return api;
}

const transitions = (requests: Request[]) => requests.filter((r) => r.method === 'POST' && r.url.endsWith('/transitions'));

describe('the requests for the rooms of a building', () => {
  it('asks for the requested bookings from today on, 62 days at most, and shows each in full or as busy', async () => {
    const { requests } = renderApprovals();
    expect(await screen.findByTestId('approvals-count')).toHaveTextContent('2 aanvragen wachten op een besluit.');
    const asked = requests.find((r) => new URL(r.url).pathname === '/api/v1/bookings')!;
    expect(Object.fromEntries(new URL(asked.url).searchParams)).toEqual({
      buildingId: BUILDING_ID,
      from: '2026-03-20',
      to: '2026-05-21',
      status: 'requested',
    });
    const [first, second] = screen.getAllByTestId('approval');
    expect(within(first!).getByRole('heading', { level: 2 })).toHaveTextContent('woensdag 25 maart 15:30–17:00');
    expect(first).toHaveTextContent('Gymzaal');
    expect(first).toHaveTextContent('Buitenschoolse opvang: spelletjesmiddag');
    expect(first).toHaveTextContent('Bram de Boer');
    // Summer time from 29 March: 14:30 UTC is 16:30.
    expect(within(second!).getByRole('heading', { level: 2 })).toHaveTextContent('woensdag 1 april 16:30–18:00');
    expect(second).toHaveTextContent('WaarvoorNiet te zien');
  });

  it('approves a request and says so', async () => {
    const { requests } = renderApprovals();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Keur de aanvraag van BSO Zonnestraal voor woensdag 25 maart 15:30–17:00 goed' }));
    const message = screen.getByTestId('approvals-message');
    await waitFor(() =>
      expect(message).toHaveTextContent('De aanvraag van BSO Zonnestraal voor Gymzaal op woensdag 25 maart 15:30–17:00 is goedgekeurd.'),
    );
    expect(message).toHaveFocus();
    const [post] = transitions(requests);
    expect(new URL(post!.url).pathname).toBe(`/api/v1/bookings/${request.id}/transitions`);
    expect(await post!.json()).toEqual({ to: 'confirmed' });
    await waitFor(() => expect(screen.getAllByTestId('approval')).toHaveLength(1));
  });

  it('declines only after a second step, and can step back', async () => {
    const { requests } = renderApprovals();
    const user = userEvent.setup();
    const decline = await screen.findByRole('button', { name: 'Wijs de aanvraag van BSO Zonnestraal voor woensdag 25 maart 15:30–17:00 af' });
    await user.click(decline);
    const confirm = screen.getByTestId('decline-confirm');
    expect(within(confirm).getByText(/Wilt u de aanvraag van BSO Zonnestraal voor Gymzaal op woensdag 25 maart 15:30–17:00 afwijzen\?/)).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Nee, niet afwijzen' }));
    expect(screen.queryByTestId('decline-confirm')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Wijs de aanvraag van BSO Zonnestraal voor woensdag 25 maart/ })).toHaveFocus();
    expect(transitions(requests)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: /Wijs de aanvraag van BSO Zonnestraal voor woensdag 25 maart/ }));
    await user.click(within(screen.getByTestId('decline-confirm')).getByRole('button', { name: 'Ja, afwijzen' }));
    await waitFor(() =>
      expect(screen.getByTestId('approvals-message')).toHaveTextContent(
        'De aanvraag van BSO Zonnestraal voor Gymzaal op woensdag 25 maart 15:30–17:00 is afgewezen.',
      ),
    );
    const [post] = transitions(requests);
    expect(await post!.json()).toEqual({ to: 'cancelled' });
  });

  it('says in plain Dutch why the server refused: not the owner, already decided, taken meanwhile', async () => {
    let answer: Response = problem(403, "Only the room's owner confirms requests for it.");
    renderApprovals(() => answer);
    const user = userEvent.setup();
    const approve = await screen.findByRole('button', { name: /Keur de aanvraag van BSO Zonnestraal voor woensdag 25 maart/ });
    await user.click(approve);
    const item = screen.getAllByTestId('approval')[0]!;
    expect(await within(item).findByTestId('approval-problem')).toHaveTextContent(
      'Alleen de eigenaar van de ruimte of een beheerder van het kindcentrum kan een aanvraag goedkeuren of afwijzen.',
    );

    answer = problemWith(409, 'The room is taken at 1 of the asked times.', {
      conflicts: [{ startsAt: request.startsAt, endsAt: request.endsAt, takenBy: [busy({ organisationName: 'Zorgpartners Gooi' })] }],
    });
    await user.click(approve);
    await waitFor(() =>
      expect(within(item).getByTestId('approval-problem')).toHaveTextContent(
        'De ruimte is op die tijd inmiddels bezet door Zorgpartners Gooi.',
      ),
    );

    answer = problemWith(409, 'Only a requested booking can be confirmed; this one is cancelled.', {});
    await user.click(within(item).getByRole('button', { name: /Wijs de aanvraag/ }));
    await user.click(within(item).getByRole('button', { name: 'Ja, afwijzen' }));
    await waitFor(() => expect(within(item).getByTestId('approval-problem')).toHaveTextContent('Over deze aanvraag is al besloten'));
  });

  it('says when nothing waits', async () => {
    renderApprovals(undefined, []);
    expect(await screen.findByTestId('approvals-count')).toHaveTextContent('Er zijn geen aanvragen die op een besluit wachten.');
    expect(screen.queryByRole('list', { name: /Aanvragen die op een besluit wachten/ })).not.toBeInTheDocument();
  });
});
