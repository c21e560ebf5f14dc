import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActivityDetailPage } from '@/features/activities/components/activity-detail-page';
import {
  activitiesApi,
  attendanceRow,
  coach,
  enrolment,
  FOOTBALL_ID,
  guardian,
  GYM_ID,
  NOOR_ID,
  problemWith,
  SAM_ID,
  sent,
  session,
  SESSION_NEXT,
  SESSION_PAST,
  SESSION_TODAY,
  teacher,
  type ActivitiesApiOptions,
} from '@/features/activities/testing/fixtures';
import { busy } from '@/features/rooms/testing/fixtures';
import type { AttendanceRow } from '@/features/activities/types';
import { json, renderWithProviders, setupApi } from '@/test/utils';

/* Tuesday 8 September 2026, noon in Amsterdam: today's session is at 15:00. */
const NOW = new Date('2026-09-08T10:00:00Z');

const sessions = [
  session({ id: SESSION_PAST, startsAt: '2026-09-03T13:00:00Z', endsAt: '2026-09-03T14:00:00Z' }),
  session({ id: SESSION_TODAY }),
  session({ id: SESSION_NEXT, startsAt: '2026-09-10T13:00:00Z', endsAt: '2026-09-10T14:00:00Z', bookingStatus: 'requested' }),
  session({ id: 'cancelled-1', startsAt: '2026-09-15T13:00:00Z', endsAt: '2026-09-15T14:00:00Z', cancelled: true }),
];

const rows: AttendanceRow[] = [
  attendanceRow({ childId: NOOR_ID, childName: 'Noor Jansen', groupName: 'Groep 4' }),
  attendanceRow({ childId: SAM_ID, childName: 'Sam Jansen', reportedAbsent: true }),
  attendanceRow({ childId: 'c3', childName: 'Zeynep Kaya', groupName: 'Groep 6', status: 'present' }),
];

function renderDetail(options: ActivitiesApiOptions = {}, path = `/activiteiten/${FOOTBALL_ID}`) {
  const api = activitiesApi({ me: coach, sessions: () => sessions, attendance: () => rows, ...options });
  const view = renderWithProviders(<ActivityDetailPage activityId={FOOTBALL_ID} now={NOW} />, setupApi(), path);
  return { ...api, ...view };
}

describe('the activity page for its organisation', () => {
  it('shows the details, the sessions and the enrolments with the waiting list in order', async () => {
    renderDetail({
      enrolments: () => [
        enrolment({ childName: 'Sam Jansen' }),
        enrolment({ childId: 'w2', childName: 'Bo de Wit', groupName: null, status: 'waitlisted', position: 2 }),
        enrolment({ childId: 'w1', childName: 'Ali Yilmaz', groupName: 'Groep 7', status: 'waitlisted', position: 1 }),
        enrolment({ childId: 'gone', childName: 'Weg Kind', status: 'cancelled' }),
      ],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Voetbal' })).toBeInTheDocument();
    expect(screen.getByTestId('activity-category')).toHaveTextContent('Sport');
    expect(screen.getByTestId('activity-capacity')).toHaveTextContent('11 van 16 plekken');
    expect(screen.getByText('Samen voetballen in de gymzaal.')).toBeInTheDocument();

    const coming = await screen.findByTestId('sessions-coming');
    expect(within(coming).getAllByTestId('session').map((item) => item.textContent)).toEqual([
      'dinsdag 8 september 15:00–16:00, GymzaalAanwezigheid dinsdag 8 september 15:00–16:00Afzeggen dinsdag 8 september 15:00–16:00',
      'donderdag 10 september 15:00–16:00, Gymzaal Ruimte nog niet goedgekeurdAanwezigheid donderdag 10 september 15:00–16:00Afzeggen donderdag 10 september 15:00–16:00',
      'dinsdag 15 september 15:00–16:00, Gymzaal Afgezegd',
    ]);
    expect(screen.getByText('Eerdere sessie (1)')).toBeInTheDocument();

    const section = screen.getByTestId('enrolments-section');
    await waitFor(() => expect(within(section).getByTestId('enrolments-summary')).toHaveTextContent('1 van 16 plekken bezet.'));
    expect(within(section).getAllByTestId('enrolled').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Sam Jansen, Groep 5'),
    ]);
    const waiting = within(section).getAllByTestId('waiting');
    expect(waiting.map((item) => within(item).getByText(/Plaats/).textContent)).toEqual(['Plaats 1', 'Plaats 2']);
    expect(waiting[0]).toHaveTextContent('Ali Yilmaz, Groep 7');
    expect(waiting[1]).toHaveTextContent('Bo de Wit');
    expect(section).not.toHaveTextContent('Weg Kind');
  });

  it('takes a child off the list after asking, and says the waiting list moves up', async () => {
    const sams = enrolment({ childName: 'Sam Jansen' });
    let listed = [sams, enrolment({ childId: 'w1', childName: 'Ali Yilmaz', status: 'waitlisted', position: 1 })];
    const { requests } = renderDetail({
      enrolments: () => listed,
      write: (request) => {
        if (request.url.endsWith('/cancellation')) listed = [{ ...listed[1]!, status: 'enrolled', position: null }];
        return undefined;
      },
    });
    const user = userEvent.setup();
    const section = await screen.findByTestId('enrolments-section');
    await user.click(await within(section).findByRole('button', { name: 'Uitschrijven Sam Jansen' }));
    await user.click(within(section).getByRole('button', { name: 'Ja, uitschrijven' }));
    await waitFor(() =>
      expect(within(section).getByTestId('enrolments-message')).toHaveTextContent(
        'Sam Jansen is uitgeschreven. De eerste op de wachtlijst krijgt de plek. De ouders krijgen een bericht.',
      ),
    );
    expect(sent(requests, new RegExp(`/enrolments/${sams.id}/cancellation$`), 'POST')).toHaveLength(1);
    await waitFor(() => expect(within(section).getAllByTestId('enrolled')[0]).toHaveTextContent('Ali Yilmaz'));
    expect(within(section).getByText('Er staat niemand op de wachtlijst.')).toBeInTheDocument();
  });

  it('opens today\'s attendance list and puts the marks with the right body', async () => {
    const { requests } = renderDetail();
    const user = userEvent.setup();
    const section = await screen.findByTestId('attendance-section');
    expect(await within(section).findByLabelText('Sessie')).toHaveValue(SESSION_TODAY);
    const list = await within(section).findByTestId('attendance-list');
    const [noor, sam, zeynep] = within(list).getAllByTestId('attendance-row');
    expect(within(sam!).getByTestId('reported-absent')).toHaveTextContent('Afgemeld door ouder');
    expect(within(noor!).queryByTestId('reported-absent')).not.toBeInTheDocument();
    expect(within(zeynep!).getByRole('button', { name: 'Aanwezig' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(list).getByTestId('attendance-counts')).toHaveTextContent(
      'Aanwezig: 1. Afwezig: 0. Afgemeld: 0. Nog niet ingevuld: 2.',
    );
    const save = within(list).getByRole('button', { name: 'Opslaan' });
    expect(save).toBeDisabled();

    await user.click(within(noor!).getByRole('button', { name: 'Afwezig' }));
    await user.click(within(sam!).getByRole('button', { name: 'Afgemeld' }));
    // Tapping a child's current mark again changes nothing.
    await user.click(within(zeynep!).getByRole('button', { name: 'Aanwezig' }));
    expect(within(noor!).getByRole('button', { name: 'Afwezig' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(list).getByTestId('attendance-state')).toHaveTextContent('2 wijzigingen zijn nog niet opgeslagen.');
    await user.click(save);

    await waitFor(() => expect(within(list).getByTestId('attendance-state')).toHaveTextContent('De aanwezigheid is opgeslagen.'));
    const [put] = sent(requests, /\/attendance$/, 'PUT');
    expect(new URL(put!.url).pathname).toBe(`/api/v1/activities/${FOOTBALL_ID}/sessions/${SESSION_TODAY}/attendance`);
    expect(await put!.json()).toEqual({
      items: [
        { childId: NOOR_ID, status: 'absent' },
        { childId: SAM_ID, status: 'excused' },
      ],
    });
    expect(within(list).getByRole('button', { name: 'Opslaan' })).toBeDisabled();
  });

  it('marks everyone not marked yet at once: present, or excused when a parent reported them absent', async () => {
    const { requests } = renderDetail();
    const user = userEvent.setup();
    const list = await screen.findByTestId('attendance-list');
    await user.click(within(list).getByRole('button', { name: 'Alle anderen aanwezig (2)' }));
    await user.click(within(list).getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(sent(requests, /\/attendance$/, 'PUT')).toHaveLength(1));
    expect(await sent(requests, /\/attendance$/, 'PUT')[0]!.json()).toEqual({
      items: [
        { childId: NOOR_ID, status: 'present' },
        { childId: SAM_ID, status: 'excused' },
      ],
    });
  });

  it('keeps the chosen session in the address and opens it from the sessions list', async () => {
    const { requests, router } = renderDetail();
    const user = userEvent.setup();
    await screen.findByTestId('attendance-list');
    await user.click(screen.getByRole('button', { name: 'Aanwezigheid donderdag 10 september 15:00–16:00' }));
    await waitFor(() => expect(screen.getByLabelText('Sessie')).toHaveValue(SESSION_NEXT));
    expect(new URLSearchParams(router.state.location.search).get('sessie')).toBe(SESSION_NEXT);
    await waitFor(() =>
      expect(sent(requests, new RegExp(`/sessions/${SESSION_NEXT}/attendance$`), 'GET')).toHaveLength(1),
    );
    // A cancelled session has no list to choose.
    expect(within(screen.getByLabelText('Sessie')).queryByText(/15 september/)).not.toBeInTheDocument();
  });

  it('adds weekly sessions with the rule built from the date, until the chosen day', async () => {
    const { requests } = renderDetail();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sessies toevoegen' }));
    const form = await screen.findByTestId('session-form');
    expect(within(form).getByRole('heading', { name: 'Sessies toevoegen' })).toHaveFocus();
    await user.selectOptions(within(form).getByLabelText('Ruimte'), 'Gymzaal');
    await user.type(within(form).getByLabelText('Eerste datum'), '2026-09-22');
    await user.type(within(form).getByLabelText('Begintijd'), '15:00');
    await user.type(within(form).getByLabelText('Eindtijd'), '16:00');
    expect(within(form).getByLabelText('Elke week herhalen, op dinsdag')).toBeChecked();
    await user.type(within(form).getByLabelText(/Tot en met/), '2026-12-18');
    expect(within(form).getByLabelText(/Sla schoolvakanties en studiedagen over/)).toBeChecked();
    await user.click(within(form).getByRole('button', { name: 'Sessies toevoegen' }));

    expect(await screen.findByTestId('session-result')).toHaveTextContent('Er is 1 sessie toegevoegd:');
    const [post] = sent(requests, /\/sessions$/, 'POST');
    expect(await post!.json()).toEqual({
      roomId: GYM_ID,
      startsAt: '2026-09-22T13:00:00Z',
      endsAt: '2026-09-22T14:00:00Z',
      recurrence: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20261218T235959',
      skipHolidays: true,
      skipConflicts: false,
    });
  });

  it('checks the form before sending anything', async () => {
    const { requests } = renderDetail();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sessies toevoegen' }));
    const form = await screen.findByTestId('session-form');
    await user.click(within(form).getByRole('button', { name: 'Sessies toevoegen' }));
    expect(within(form).getByText('Kies een ruimte.')).toBeInTheDocument();
    expect(within(form).getByText('Kies tot welke datum de sessie elke week is.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Ruimte')).toHaveFocus();
    expect(sent(requests, /\/sessions$/, 'POST')).toHaveLength(0);
  });

  it('says in plain words when the room is taken, and adds the rest when asked', async () => {
    const taken = {
      startsAt: '2026-09-29T13:00:00Z',
      endsAt: '2026-09-29T14:00:00Z',
      takenBy: [busy({ startsAt: '2026-09-29T12:30:00Z', endsAt: '2026-09-29T14:30:00Z' })],
    };
    const { requests } = renderDetail({
      write: async (request) => {
        if (!request.url.endsWith('/sessions')) return undefined;
        const body = (await request.json()) as { skipConflicts: boolean; startsAt: string; endsAt: string };
        if (!body.skipConflicts) return problemWith(409, 'The room is taken at 1 of the asked times.', { conflicts: [taken] });
        return json(
          {
            items: [session({ id: 'n1', startsAt: body.startsAt, endsAt: body.endsAt, bookingStatus: 'requested' })],
            skipped: [{ startsAt: taken.startsAt, endsAt: taken.endsAt, reason: 'conflict' }],
          },
          { status: 201 },
        );
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sessies toevoegen' }));
    const form = await screen.findByTestId('session-form');
    await user.selectOptions(within(form).getByLabelText('Ruimte'), 'Gymzaal');
    await user.type(within(form).getByLabelText('Eerste datum'), '2026-09-22');
    await user.type(within(form).getByLabelText('Begintijd'), '15:00');
    await user.type(within(form).getByLabelText('Eindtijd'), '16:00');
    await user.type(within(form).getByLabelText(/Tot en met/), '2026-10-06');
    await user.click(within(form).getByRole('button', { name: 'Sessies toevoegen' }));

    const conflicts = await within(form).findByTestId('session-conflicts');
    await waitFor(() =>
      expect(within(conflicts).getByRole('heading', { name: 'De ruimte is dan al bezet' })).toHaveFocus(),
    );
    expect(within(conflicts).getByTestId('session-conflict')).toHaveTextContent(
      'Bezet op dinsdag 29 september 15:00–16:00 door BSO Zonnestraal',
    );
    await user.click(within(conflicts).getByRole('button', { name: 'Sla deze over en voeg de rest toe' }));

    const result = await screen.findByTestId('session-result');
    expect(result).toHaveTextContent('De eigenaar van de ruimte moet de ruimte nog goedkeuren.');
    expect(result).toHaveTextContent('dinsdag 29 september 15:00–16:00: de ruimte was al bezet');
    const posts = sent(requests, /\/sessions$/, 'POST');
    expect(posts).toHaveLength(2);
    expect(((await posts[1]!.json()) as { skipConflicts: boolean }).skipConflicts).toBe(true);
  });
});

describe('the activity page for others', () => {
  it('shows a guardian the details and their own enrolments only', async () => {
    const { requests } = renderDetail({
      me: guardian,
      enrolments: () => [enrolment({ childName: 'Sam Jansen', status: 'waitlisted', position: 3, enrolledAt: null })],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Voetbal' })).toBeInTheDocument();
    const own = screen.getByTestId('own-section');
    expect(within(own).getByRole('heading', { name: 'Uw inschrijvingen' })).toBeInTheDocument();
    expect(await within(own).findByTestId('own-enrolment')).toHaveTextContent('Sam Jansen: op de wachtlijst, plaats 3');
    expect(within(own).getByRole('button', { name: 'Inschrijven voor Voetbal' })).toBeInTheDocument();
    expect(screen.queryByTestId('attendance-section')).not.toBeInTheDocument();
    expect(screen.queryByTestId('sessions-section')).not.toBeInTheDocument();
    expect(screen.queryByTestId('enrolments-section')).not.toBeInTheDocument();
    expect(sent(requests, /sessions|attendance|rooms/)).toEqual([]);
  });

  it('shows someone of another organisation the details only', async () => {
    const { requests } = renderDetail({ me: teacher });
    expect(await screen.findByRole('heading', { level: 1, name: 'Voetbal' })).toBeInTheDocument();
    expect(screen.getByTestId('activity-facts')).toBeInTheDocument();
    expect(screen.queryByTestId('own-section')).not.toBeInTheDocument();
    expect(screen.queryByTestId('enrolments-section')).not.toBeInTheDocument();
    expect(sent(requests, /enrolments|sessions|children/)).toEqual([]);
  });

  it('says so when the activity is not there', async () => {
    activitiesApi({ me: coach, activities: () => [] });
    renderWithProviders(<ActivityDetailPage activityId="10000000-0000-4000-8000-000000000099" />, setupApi());
    expect(await screen.findByText('Deze activiteit bestaat niet, of u kunt haar niet zien.')).toBeInTheDocument();
  });
});
