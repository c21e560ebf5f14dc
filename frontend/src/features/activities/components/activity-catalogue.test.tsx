import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActivityCatalogue } from '@/features/activities/components/activity-catalogue';
import {
  activitiesApi,
  activity,
  coach,
  drawing,
  DRAWING_ID,
  enrolment,
  enrolmentConflict,
  football,
  FOOTBALL_ID,
  NOOR_ID,
  SAM_ID,
  sam,
  sent,
  type ActivitiesApiOptions,
} from '@/features/activities/testing/fixtures';
import { invalid } from '@/features/rooms/testing/fixtures';
import { renderWithProviders, setupApi } from '@/test/utils';

function renderCatalogue(options: ActivitiesApiOptions = {}, path = '/activiteiten') {
  const api = activitiesApi(options);
  const view = renderWithProviders(<ActivityCatalogue now={new Date('2026-09-01T10:00:00Z')} />, setupApi(), path);
  return { ...api, ...view };
}

const catalogueQueries = (requests: Request[]) =>
  sent(requests, /^\/activities$/, 'GET').map((r) => Object.fromEntries(new URL(r.url).searchParams));

/** GETs of an activity's enrolments: the catalogue must send none. */
const enrolmentReads = (requests: Request[]) => sent(requests, /\/enrolments$/, 'GET');

const card = (title: string) =>
  screen.getAllByTestId('activity-card').find((element) => within(element).queryByRole('heading', { name: title }))!;

describe('the activities catalogue', () => {
  it('shows each activity with its organisation, days, ages, cost and places', async () => {
    renderCatalogue({ me: coach });
    await waitFor(() => expect(screen.getByTestId('activity-count')).toHaveTextContent('2 activiteiten gevonden.'));
    const voetbal = card('Voetbal');
    expect(within(voetbal).getByRole('link', { name: 'Voetbal' })).toHaveAttribute('href', `/activiteiten/${FOOTBALL_ID}`);
    expect(within(voetbal).getByTestId('activity-organisation')).toHaveTextContent('Sportclub Gooi');
    expect(within(voetbal).getByTestId('activity-days')).toHaveTextContent('Dagendinsdag en donderdag');
    expect(within(voetbal).getByTestId('activity-next')).toHaveTextContent('dinsdag 8 september 15:00');
    expect(within(voetbal).getByTestId('activity-ages')).toHaveTextContent('8 tot en met 12 jaar');
    expect(within(voetbal).getByTestId('activity-cost')).toHaveTextContent('KostenGratis');
    expect(within(voetbal).getByTestId('activity-places')).toHaveTextContent('Nog 5 plekken vrij');

    const tekenen = card('Tekenen en schilderen');
    expect(within(tekenen).getByTestId('activity-ages')).toHaveTextContent('vanaf 6 jaar');
    expect(within(tekenen).getByTestId('activity-cost')).toHaveTextContent(/€\s?12,50/);
    expect(within(tekenen).getByTestId('activity-places')).toHaveTextContent('Vol — wachtlijst (3 kinderen wachten)');
    // Staff enrol nobody here, and ask for nobody's enrolments or children.
    expect(screen.queryByRole('button', { name: /Inschrijven/ })).not.toBeInTheDocument();
  });

  it('asks for the filters in the address and keeps each new choice there', async () => {
    const { requests, router } = renderCatalogue({ me: coach }, '/activiteiten?dag=tuesday&soort=sport&leeftijd=8');
    await screen.findAllByTestId('activity-card');
    expect(catalogueQueries(requests)).toEqual([{ weekday: 'tuesday', category: 'sport', age: '8' }]);
    const user = userEvent.setup();
    expect(screen.getByLabelText('Dag')).toHaveValue('tuesday');
    expect(screen.getByLabelText('Soort activiteit')).toHaveValue('sport');
    expect(screen.getByLabelText('Leeftijd')).toHaveValue('8');

    await user.selectOptions(screen.getByLabelText('Dag'), 'woensdag');
    await waitFor(() => expect(catalogueQueries(requests)).toHaveLength(2));
    expect(catalogueQueries(requests)[1]).toEqual({ weekday: 'wednesday', category: 'sport', age: '8' });
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({ dag: 'wednesday', soort: 'sport', leeftijd: '8' });

    await user.selectOptions(screen.getByLabelText('Leeftijd'), 'Alle leeftijden');
    await waitFor(() => expect(catalogueQueries(requests)).toHaveLength(3));
    expect(catalogueQueries(requests)[2]).toEqual({ weekday: 'wednesday', category: 'sport' });

    await user.click(screen.getByRole('button', { name: 'Alles tonen' }));
    await waitFor(() => expect(catalogueQueries(requests)).toHaveLength(4));
    expect(catalogueQueries(requests)[3]).toEqual({});
    expect(router.state.location.search).toBe('');
  });

  it('ignores filter values it does not know', async () => {
    const { requests } = renderCatalogue({ me: coach }, '/activiteiten?dag=someday&soort=cooking&leeftijd=40');
    await screen.findAllByTestId('activity-card');
    expect(catalogueQueries(requests)).toEqual([{}]);
  });

  it('says so when nothing matches the filters', async () => {
    renderCatalogue({ me: coach, activities: () => [] }, '/activiteiten?soort=nature');
    await waitFor(() =>
      expect(screen.getByTestId('activity-count')).toHaveTextContent(
        'Er zijn geen activiteiten die passen bij uw keuze. Kies een andere dag, soort of leeftijd.',
      ),
    );
  });

  it("loads a guardian's catalogue in one request, their children's enrolments and waiting-list places in it", async () => {
    const { requests } = renderCatalogue(
      {
        activities: () => [
          { ...football, myEnrolments: [enrolment({ childId: NOOR_ID, childName: 'Noor Jansen', status: 'waitlisted', position: 3, enrolledAt: null })] },
          { ...drawing, myEnrolments: [enrolment({ activityId: DRAWING_ID, activityTitle: drawing.title, childId: SAM_ID, childName: 'Sam Jansen' })] },
        ],
      },
      '/activiteiten?dag=tuesday',
    );
    const voetbal = await screen.findAllByTestId('activity-card').then(() => card('Voetbal'));
    expect(await within(voetbal).findByTestId('own-enrolment')).toHaveTextContent('Noor Jansen: op de wachtlijst, plaats 3');
    expect(within(card('Tekenen en schilderen')).getByTestId('own-enrolment')).toHaveTextContent('Sam Jansen: ingeschreven');
    // Noor is on the waiting list: only Sam is offered for Voetbal.
    expect(within(voetbal).getByRole('button', { name: 'Inschrijven voor Voetbal' })).toBeInTheDocument();
    expect(catalogueQueries(requests)).toEqual([{ weekday: 'tuesday', expand: 'myEnrolments' }]);
    expect(enrolmentReads(requests)).toEqual([]);
  });

  it('lets a guardian enrol one of their children and says the place on the waiting list', async () => {
    let listed = [enrolment({ childId: SAM_ID, childName: 'Sam Jansen' })];
    const { requests } = renderCatalogue({
      activities: () => [football],
      enrolments: () => listed,
      write: async (request) => {
        if (!request.url.endsWith('/enrolments')) return undefined;
        const { childId } = (await request.clone().json()) as { childId: string };
        const made = enrolment({ childId, childName: 'Noor Jansen', status: 'waitlisted', position: 2, enrolledAt: null });
        listed = [...listed, made];
        return new Response(JSON.stringify(made), { status: 201, headers: { 'Content-Type': 'application/json' } });
      },
    });
    const user = userEvent.setup();
    const voetbal = await screen.findByTestId('activity-card');
    // Sam is on the list already: shown, and not offered again.
    expect(await within(voetbal).findByTestId('own-enrolment')).toHaveTextContent('Sam Jansen: ingeschreven');
    await user.click(within(voetbal).getByRole('button', { name: 'Inschrijven voor Voetbal' }));
    const form = within(voetbal).getByTestId('enrol-form');
    expect(within(form).getByRole('group', { name: 'Welk kind wilt u inschrijven voor Voetbal?' })).toBeInTheDocument();
    expect(within(form).queryByLabelText('Sam Jansen')).not.toBeInTheDocument();
    // A child of another centre is not offered either; the only one left is chosen already.
    expect(within(form).queryByLabelText('Ties Jansen')).not.toBeInTheDocument();
    expect(within(form).getByLabelText('Noor Jansen')).toBeChecked();
    await user.click(within(form).getByRole('button', { name: 'Inschrijven' }));

    const message = await within(voetbal).findByTestId('enrolment-message');
    await waitFor(() => expect(message).toHaveTextContent('Op de wachtlijst, plaats 2'));
    expect(message).toHaveTextContent('Noor Jansen staat op de wachtlijst. Komt er een plek vrij? Dan krijgt u een bericht.');
    await waitFor(() => expect(message).toHaveFocus());
    const [post] = sent(requests, /\/enrolments$/, 'POST');
    expect(await post!.json()).toEqual({ childId: NOOR_ID });
    await waitFor(() =>
      expect(within(voetbal).getAllByTestId('own-enrolment').map((item) => item.textContent)).toContain(
        'Noor Jansen: op de wachtlijst, plaats 2Uitschrijven Noor Jansen',
      ),
    );
    // The catalogue is asked again (with the enrolments in it), not the activity's enrolments.
    expect(catalogueQueries(requests)).toEqual([{ expand: 'myEnrolments' }, { expand: 'myEnrolments' }]);
    expect(enrolmentReads(requests)).toEqual([]);
  });

  it('says "Ingeschreven" when there was a place', async () => {
    renderCatalogue({ activities: () => [football], children: [sam] });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Inschrijven voor Voetbal' }));
    await user.click(screen.getByRole('button', { name: 'Inschrijven' }));
    const message = await screen.findByTestId('enrolment-message');
    await waitFor(() => expect(message).toHaveTextContent('Ingeschreven'));
    expect(message).toHaveTextContent('Sam Jansen doet mee met Voetbal.');
  });

  it('asks which child before sending anything', async () => {
    const { requests } = renderCatalogue({ activities: () => [football] });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Inschrijven voor Voetbal' }));
    expect(screen.getByLabelText('Sam Jansen')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Inschrijven' }));
    expect(screen.getByText('Kies een kind.')).toBeInTheDocument();
    expect(sent(requests, /\/enrolments$/, 'POST')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(screen.getByRole('button', { name: 'Inschrijven voor Voetbal' })).toHaveFocus();
  });

  it('says in plain Dutch that enrolment has closed (409 enrolmentClosed)', async () => {
    renderCatalogue({
      activities: () => [football],
      write: () => enrolmentConflict('enrolmentClosed', 'Enrolment for this activity is not open.'),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Inschrijven voor Voetbal' }));
    await user.click(screen.getByLabelText('Noor Jansen'));
    await user.click(screen.getByRole('button', { name: 'Inschrijven' }));
    const problem = await screen.findByTestId('enrol-problem');
    expect(problem).toHaveTextContent('Inschrijven kan nu niet. De inschrijving voor Voetbal is gesloten.');
    expect(problem).not.toHaveTextContent('Enrolment for this activity is not open.');
    expect(screen.getByTestId('enrolment-message')).toBeEmptyDOMElement();
  });

  it.each([
    ['alreadyEnrolled', () => enrolmentConflict('alreadyEnrolled'), 'Noor Jansen is al ingeschreven voor Voetbal, of staat al op de wachtlijst.'],
    [
      'outsideAgeRange',
      () => invalid('#/childId', 'outsideAgeRange', 'The activity is for children of 8 to 12 years.'),
      'Noor Jansen kan niet meedoen, want de leeftijd past niet. Leeftijd voor Voetbal: 8 tot en met 12 jaar.',
    ],
    ['notForGroup', () => invalid('#/childId', 'notForGroup'), 'Noor Jansen kan niet meedoen. Voetbal is alleen voor kinderen uit bepaalde groepen.'],
    ['otherCentre', () => invalid('#/childId', 'otherCentre'), 'Noor Jansen kan niet meedoen. Voetbal is voor kinderen van een ander kindcentrum.'],
    [
      'a child the caller does not know (404)',
      () => new Response(JSON.stringify({ type: 'x', title: 'Not found', status: 404, detail: 'The child does not exist.' }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } }),
      'Dit kind kunnen we niet vinden.',
    ],
  ])('says why it was refused: %s', async (_name, answer, text) => {
    renderCatalogue({ activities: () => [football], write: answer });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Inschrijven voor Voetbal' }));
    await user.click(screen.getByLabelText('Noor Jansen'));
    await user.click(screen.getByRole('button', { name: 'Inschrijven' }));
    expect(await screen.findByTestId('enrol-problem')).toHaveTextContent(text);
  });

  it('offers no "Inschrijven" while enrolment is closed, and says from when it opens', async () => {
    renderCatalogue({ activities: () => [activity({ enrolmentOpen: false, enrolmentOpens: '2026-10-01' })] });
    expect(await screen.findByTestId('enrolment-closed')).toHaveTextContent('Inschrijven kan vanaf 1 oktober 2026.');
    expect(screen.queryByRole('button', { name: /Inschrijven/ })).not.toBeInTheDocument();
  });

  it('takes a child off after asking, and says so', async () => {
    const sams = enrolment({ childId: SAM_ID, childName: 'Sam Jansen' });
    let listed = [sams];
    const { requests } = renderCatalogue({
      activities: () => [football],
      enrolments: () => listed,
      write: (request) => {
        if (request.url.endsWith('/cancellation')) listed = [];
        return undefined;
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Uitschrijven Sam Jansen' }));
    const confirm = screen.getByTestId('cancel-confirm');
    expect(confirm).toHaveTextContent('Wilt u Sam Jansen uitschrijven voor Voetbal? Dan is de plek weg.');
    expect(sent(requests, /cancellation$/)).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Nee, niet uitschrijven' }));
    expect(screen.getByRole('button', { name: 'Uitschrijven Sam Jansen' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Uitschrijven Sam Jansen' }));
    await user.click(within(screen.getByTestId('cancel-confirm')).getByRole('button', { name: 'Ja, uitschrijven' }));
    const message = await screen.findByTestId('enrolment-message');
    await waitFor(() => expect(message).toHaveTextContent('Uitgeschreven'));
    expect(message).toHaveTextContent('Sam Jansen doet niet meer mee met Voetbal.');
    const [post] = sent(requests, /cancellation$/, 'POST');
    expect(new URL(post!.url).pathname).toBe(`/api/v1/activities/${FOOTBALL_ID}/enrolments/${sams.id}/cancellation`);
    await waitFor(() => expect(screen.queryByTestId('own-enrolment')).not.toBeInTheDocument());
    expect(catalogueQueries(requests)).toEqual([{ expand: 'myEnrolments' }, { expand: 'myEnrolments' }]);
    expect(enrolmentReads(requests)).toEqual([]);
  });

  it('asks staff for the catalogue without anyone\'s enrolments or children', async () => {
    const { requests } = renderCatalogue({ me: coach });
    await screen.findAllByTestId('activity-card');
    expect(catalogueQueries(requests)).toEqual([{}]);
    expect(sent(requests, /enrolments|children/)).toEqual([]);
  });
});
