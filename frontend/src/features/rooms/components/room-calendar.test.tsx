import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RoomCalendarPage } from '@/features/rooms/components/room-calendar-page';
import {
  booking,
  BUILDING_ID,
  busy,
  CLASSROOM_ID,
  GYM_ID,
  me,
  membership,
  roomsApi,
  springBreak,
  type RoomsApiOptions,
} from '@/features/rooms/testing/fixtures';
import { renderWithProviders, setupApi } from '@/test/utils';

/* The week of 23–29 March 2026: summer time starts on Sunday 29 March at 02:00. */
const own = booking({ purpose: 'Gymles groep 5', startsAt: '2026-03-27T13:00:00Z', endsAt: '2026-03-27T14:00:00Z' });
const sunday = booking({ purpose: 'Open dag', roomId: CLASSROOM_ID, startsAt: '2026-03-29T12:00:00Z', endsAt: '2026-03-29T13:00:00Z' });
const theirs = busy({ startsAt: '2026-03-24T15:00:00Z', endsAt: '2026-03-24T17:00:00Z' });
const nextWeek = busy({ startsAt: '2026-03-31T13:00:00Z', endsAt: '2026-03-31T14:00:00Z' });

const bookingsOf = (query: URLSearchParams) => (query.get('from') === '2026-03-23' ? [own, sunday, theirs] : [nextWeek]);

function renderCalendar(options: RoomsApiOptions = {}, path = '/ruimtes') {
  const api = roomsApi({ bookings: bookingsOf, holidays: [springBreak], ...options });
  const view = renderWithProviders(<RoomCalendarPage initialDate="2026-03-25" now={new Date('2026-03-25T09:00:00Z')} />, setupApi(), path);
  return { ...api, ...view };
}

const bookingRequests = (requests: Request[]) =>
  requests.filter((r) => new URL(r.url).pathname === '/api/v1/bookings').map((r) => Object.fromEntries(new URL(r.url).searchParams));

describe('the room calendar', () => {
  // The reader's own time zone must not matter: the calendar keeps the Amsterdam clock.
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
  });
  afterEach(() => {
    process.env.TZ = saved;
  });

  it('asks once for the week shown and shows each booking on the Amsterdam clock, also across the change to summer time', async () => {
    const { requests } = renderCalendar();
    expect(await screen.findByTestId('calendar-count')).toHaveTextContent('3 boekingen in deze periode.');
    expect(screen.getByTestId('calendar-title')).toHaveTextContent('Week 13: 23 maart 2026 tot en met 29 maart 2026');
    expect(bookingRequests(requests)).toEqual([{ buildingId: BUILDING_ID, from: '2026-03-23', to: '2026-03-29' }]);
    // The building's rooms, holidays and organisations come in one request, not four.
    const paths = requests.map((r) => new URL(r.url).pathname + new URL(r.url).search);
    expect(paths.filter((p) => p.startsWith(`/api/v1/buildings/${BUILDING_ID}`))).toEqual([
      `/api/v1/buildings/${BUILDING_ID}?expand=rooms%2Cholidays%2Corganisations`,
    ]);
    expect(paths.filter((p) => /\/(rooms|organisations|holidays)\b/.test(p.split('?')[0]!))).toEqual([]);

    const events = screen.getAllByTestId('calendar-booking');
    const text = (id: string) => events.find((event) => event.getAttribute('data-booking-id') === id)?.textContent;
    // Friday 13:00 UTC is 14:00 in winter time; Sunday 12:00 UTC is 14:00 in summer time.
    expect(text(own.id)).toBe('14:00–15:00 Gymles groep 5 — Basisschool De Regenboog · Gymzaal');
    expect(text(sunday.id)).toBe('14:00–15:00 Open dag — Basisschool De Regenboog · Lokaal 3');
    // Each on its own day of the grid.
    const day = (id: string) => events.find((event) => event.getAttribute('data-booking-id') === id)?.closest('[data-date]')?.getAttribute('data-date');
    expect(day(own.id)).toBe('2026-03-27');
    expect(day(sunday.id)).toBe('2026-03-29');
    expect(day(theirs.id)).toBe('2026-03-24');
  });

  it("shows another organisation's booking as busy, without a purpose, in that organisation's colour and name", async () => {
    renderCalendar();
    await screen.findByTestId('calendar-count');
    const event = screen.getAllByTestId('calendar-booking').find((e) => e.getAttribute('data-booking-id') === theirs.id)!;
    expect(event).toHaveTextContent('16:00–18:00 Bezet — BSO Zonnestraal · Gymzaal');
    expect(screen.getByTestId('room-calendar')).not.toHaveTextContent('Gymles groep 5 — BSO');
    const legend = screen.getByTestId('calendar-legend');
    expect(within(legend).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Basisschool De Regenboog',
      'BSO Zonnestraal',
    ]);
    const swatches = legend.querySelectorAll<HTMLElement>('.kc-legend__swatch');
    expect(swatches[0]!.style.backgroundColor).not.toBe(swatches[1]!.style.backgroundColor);
  });

  it("lists and shades the centre's holidays in the week", async () => {
    renderCalendar();
    const holidays = await screen.findByTestId('calendar-holidays');
    expect(holidays).toHaveTextContent('Studiedag team (studiedag): 27 maart 2026 tot en met 27 maart 2026');
    expect(screen.getByTestId('room-calendar')).toHaveTextContent('Studiedag team');
  });

  it('asks for the next week when moving on, and filters by room without asking again', async () => {
    const { requests } = renderCalendar();
    const user = userEvent.setup();
    await screen.findByTestId('calendar-count');
    await user.click(screen.getByRole('button', { name: 'Volgende week' }));
    await waitFor(() => expect(screen.getByTestId('calendar-count')).toHaveTextContent('1 boeking in deze periode.'));
    expect(screen.getByTestId('calendar-title')).toHaveTextContent('Week 14: 30 maart 2026 tot en met 5 april 2026');
    expect(bookingRequests(requests).map((q) => [q.from, q.to])).toEqual([
      ['2026-03-23', '2026-03-29'],
      ['2026-03-30', '2026-04-05'],
    ]);
    // Summer time now: 13:00 UTC is 15:00.
    expect(screen.getByTestId('calendar-booking')).toHaveTextContent('15:00–16:00 Bezet — BSO Zonnestraal');

    await user.click(screen.getByRole('button', { name: 'Vorige week' }));
    await user.selectOptions(screen.getByLabelText('Ruimte'), 'Lokaal 3');
    await waitFor(() => expect(screen.getByTestId('calendar-count')).toHaveTextContent('1 boeking van Lokaal 3 in deze periode.'));
    expect(screen.getByTestId('calendar-booking')).toHaveTextContent('14:00–15:00 Open dag — Basisschool De Regenboog');
    // The week before was asked already; choosing a room asks nothing new.
    expect(bookingRequests(requests)).toHaveLength(2);
  });

  it('shows one day at a time and asks for that day only', async () => {
    const { requests } = renderCalendar();
    const user = userEvent.setup();
    await screen.findByTestId('calendar-count');
    await user.click(screen.getByRole('button', { name: 'Dag' }));
    await waitFor(() => expect(screen.getByTestId('calendar-title')).toHaveTextContent('woensdag 25 maart 2026'));
    expect(screen.getByRole('button', { name: 'Dag' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: 'Volgende dag' })).toBeInTheDocument();
    await waitFor(() => expect(bookingRequests(requests).at(-1)).toEqual({ buildingId: BUILDING_ID, from: '2026-03-25', to: '2026-03-25' }));
  });

  it('opens the booking dialog for the chosen room from "Ruimte boeken", and gives focus back on closing', async () => {
    renderCalendar({}, `/ruimtes?ruimte=${GYM_ID}`);
    const user = userEvent.setup();
    await screen.findByTestId('calendar-count');
    const book = screen.getByRole('button', { name: 'Ruimte boeken' });
    await user.click(book);
    const dialog = screen.getByRole('dialog', { name: 'Ruimte boeken' });
    expect(within(dialog).getByLabelText('Ruimte')).toHaveValue(GYM_ID);
    expect(within(dialog).getByLabelText('Datum')).toHaveValue('2026-03-25');
    await user.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(book).toHaveFocus();
  });

  it('opens on the week of ?datum= and keeps the date shown in the address', async () => {
    const { requests, router } = renderCalendar({}, '/ruimtes?datum=2026-04-01');
    const user = userEvent.setup();
    await screen.findByTestId('calendar-count');
    expect(screen.getByTestId('calendar-title')).toHaveTextContent('Week 14: 30 maart 2026 tot en met 5 april 2026');
    expect(bookingRequests(requests)[0]).toEqual({ buildingId: BUILDING_ID, from: '2026-03-30', to: '2026-04-05' });
    // Opening writes nothing (no navigation of its own); moving does.
    expect(router.state.location.search).toBe('?datum=2026-04-01');
    await user.click(screen.getByRole('button', { name: 'Vorige week' }));
    await waitFor(() => expect(router.state.location.search).toBe('?datum=2026-03-23'));
    await user.click(screen.getByRole('button', { name: 'Volgende week' }));
    await waitFor(() => expect(router.state.location.search).toBe('?datum=2026-03-30'));
  });

  it('is only to look at for someone who books for no organisation', async () => {
    renderCalendar({ me: me([membership.analyst]) });
    await screen.findByTestId('calendar-count');
    expect(screen.queryByRole('button', { name: 'Ruimte boeken' })).not.toBeInTheDocument();
  });
});
