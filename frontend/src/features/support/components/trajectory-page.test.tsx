import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TrajectoryPage } from '@/features/support/components/trajectory-page';
import { trajectoryDetail } from '@/features/support/testing/fixtures';
import type { NoteRead, TrajectoryDetail } from '@/features/support/types';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const ME = 'u-therapist';

const note = (overrides: Partial<NoteRead>): NoteRead => ({
  id: 'n',
  trajectoryId: 't1',
  kind: 'note',
  visibility: 'team',
  text: 'Tekst',
  participants: null,
  decisions: null,
  authorId: ME,
  authorName: 'Lisa Logopedie',
  replacesId: null,
  replacedById: null,
  createdAt: '2026-03-10T10:00:00+01:00',
  ...overrides,
});

const page = (overrides: Partial<TrajectoryDetail> = {}) =>
  trajectoryDetail({
    id: 't1',
    status: 'active',
    allowedTransitions: ['evaluation', 'cancelled'],
    coordinatorName: 'Lisa Logopedie',
    intakeAt: '2026-03-05T09:00:00+01:00',
    startedAt: '2026-03-09T09:00:00+01:00',
    waitingDaysToIntake: 3,
    waitingDaysToStart: 5,
    embedded: {
      goals: [
        {
          id: 'g1',
          trajectoryId: 't1',
          text: 'Noah spreekt de s-klank goed uit.',
          targetDate: null,
          status: 'open',
          sharedWithDailyTeam: true,
          dailyTeamAdvice: 'Eerst luisteren, dan nazeggen.',
          progress: [{ id: 'p1', text: 'Lukt al in losse woorden.', authorName: 'Lisa Logopedie', createdAt: '2026-03-11T10:00:00+01:00' }],
          createdAt: '',
          updatedAt: '',
        },
      ],
      sessions: [],
      notes: [
        note({ id: 'n-new', text: 'Gecorrigeerde tekst.', replacesId: 'n-old', createdAt: '2026-03-10T11:00:00+01:00' }),
        note({ id: 'n-old', text: 'Eerste tekst.', replacedById: 'n-new' }),
        note({ id: 'n-other', text: 'Van een collega.', authorId: 'u-other', authorName: 'Ingrid Bakker', visibility: 'team_and_guardians', createdAt: '2026-03-09T10:00:00+01:00' }),
      ],
      team: [
        { id: 'm1', userId: ME, displayName: 'Lisa Logopedie', organisationId: 'o', organisationName: 'Zorgpartners Gooi', role: 'logopedist', sinceDate: '2026-03-02', untilDate: null },
      ],
      transitions: [
        { from: null, to: 'requested', at: '2026-03-02T09:00:00+01:00', byName: 'Ingrid Bakker' },
        { from: 'requested', to: 'intake', at: '2026-03-05T09:00:00+01:00', byName: 'Lisa Logopedie' },
      ],
    },
    ...overrides,
  });

function pageApi(detail: TrajectoryDetail = page()) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/support-trajectories/t1' && request.method === 'GET') return json(detail);
    if (request.method === 'POST') return json({}, { status: 201 });
    return problem(404, 'Not found');
  });
}

function renderPage(readOnly: boolean) {
  const store = setupApi();
  return renderWithProviders(<TrajectoryPage trajectoryId="t1" myId={readOnly ? 'u-parent' : ME} readOnly={readOnly} />, store);
}

describe('the trajectory page', () => {
  it('loads everything it shows in one request', async () => {
    const { requests } = pageApi();
    renderPage(false);
    expect(await screen.findByRole('heading', { level: 1, name: 'Logopedie voor Noah de Vries' })).toBeInTheDocument();
    expect(requests).toHaveLength(1);
    expect(new URL(requests[0]!.url).searchParams.get('expand')).toBe('goals,sessions,notes,team,transitions');
    const summary = screen.getByTestId('trajectory-summary');
    expect(within(summary).getByTestId('trajectory-status')).toHaveTextContent('Actief');
    expect(summary).toHaveTextContent('gestart na 5 werkdagen (norm: 20)');
    expect(summary).toHaveTextContent('Van Aangevraagd naar Intake, door Lisa Logopedie');
    expect(within(screen.getByTestId('trajectory-team')).getByRole('table')).toHaveTextContent('logopedist');
  });

  it('gives the team the forms, and marks corrected notes; only one’s own newest note can be corrected', async () => {
    pageApi();
    renderPage(false);
    await screen.findByTestId('trajectory-notes');
    expect(screen.getByTestId('goal-form')).toBeInTheDocument();
    expect(screen.getByTestId('session-form')).toBeInTheDocument();
    expect(screen.getByTestId('note-form')).toBeInTheDocument();
    expect(screen.getByTestId('transition-actions')).toBeInTheDocument();

    const notes = screen.getAllByTestId('note-item');
    expect(notes.map((n) => n.getAttribute('data-note-id'))).toEqual(['n-new', 'n-old', 'n-other']);
    expect(within(notes[0]!).getByTestId('note-correction-marker')).toBeInTheDocument();
    expect(within(notes[1]!).getByTestId('note-corrected-marker')).toHaveTextContent('Gecorrigeerd: lees de nieuwe versie');
    expect(within(notes[0]!).getByRole('button', { name: 'Corrigeer' })).toBeInTheDocument();
    expect(within(notes[1]!).queryByRole('button', { name: 'Corrigeer' })).not.toBeInTheDocument();
    expect(within(notes[2]!).queryByRole('button', { name: 'Corrigeer' })).not.toBeInTheDocument();
    expect(within(notes[2]!).getByTestId('note-visibility')).toHaveTextContent('Ook voor de ouders');
  });

  it('adds a goal shared with the daily team, with its tip', async () => {
    const { requests } = pageApi();
    const user = userEvent.setup();
    renderPage(false);
    const form = await screen.findByTestId('goal-form');
    await user.type(within(form).getByLabelText('Wat is het doel?'), 'Noah vertelt een kort verhaal.');
    await user.click(within(form).getByRole('checkbox', { name: 'Delen met het dagelijkse team' }));
    await user.type(within(form).getByLabelText('Tip voor de klas of groep (niet verplicht)'), 'Vraag door in de kring.');
    await user.click(within(form).getByRole('button', { name: 'Doel toevoegen' }));
    await screen.findByText('Het doel is toegevoegd.');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe('/api/v1/support-trajectories/t1/goals');
    expect(await post.json()).toEqual({
      text: 'Noah vertelt een kort verhaal.',
      sharedWithDailyTeam: true,
      dailyTeamAdvice: 'Vraag door in de kring.',
    });
  });

  it('writes a note for the parents, and asks who took part in a team meeting', async () => {
    const { requests } = pageApi();
    const user = userEvent.setup();
    renderPage(false);
    const form = await screen.findByTestId('note-form');
    await user.selectOptions(within(form).getByLabelText('Soort'), 'Teamoverleg');
    await user.selectOptions(within(form).getByLabelText('Wie mag dit lezen?'), 'Het team en de ouders met gezag');
    await user.type(within(form).getByLabelText('Tekst'), 'We bespraken de voortgang.');
    await user.click(within(form).getByRole('button', { name: 'Notitie opslaan' }));
    expect(within(form).getByText('Schrijf op wie er meededen.')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.type(within(form).getByLabelText('Wie deden mee?'), 'Olga de Ouder{Enter}Lisa Logopedie');
    await user.type(within(form).getByLabelText('Wat is er besloten? (niet verplicht)'), 'Nog zes weken.');
    await user.click(within(form).getByRole('button', { name: 'Notitie opslaan' }));
    await screen.findByText('De notitie is opgeslagen.');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe('/api/v1/support-trajectories/t1/notes');
    expect(await post.json()).toEqual({
      kind: 'team_meeting',
      visibility: 'team_and_guardians',
      text: 'We bespraken de voortgang.',
      participants: ['Olga de Ouder', 'Lisa Logopedie'],
      decisions: 'Nog zes weken.',
    });
  });

  it('corrects one’s own note as a new version', async () => {
    const { requests } = pageApi();
    const user = userEvent.setup();
    renderPage(false);
    const [newest] = await screen.findAllByTestId('note-item');
    await user.click(within(newest!).getByRole('button', { name: 'Corrigeer' }));
    const form = screen.getByTestId('note-form');
    expect(within(form).getByRole('heading', { name: 'Notitie corrigeren' })).toHaveFocus();
    const text = within(form).getByLabelText('Tekst');
    expect(text).toHaveValue('Gecorrigeerde tekst.');
    await user.clear(text);
    await user.type(text, 'Nog eens verbeterd.');
    await user.click(within(form).getByRole('button', { name: 'Correctie opslaan' }));
    await screen.findByText('De correctie is opgeslagen.');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe('/api/v1/support-trajectories/t1/notes/n-new/corrections');
    expect(await post.json()).toEqual({ kind: 'note', visibility: 'team', text: 'Nog eens verbeterd.' });
  });

  it('gives a guardian a read-only page, and explains the consent it waits for', async () => {
    pageApi(
      page({
        status: 'requested',
        consentNeeded: true,
        allowedTransitions: ['cancelled'],
        embedded: { goals: [], sessions: [], notes: [note({ id: 'n-g', visibility: 'team_and_guardians', text: 'Welkom!' })], team: [], transitions: [] },
      }),
    );
    renderPage(true);
    const consent = await screen.findByTestId('trajectory-consent-needed');
    expect(consent).toHaveTextContent('Zorgpartners Gooi wil uw kind helpen met Logopedie. Dat kan pas als u daar toestemming voor geeft.');
    expect(within(consent).getByRole('link', { name: 'Naar de pagina van Noah de Vries' })).toHaveAttribute(
      'href',
      `/children/${page().childId}`,
    );
    expect(screen.getByTestId('note-item')).toHaveTextContent('Welkom!');
    await waitFor(() => expect(screen.queryByTestId('transition-actions')).not.toBeInTheDocument());
    for (const form of ['goal-form', 'session-form', 'note-form', 'progress-form', 'goal-status-form']) {
      expect(screen.queryByTestId(form)).not.toBeInTheDocument();
    }
    expect(screen.queryByRole('button', { name: 'Corrigeer' })).not.toBeInTheDocument();
  });

  it('says so when the trajectory is not found', async () => {
    mockFetch(() => problem(404, 'Not found'));
    renderPage(false);
    expect(await screen.findByRole('heading', { level: 1, name: 'Traject niet gevonden' })).toBeInTheDocument();
  });
});
