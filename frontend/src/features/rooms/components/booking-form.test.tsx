import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BookingDialog } from '@/features/rooms/components/booking-dialog';
import {
  booking,
  busy,
  classroom,
  GYM_ID,
  gym,
  invalid,
  ORG_CARE,
  ORG_SCHOOL,
  problemWith,
  roomsApi,
} from '@/features/rooms/testing/fixtures';
import type { BookingOrganisation, BookingRead } from '@/features/rooms/types';
import type { BookingValues } from '@/features/rooms/utils/booking-form';
import { json, renderWithProviders, setupApi } from '@/test/utils';

const SCHOOL: BookingOrganisation = { id: ORG_SCHOOL, name: 'Basisschool De Regenboog', type: 'school' };
const CARE: BookingOrganisation = { id: ORG_CARE, name: 'Zorgpartners Gooi', type: 'care_provider' };
const names: Record<string, string> = { [ORG_SCHOOL]: 'Basisschool De Regenboog' };

type Setup = {
  organisations?: BookingOrganisation[];
  initial?: Partial<BookingValues>;
  loaded?: BookingRead[];
  write?: (request: Request) => Response | undefined | Promise<Response | undefined>;
};

function renderDialog({ organisations = [SCHOOL], initial = {}, loaded = [], write }: Setup = {}) {
  const api = roomsApi({ write });
  const onClose = vi.fn();
  renderWithProviders(
    <BookingDialog
      rooms={[gym, classroom]}
      organisations={organisations}
      organisationName={(id) => names[id]}
      initial={initial}
      loaded={loaded}
      onClose={onClose}
    />,
    setupApi(),
  );
  return { ...api, onClose, dialog: screen.getByRole('dialog', { name: 'Ruimte boeken' }) };
}

const posts = (requests: Request[]) => requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/v1/bookings');

async function fillOnce(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement, values: { date: string; start: string; end: string }) {
  await user.selectOptions(within(dialog).getByLabelText('Ruimte'), 'Gymzaal (hoogstens 30 personen)');
  await user.type(within(dialog).getByLabelText(/Waarvoor is de ruimte\?/), 'Gymles groep 5');
  await user.clear(within(dialog).getByLabelText('Datum'));
  await user.type(within(dialog).getByLabelText('Datum'), values.date);
  await user.type(within(dialog).getByLabelText('Begintijd'), values.start);
  await user.type(within(dialog).getByLabelText('Eindtijd'), values.end);
}

describe('the booking dialog', () => {
  it('builds the weekly rule from the chosen days and last date, in Amsterdam time', async () => {
    const { requests, dialog } = renderDialog();
    const user = userEvent.setup();
    expect(within(dialog).getByRole('heading', { level: 2, name: 'Ruimte boeken' })).toHaveFocus();
    // One organisation: nothing to choose.
    expect(within(dialog).queryByLabelText('Voor welke organisatie boekt u?')).not.toBeInTheDocument();

    await fillOnce(user, dialog, { date: '2027-01-13', start: '14:00', end: '15:30' });
    expect(within(dialog).getByText(/goedkeuring nodig van Basisschool De Regenboog/)).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Aantal personen (niet verplicht)'), '24');
    await user.click(within(dialog).getByLabelText('Elke week'));
    const repeat = within(dialog).getByTestId('booking-repeat');
    // The date's weekday is ticked already; add Friday.
    expect(within(repeat).getByLabelText('woensdag')).toBeChecked();
    await user.click(within(repeat).getByLabelText('vrijdag'));
    await user.type(within(repeat).getByLabelText('Tot en met'), '2027-07-09');
    // A school skips the holidays unless it says otherwise.
    expect(within(repeat).getByLabelText('Sla schoolvakanties en studiedagen over')).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Boeken' }));

    await within(dialog).findByTestId('booking-result');
    const [post] = posts(requests);
    expect(await post!.json()).toEqual({
      roomId: GYM_ID,
      organisationId: ORG_SCHOOL,
      purpose: 'Gymles groep 5',
      startsAt: '2027-01-13T13:00:00Z',
      endsAt: '2027-01-13T14:30:00Z',
      attendees: 24,
      recurrence: 'FREQ=WEEKLY;BYDAY=WE,FR;UNTIL=20270709T235959',
      skipHolidays: true,
      skipConflicts: false,
    });
  });

  it('checks the form before sending anything', async () => {
    const { requests, dialog } = renderDialog({ organisations: [SCHOOL, CARE] });
    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('button', { name: 'Boeken' }));
    expect(within(dialog).getByText('Kies een ruimte.')).toBeInTheDocument();
    expect(within(dialog).getByText('Kies voor welke organisatie u boekt.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Ruimte')).toHaveFocus();

    await fillOnce(user, dialog, { date: '2027-01-13', start: '15:00', end: '14:00' });
    await user.selectOptions(within(dialog).getByLabelText('Voor welke organisatie boekt u?'), 'Zorgpartners Gooi');
    await user.click(within(dialog).getByRole('button', { name: 'Boeken' }));
    expect(within(dialog).getByText('De eindtijd moet na de begintijd liggen.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Eindtijd')).toHaveFocus();
    expect(posts(requests)).toHaveLength(0);
  });

  it('says at once when the chosen time overlaps a booking already in the calendar', async () => {
    const taken = busy({ roomId: GYM_ID, startsAt: '2027-01-13T13:30:00Z', endsAt: '2027-01-13T14:30:00Z' });
    const { dialog } = renderDialog({ loaded: [taken], initial: { roomId: GYM_ID, date: '2027-01-13' } });
    const user = userEvent.setup();
    await user.type(within(dialog).getByLabelText('Begintijd'), '14:00');
    expect(within(dialog).getByTestId('booking-overlap')).toBeEmptyDOMElement();
    await user.type(within(dialog).getByLabelText('Eindtijd'), '15:00');
    expect(within(dialog).getByTestId('booking-overlap')).toHaveTextContent(
      'Let op: de ruimte is dan al bezet: 14:30–15:30 BSO Zonnestraal.',
    );
    await user.selectOptions(within(dialog).getByLabelText('Ruimte'), 'Lokaal 3 (hoogstens 28 personen)');
    expect(within(dialog).getByTestId('booking-overlap')).toBeEmptyDOMElement();
  });

  it('lists the conflicts in plain words and books the rest when asked', async () => {
    const first = {
      startsAt: '2027-01-13T13:00:00Z',
      endsAt: '2027-01-13T14:00:00Z',
      takenBy: [busy({ startsAt: '2027-01-13T12:30:00Z', endsAt: '2027-01-13T14:00:00Z', organisationName: 'Basisschool De Regenboog' })],
    };
    const second = {
      startsAt: '2027-01-20T13:00:00Z',
      endsAt: '2027-01-20T14:00:00Z',
      takenBy: [booking({ purpose: 'Teamoverleg', organisationName: 'Zorgpartners Gooi' })],
    };
    const write = async (request: Request) => {
      const body = (await request.json()) as { skipConflicts: boolean };
      if (!body.skipConflicts) return problemWith(409, 'The room is taken at 2 of the asked times.', { conflicts: [first, second] });
      return json(
        {
          seriesId: 's1',
          items: [
            booking({ startsAt: '2027-01-27T13:00:00Z', endsAt: '2027-01-27T14:00:00Z', status: 'requested' }),
            booking({ startsAt: '2027-02-03T13:00:00Z', endsAt: '2027-02-03T14:00:00Z', status: 'requested' }),
          ],
          skipped: [
            { startsAt: first.startsAt, endsAt: first.endsAt, reason: 'conflict' },
            { startsAt: second.startsAt, endsAt: second.endsAt, reason: 'conflict' },
            { startsAt: '2027-02-17T13:00:00Z', endsAt: '2027-02-17T14:00:00Z', reason: 'holiday' },
          ],
        },
        { status: 201 },
      );
    };
    const { requests, dialog } = renderDialog({ write });
    const user = userEvent.setup();
    await fillOnce(user, dialog, { date: '2027-01-13', start: '14:00', end: '15:00' });
    await user.click(within(dialog).getByLabelText('Elke week'));
    await user.type(within(dialog).getByLabelText('Tot en met'), '2027-02-28');
    await user.click(within(dialog).getByRole('button', { name: 'Boeken' }));

    const conflicts = await within(dialog).findByTestId('booking-conflicts');
    await waitFor(() =>
      expect(within(conflicts).getByRole('heading', { name: 'De ruimte is dan al bezet' })).toHaveFocus(),
    );
    expect(within(conflicts).getAllByTestId('booking-conflict').map((item) => item.textContent)).toEqual([
      'Bezet op woensdag 13 januari 14:00–15:00 door Basisschool De Regenboog',
      'Bezet op woensdag 20 januari 14:00–15:00 door Zorgpartners Gooi (Teamoverleg)',
    ]);
    // A busy booking shows no purpose.
    expect(conflicts).not.toHaveTextContent('Gymles');

    await user.click(within(conflicts).getByRole('button', { name: 'Sla deze over en boek de rest' }));
    const result = await within(dialog).findByTestId('booking-result');
    const [asked, resent] = posts(requests);
    const firstBody = (await asked!.json()) as Record<string, unknown>;
    expect(firstBody.skipConflicts).toBe(false);
    expect(await resent!.json()).toEqual({ ...firstBody, skipConflicts: true });

    expect(within(result).getByRole('heading', { name: 'Aangevraagd' })).toHaveFocus();
    expect(result).toHaveTextContent(
      'U heeft de ruimte 2 keer aangevraagd. Basisschool De Regenboog moet uw aanvraag nog goedkeuren:',
    );
    expect(within(result).getByTestId('booking-result-items')).toHaveTextContent('woensdag 27 januari 14:00–15:00, Gymzaal');
    const skipped = within(result).getByTestId('booking-result-skipped');
    expect(within(skipped).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'woensdag 13 januari 14:00–15:00: de ruimte was al bezet',
      'woensdag 20 januari 14:00–15:00: de ruimte was al bezet',
      'woensdag 17 februari 14:00–15:00: vakantie of studiedag',
    ]);
  });

  it('offers no skipping for a single booking, only another time', async () => {
    const conflict = { startsAt: '2027-01-13T13:00:00Z', endsAt: '2027-01-13T14:00:00Z', takenBy: [busy()] };
    const { dialog } = renderDialog({ write: () => problemWith(409, 'Taken.', { conflicts: [conflict] }) });
    const user = userEvent.setup();
    await fillOnce(user, dialog, { date: '2027-01-13', start: '14:00', end: '15:00' });
    await user.click(within(dialog).getByRole('button', { name: 'Boeken' }));
    const conflicts = await within(dialog).findByTestId('booking-conflicts');
    expect(within(conflicts).queryByRole('button', { name: 'Sla deze over en boek de rest' })).not.toBeInTheDocument();
    expect(conflicts).toHaveTextContent('Kies een andere tijd of ruimte, en boek opnieuw.');
  });

  it("shows the room's rules at the fields they are about, in Dutch", async () => {
    let answer = problemWith(400, 'Invalid input', {
      errors: [
        { in: 'body', location: '#/startsAt', code: 'outsideOpeningHours', detail: '1 of the times fall outside the opening hours.' },
        { in: 'body', location: '#/attendees', code: 'overCapacity', detail: 'The room holds 30 people.' },
      ],
    });
    const { dialog } = renderDialog({ write: () => answer });
    const user = userEvent.setup();
    await fillOnce(user, dialog, { date: '2027-01-16', start: '14:00', end: '15:00' });
    await user.type(within(dialog).getByLabelText('Aantal personen (niet verplicht)'), '40');
    await user.click(within(dialog).getByRole('button', { name: 'Boeken' }));

    const start = within(dialog).getByLabelText('Begintijd');
    await waitFor(() => expect(start).toHaveFocus());
    expect(start).toHaveAttribute('aria-invalid', 'true');
    expect(start).toHaveAccessibleDescription('De ruimte is dan dicht. Open: maandag t/m vrijdag 07:00–18:30.');
    expect(within(dialog).getByLabelText('Aantal personen (niet verplicht)')).toHaveAccessibleDescription(
      'Er passen hoogstens 30 personen in deze ruimte.',
    );
    expect(within(dialog).getByTestId('booking-error-summary')).toHaveTextContent('Het formulier is nog niet goed ingevuld.');

    answer = invalid('#/roomId', 'notBookableByOrganisation');
    await user.click(within(dialog).getByRole('button', { name: 'Boeken' }));
    await waitFor(() => expect(within(dialog).getByLabelText('Ruimte')).toHaveFocus());
    expect(within(dialog).getByLabelText('Ruimte')).toHaveAccessibleDescription(
      expect.stringContaining('Uw organisatie kan deze ruimte niet boeken. Kies een andere ruimte.'),
    );
    expect(start).not.toHaveAttribute('aria-invalid');

    answer = invalid('#/recurrence', 'tooManyOccurrences');
    await user.click(within(dialog).getByLabelText('Elke week'));
    await user.type(within(dialog).getByLabelText('Tot en met'), '2028-12-31');
    await user.click(within(dialog).getByRole('button', { name: 'Boeken' }));
    const until = within(dialog).getByLabelText('Tot en met');
    await waitFor(() => expect(until).toHaveFocus());
    expect(until).toHaveAccessibleDescription(expect.stringContaining('Dat is meer dan 500 keer.'));

    answer = invalid('#/startsAt', 'inThePast');
    await user.click(within(dialog).getByRole('button', { name: 'Boeken' }));
    await waitFor(() => expect(start).toHaveAccessibleDescription('Deze tijd is al voorbij. Kies een datum en tijd in de toekomst.'));
  });

  it("names what the server refused that has no field, and a 403 in our words", async () => {
    let answer = invalid('#/skipDates/0', 'odd', 'Not a date.');
    const { dialog } = renderDialog({ write: () => answer });
    const user = userEvent.setup();
    await fillOnce(user, dialog, { date: '2027-01-13', start: '14:00', end: '15:00' });
    await user.click(within(dialog).getByRole('button', { name: 'Boeken' }));
    expect(await within(dialog).findByText(/Dit klopt niet: Not a date\./)).toBeInTheDocument();

    answer = problemWith(403, 'You can only book for an organisation you work for.', {});
    await user.click(within(dialog).getByRole('button', { name: 'Boeken' }));
    const problem = await within(dialog).findByTestId('booking-problem');
    expect(problem).toHaveTextContent('U kunt alleen boeken voor een organisatie waar u werkt');
  });

  it('closes on Annuleren and on Sluiten after booking', async () => {
    const { dialog, onClose } = renderDialog({ initial: { roomId: GYM_ID, date: '2027-01-13', start: '14:00', end: '15:00' } });
    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.type(within(dialog).getByLabelText(/Waarvoor is de ruimte\?/), 'Ouderavond');
    await user.click(within(dialog).getByRole('button', { name: 'Boeken' }));
    const result = await within(dialog).findByTestId('booking-result');
    expect(within(result).getByRole('heading', { name: 'Geboekt' })).toBeInTheDocument();
    expect(result).toHaveTextContent('De ruimte is 1 keer voor u geboekt:');
    await user.click(within(result).getByRole('button', { name: 'Sluiten' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
