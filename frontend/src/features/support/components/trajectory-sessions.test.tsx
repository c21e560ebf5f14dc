import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TrajectoryPage } from '@/features/support/components/trajectory-page';
import { isoToLocalDateTime, localDateTimeToIso } from '@/features/support/components/trajectory-sessions';
import { trajectoryDetail } from '@/features/support/testing/fixtures';
import type { SessionRead, TrajectoryDetail } from '@/features/support/types';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

// Times in the reader's own time zone, as the form shows and reads them.
const planned: SessionRead = {
  id: 's1',
  trajectoryId: 't1',
  childId: 'c1',
  childName: 'Noah de Vries',
  trajectoryType: 'logopedie',
  professionalId: 'u-lisa',
  professionalName: 'Lisa Logopedie',
  startsAt: localDateTimeToIso('2026-04-14', '09:30'),
  endsAt: localDateTimeToIso('2026-04-14', '10:15'),
  location: 'centre_room',
  locationDetail: 'Lokaal 3',
  attendance: 'planned',
};
const attended: SessionRead = {
  ...planned,
  id: 's0',
  startsAt: localDateTimeToIso('2026-04-07', '09:30'),
  endsAt: localDateTimeToIso('2026-04-07', '10:15'),
  attendance: 'attended',
};

const MOVE_PLANNED = 'Verplaats de afspraak van 14 april 2026, 09:30 tot 10:15';

const page = (overrides: Partial<TrajectoryDetail> = {}) =>
  trajectoryDetail({
    id: 't1',
    status: 'active',
    allowedTransitions: ['evaluation', 'cancelled'],
    requestedAt: localDateTimeToIso('2026-03-02', '09:00'),
    embedded: { goals: [], sessions: [attended, planned], notes: [], team: [], transitions: [] },
    ...overrides,
  });

type Patch = (request: Request) => Response | Promise<Response>;

function pageApi(detail: TrajectoryDetail | null = page(), patch?: Patch) {
  let sessions = detail?.embedded?.sessions ?? [];
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/support-trajectories/t1' && request.method === 'GET') {
      return detail ? json({ ...detail, embedded: { ...(detail.embedded ?? {}), sessions } }) : problem(404, 'Not found');
    }
    if (url.pathname === '/api/v1/support-trajectories/t1/sessions/s1' && request.method === 'PATCH') {
      if (patch) return patch(request.clone());
      const body = (await request.json()) as Partial<SessionRead>;
      const moved = { ...planned, ...body };
      sessions = sessions.map((s) => (s.id === 's1' ? moved : s));
      return json(moved);
    }
    return problem(404, 'Not found');
  });
}

function renderPage(readOnly = false) {
  return renderWithProviders(<TrajectoryPage trajectoryId="t1" myId={readOnly ? 'u-parent' : 'u-lisa'} readOnly={readOnly} />, setupApi());
}

const patches = (requests: Request[]) => requests.filter((r) => r.method === 'PATCH');

describe('moving a session', () => {
  it('reads the API’s instant as the local date and time, and back', () => {
    expect(isoToLocalDateTime(planned.startsAt)).toEqual({ date: '2026-04-14', time: '09:30' });
    expect(isoToLocalDateTime(localDateTimeToIso('2026-12-31', '23:05'))).toEqual({ date: '2026-12-31', time: '23:05' });
  });

  it('offers the team to move a planned session, and sends the new day, times and place', async () => {
    const { requests } = pageApi();
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: MOVE_PLANNED }));
    const form = screen.getByTestId('session-move-form');
    expect(within(form).getByRole('heading', { name: 'Afspraak verplaatsen' })).toHaveFocus();
    const date = within(form).getByLabelText('Datum');
    const start = within(form).getByLabelText('Begint om');
    const end = within(form).getByLabelText('Eindigt om');
    const place = within(form).getByLabelText('Waar');
    const detail = within(form).getByLabelText('Welke ruimte of welk adres? (niet verplicht)');
    expect(date).toHaveValue('2026-04-14');
    expect(start).toHaveValue('09:30');
    expect(end).toHaveValue('10:15');
    expect(place).toHaveValue('centre_room');
    expect(detail).toHaveValue('Lokaal 3');

    await user.clear(date);
    await user.type(date, '2026-04-16');
    await user.clear(start);
    await user.type(start, '13:00');
    await user.clear(end);
    await user.type(end, '13:45');
    await user.selectOptions(place, 'online');
    await user.clear(detail);
    await user.click(within(form).getByRole('button', { name: 'Verplaatsing opslaan' }));

    expect(await screen.findByText('De afspraak is verplaatst naar 16 april 2026, 13:00 tot 13:45 (Online).')).toBeInTheDocument();
    const [patch] = patches(requests);
    expect(new URL(patch!.url).pathname).toBe('/api/v1/support-trajectories/t1/sessions/s1');
    expect(await patch!.json()).toEqual({
      startsAt: localDateTimeToIso('2026-04-16', '13:00'),
      endsAt: localDateTimeToIso('2026-04-16', '13:45'),
      location: 'online',
      locationDetail: null,
    });
    expect(screen.queryByTestId('session-move-form')).not.toBeInTheDocument();
    // The page is read again and shows the session at its new time.
    expect(await screen.findByRole('button', { name: 'Verplaats de afspraak van 16 april 2026, 13:00 tot 13:45' })).toBeInTheDocument();
  });

  it('sends only the place when only the place changes, and nothing when nothing changes', async () => {
    const { requests } = pageApi();
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: MOVE_PLANNED }));
    await user.click(within(screen.getByTestId('session-move-form')).getByRole('button', { name: 'Verplaatsing opslaan' }));
    expect(screen.queryByTestId('session-move-form')).not.toBeInTheDocument();
    expect(patches(requests)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: MOVE_PLANNED }));
    const form = screen.getByTestId('session-move-form');
    await user.selectOptions(within(form).getByLabelText('Waar'), 'home');
    const detail = within(form).getByLabelText('Welke ruimte of welk adres? (niet verplicht)');
    await user.clear(detail);
    await user.type(detail, 'Thuis bij oma');
    await user.click(within(form).getByRole('button', { name: 'Verplaatsing opslaan' }));
    await screen.findByText(/De afspraak is verplaatst naar/);
    expect(await patches(requests)[0]!.json()).toEqual({ location: 'home', locationDetail: 'Thuis bij oma' });
  });

  it('checks the times before sending', async () => {
    const { requests } = pageApi();
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: MOVE_PLANNED }));
    const form = screen.getByTestId('session-move-form');
    const end = within(form).getByLabelText('Eindigt om');
    await user.clear(end);
    await user.type(end, '09:00');
    await user.click(within(form).getByRole('button', { name: 'Verplaatsing opslaan' }));
    expect(within(form).getByText('De afspraak moet eindigen na het begin.')).toBeInTheDocument();
    expect(end).toHaveFocus();
    expect(patches(requests)).toHaveLength(0);
  });

  it('shows the server’s refusal of a session before the request next to the form', async () => {
    pageApi(page(), () =>
      new Response(
        JSON.stringify({
          type: 'https://kindcentraal.nl/problems/invalid-input',
          title: 'Invalid input',
          status: 400,
          detail: 'A session cannot lie before the support was requested.',
          errors: [{ in: 'body', location: '#/startsAt', code: 'before_request', detail: 'A session cannot lie before the support was requested.' }],
        }),
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: MOVE_PLANNED }));
    const form = screen.getByTestId('session-move-form');
    const date = within(form).getByLabelText('Datum');
    await user.clear(date);
    await user.type(date, '2026-02-20');
    await user.click(within(form).getByRole('button', { name: 'Verplaatsing opslaan' }));
    const alert = await within(form).findByTestId('form-problem');
    expect(alert).toHaveTextContent('Een afspraak kan niet eerder zijn dan de aanvraag van de hulp. Kies een latere datum.');
    expect(alert).toHaveTextContent('Melding van de server: A session cannot lie before the support was requested.');
    expect(alert).toHaveTextContent('Begint om: A session cannot lie before the support was requested.');
    expect(screen.getByTestId('session-move-form')).toBeInTheDocument();
    expect(screen.queryByText(/De afspraak is verplaatst/)).not.toBeInTheDocument();
  });

  it('shows another 4xx’s detail next to the form as well', async () => {
    pageApi(page(), () => problem(404, 'Session not found.'));
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: MOVE_PLANNED }));
    const form = screen.getByTestId('session-move-form');
    await user.selectOptions(within(form).getByLabelText('Waar'), 'partner');
    await user.click(within(form).getByRole('button', { name: 'Verplaatsing opslaan' }));
    const alert = await within(form).findByTestId('form-problem');
    expect(alert).toHaveTextContent('Dit is niet gevonden.');
    expect(alert).toHaveTextContent('Session not found.');
  });

  it('gives focus back to the button after cancelling, and sends nothing', async () => {
    const { requests } = pageApi();
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: MOVE_PLANNED }));
    await user.click(within(screen.getByTestId('session-move-form')).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByTestId('session-move-form')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: MOVE_PLANNED })).toHaveFocus());
    expect(patches(requests)).toHaveLength(0);
  });

  it('moves only planned sessions, and only for the team of an open trajectory', async () => {
    pageApi();
    const { unmount } = renderPage();
    const sessions = await screen.findAllByTestId('session-item');
    expect(sessions.map((s) => s.getAttribute('data-session-id'))).toEqual(['s0', 's1']);
    expect(within(sessions[0]!).queryByTestId('session-move-open')).not.toBeInTheDocument();
    expect(within(sessions[1]!).getByTestId('session-move-open')).toBeInTheDocument();
    unmount();

    // Guardians read the page: no control at all.
    pageApi();
    const guardian = renderPage(true);
    await screen.findAllByTestId('session-item');
    expect(screen.queryByTestId('session-move-open')).not.toBeInTheDocument();
    expect(screen.queryByTestId('attendance-form')).not.toBeInTheDocument();
    guardian.unmount();

    // A closed trajectory changes no more.
    pageApi(page({ status: 'closed', allowedTransitions: [], outcome: 'goals_reached' }));
    const closed = renderPage();
    await screen.findAllByTestId('session-item');
    expect(screen.queryByTestId('session-move-open')).not.toBeInTheDocument();
    closed.unmount();

    // The daily team does not get the trajectory at all (404): no sessions, no control.
    pageApi(null);
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Traject niet gevonden' })).toBeInTheDocument();
    expect(screen.queryByTestId('session-item')).not.toBeInTheDocument();
    expect(screen.queryByTestId('session-move-open')).not.toBeInTheDocument();
  });
});
