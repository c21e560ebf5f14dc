import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { ActivityCatalogue } from '@/features/activities/components/activity-catalogue';
import { ActivityDetailPage } from '@/features/activities/components/activity-detail-page';
import {
  activitiesApi,
  activity,
  analyst,
  CENTRE_ID,
  coach,
  FOOTBALL_ID,
  guardian,
  NEW_ACTIVITY_ID,
  ORG_SPORT,
  OTHER_CENTRE_ID,
  regenboog,
  sent,
  session,
  SESSION_NEXT,
  SESSION_PAST,
  SESSION_TODAY,
  teacher,
  twoJobs,
  zonnebloem,
  type ActivitiesApiOptions,
} from '@/features/activities/testing/fixtures';
import { invalid, ORG_SCHOOL } from '@/features/rooms/testing/fixtures';
import type { ActivitySession } from '@/features/activities/types';
import { json, renderRoutes, renderWithProviders, setupApi } from '@/test/utils';

/* Tuesday 8 September 2026, noon in Amsterdam. */
const NOW = new Date('2026-09-08T10:00:00Z');

function renderCatalogue(options: ActivitiesApiOptions = {}) {
  const api = activitiesApi({ me: coach, ...options });
  const view = renderWithProviders(<ActivityCatalogue now={NOW} />, setupApi(), '/activiteiten');
  return { ...api, ...view };
}

function renderDetail(options: ActivitiesApiOptions = {}) {
  const api = activitiesApi({ me: coach, ...options });
  const view = renderWithProviders(<ActivityDetailPage activityId={FOOTBALL_ID} now={NOW} />, setupApi(), `/activiteiten/${FOOTBALL_ID}`);
  return { ...api, ...view };
}

async function openNewForm() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Nieuwe activiteit' }));
  const form = await screen.findByTestId('activity-new-form');
  return { user, form };
}

describe('"Nieuwe activiteit" on the catalogue', () => {
  it('sends the new activity with the cost in cents and the ages as numbers, then opens its page', async () => {
    const { requests, router } = renderCatalogue();
    const { user, form } = await openNewForm();
    expect(within(form).getByRole('heading', { name: 'Nieuwe activiteit' })).toHaveFocus();
    // One organisation and one centre: neither is asked.
    expect(within(form).queryByLabelText('Organisatie')).not.toBeInTheDocument();
    expect(within(form).queryByLabelText('Kindcentrum')).not.toBeInTheDocument();

    await user.type(within(form).getByLabelText('Titel'), '  Judo voor beginners ');
    await user.type(within(form).getByLabelText('Beschrijving'), 'Vallen en opstaan op de mat.');
    await user.selectOptions(within(form).getByLabelText('Soort activiteit'), 'Sport');
    await user.type(within(form).getByLabelText('Vanaf leeftijd'), '6');
    await user.type(within(form).getByLabelText('Tot en met leeftijd'), '10');
    await user.type(within(form).getByLabelText('Aantal plekken'), '12');
    await user.type(within(form).getByLabelText('Kosten in euro'), '12,5');
    await user.type(within(form).getByLabelText('Inschrijven kan vanaf'), '2026-09-01');
    await user.type(within(form).getByLabelText('Inschrijven kan tot en met'), '2026-09-30');
    await user.click(within(form).getByRole('button', { name: 'Activiteit aanmaken' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/activiteiten/${NEW_ACTIVITY_ID}`));
    const [post] = sent(requests, /^\/activities$/, 'POST');
    expect(await post!.json()).toEqual({
      centreId: CENTRE_ID,
      organisationId: ORG_SPORT,
      title: 'Judo voor beginners',
      description: 'Vallen en opstaan op de mat.',
      category: 'sport',
      minAge: 6,
      maxAge: 10,
      capacity: 12,
      costCents: 1250,
      enrolmentOpens: '2026-09-01',
      enrolmentCloses: '2026-09-30',
    });
  });

  it('sends a free activity for all ages with nulls', async () => {
    const { requests } = renderCatalogue();
    const { user, form } = await openNewForm();
    await user.type(within(form).getByLabelText('Titel'), 'Buitenspelen');
    await user.selectOptions(within(form).getByLabelText('Soort activiteit'), 'Natuur');
    await user.type(within(form).getByLabelText('Aantal plekken'), '30');
    await user.click(within(form).getByRole('button', { name: 'Activiteit aanmaken' }));
    await waitFor(() => expect(sent(requests, /^\/activities$/, 'POST')).toHaveLength(1));
    expect(await sent(requests, /^\/activities$/, 'POST')[0]!.json()).toEqual({
      centreId: CENTRE_ID,
      organisationId: ORG_SPORT,
      title: 'Buitenspelen',
      description: '',
      category: 'nature',
      minAge: null,
      maxAge: null,
      capacity: 30,
      costCents: null,
      enrolmentOpens: null,
      enrolmentCloses: null,
    });
  });

  it('asks the organisation and the centre when there is a choice, and checks before sending', async () => {
    const { requests } = renderCatalogue({ me: twoJobs, centres: [regenboog, zonnebloem] });
    const { user, form } = await openNewForm();
    const organisation = within(form).getByLabelText('Organisatie');
    // Only the organisations where the person runs activities, not the municipality.
    expect(within(organisation).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Kies de organisatie die de activiteit aanbiedt',
      'Basisschool De Regenboog',
      'Sportclub Gooi',
    ]);
    await user.type(within(form).getByLabelText('Kosten in euro'), 'gratis');
    await user.type(within(form).getByLabelText('Vanaf leeftijd'), '12');
    await user.type(within(form).getByLabelText('Tot en met leeftijd'), '8');
    await user.click(within(form).getByRole('button', { name: 'Activiteit aanmaken' }));

    expect(sent(requests, /^\/activities$/, 'POST')).toHaveLength(0);
    expect(within(form).getByLabelText('Titel')).toHaveFocus();
    const summary = within(form).getByTestId('activity-error-summary');
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Titel: Vul een titel in.',
      'Soort activiteit: Kies een soort activiteit.',
      'Organisatie: Kies de organisatie die de activiteit aanbiedt.',
      'Kindcentrum: Kies een kindcentrum.',
      "Tot en met leeftijd: Deze leeftijd is lager dan de leeftijd bij 'Vanaf leeftijd'.",
      'Aantal plekken: Vul het aantal plekken in.',
      'Kosten in euro: Vul een bedrag in euro in, zoals 12,50. Laat het leeg als het gratis is.',
    ]);
    await user.click(within(summary).getByRole('link', { name: /^Kosten in euro/ }));
    expect(within(form).getByLabelText('Kosten in euro')).toHaveFocus();

    await user.clear(within(form).getByLabelText('Kosten in euro'));
    await user.clear(within(form).getByLabelText('Vanaf leeftijd'));
    await user.type(within(form).getByLabelText('Titel'), 'Schaken');
    await user.selectOptions(within(form).getByLabelText('Soort activiteit'), 'Overig');
    await user.selectOptions(within(form).getByLabelText('Organisatie'), 'Basisschool De Regenboog');
    await user.selectOptions(within(form).getByLabelText('Kindcentrum'), 'Kindcentrum De Zonnebloem');
    await user.type(within(form).getByLabelText('Aantal plekken'), '8');
    await user.click(within(form).getByRole('button', { name: 'Activiteit aanmaken' }));
    await waitFor(() => expect(sent(requests, /^\/activities$/, 'POST')).toHaveLength(1));
    expect(await sent(requests, /^\/activities$/, 'POST')[0]!.json()).toMatchObject({
      centreId: OTHER_CENTRE_ID,
      organisationId: ORG_SCHOOL,
      title: 'Schaken',
      category: 'other',
      minAge: null,
      maxAge: 8,
    });
  });

  it('shows a 400 at #/title at the title field, in the summary, and puts the focus there', async () => {
    renderCatalogue({ write: () => invalid('#/title', 'string_too_long', 'String should have at most 200 characters') });
    const { user, form } = await openNewForm();
    await user.type(within(form).getByLabelText('Titel'), 'Voetbal');
    await user.selectOptions(within(form).getByLabelText('Soort activiteit'), 'Sport');
    await user.type(within(form).getByLabelText('Aantal plekken'), '16');
    await user.click(within(form).getByRole('button', { name: 'Activiteit aanmaken' }));

    const title = within(form).getByLabelText('Titel');
    await waitFor(() => expect(title).toHaveFocus());
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Vul een titel in van hoogstens 200 tekens.');
    expect(within(form).getByTestId('activity-error-summary')).toHaveTextContent('Titel: Vul een titel in van hoogstens 200 tekens.');
    expect(form).not.toHaveTextContent('String should have at most 200 characters');
  });

  it('says a refusal about a field that is not on the form in the summary, in our words', async () => {
    renderCatalogue({ write: () => invalid('#/organisationId', 'notInCentre') });
    const { user, form } = await openNewForm();
    await user.type(within(form).getByLabelText('Titel'), 'Voetbal');
    await user.selectOptions(within(form).getByLabelText('Soort activiteit'), 'Sport');
    await user.type(within(form).getByLabelText('Aantal plekken'), '16');
    await user.click(within(form).getByRole('button', { name: 'Activiteit aanmaken' }));
    expect(await within(form).findByTestId('activity-error-summary')).toHaveTextContent(
      'Deze organisatie doet niet mee in dit kindcentrum.',
    );
  });

  it('closes again, the focus back on the button', async () => {
    renderCatalogue();
    const { user, form } = await openNewForm();
    await user.click(within(form).getByRole('button', { name: 'Annuleren' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Nieuwe activiteit' })).toHaveFocus());
  });

  it.each([
    ['a guardian', guardian],
    ['the municipality analyst', analyst],
  ])('is not offered to %s', async (_who, me) => {
    const { requests } = renderCatalogue({ me });
    await screen.findAllByTestId('activity-card');
    expect(screen.queryByRole('button', { name: 'Nieuwe activiteit' })).not.toBeInTheDocument();
    expect(sent(requests, /child-centres/)).toEqual([]);
  });
});

const full = activity({ capacity: 16, enrolledCount: 16, placesLeft: 0, waitlistCount: 3, costCents: 1250, enrolmentCloses: '2026-09-30' });

describe('"Bewerken" on the activity page', () => {
  it('fills in the form, says the waiting list moves up, and sends only what changed', async () => {
    const { requests } = renderDetail({
      activities: () => [full],
      write: async (request) => {
        if (request.method !== 'PATCH') return undefined;
        const changes = (await request.json()) as object;
        return json({ ...full, ...changes, enrolledCount: 19, waitlistCount: 0, placesLeft: 1 });
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Bewerken' }));
    const form = await screen.findByTestId('activity-edit-form');
    expect(within(form).getByRole('heading', { name: 'Activiteit bewerken' })).toHaveFocus();
    expect(within(form).getByLabelText('Titel')).toHaveValue('Voetbal');
    expect(within(form).getByLabelText('Soort activiteit')).toHaveValue('sport');
    expect(within(form).getByLabelText('Vanaf leeftijd')).toHaveValue(8);
    expect(within(form).getByLabelText('Tot en met leeftijd')).toHaveValue(12);
    expect(within(form).getByLabelText('Kosten in euro')).toHaveValue('12,50');
    expect(within(form).getByLabelText('Inschrijven kan tot en met')).toHaveValue('2026-09-30');
    expect(within(form).getByLabelText('Aantal plekken')).toHaveAccessibleDescription(
      'Meer plekken? Dan krijgen de eersten op de wachtlijst meteen een plek. Hun ouders krijgen een bericht.',
    );
    expect(within(form).queryByLabelText('Organisatie')).not.toBeInTheDocument();

    await user.clear(within(form).getByLabelText('Aantal plekken'));
    await user.type(within(form).getByLabelText('Aantal plekken'), '20');
    expect(within(form).getByTestId('activity-capacity-note')).toHaveTextContent(
      'Na het opslaan krijgen 3 kinderen van de wachtlijst een plek.',
    );
    await user.clear(within(form).getByLabelText('Tot en met leeftijd'));
    // Typed the same again: not a change.
    await user.clear(within(form).getByLabelText('Kosten in euro'));
    await user.type(within(form).getByLabelText('Kosten in euro'), '12.5');
    await user.click(within(form).getByRole('button', { name: 'Wijzigingen opslaan' }));

    const message = await screen.findByTestId('activity-admin-message');
    await waitFor(() =>
      expect(message).toHaveTextContent(
        'De wijzigingen zijn opgeslagen. 3 kinderen van de wachtlijst hebben een plek gekregen. De ouders krijgen een bericht.',
      ),
    );
    await waitFor(() => expect(message).toHaveFocus());
    const patches = sent(requests, new RegExp(`^/activities/${FOOTBALL_ID}$`), 'PATCH');
    expect(patches).toHaveLength(1);
    expect(await patches[0]!.json()).toEqual({ capacity: 20, maxAge: null });
    expect(screen.queryByTestId('activity-edit-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('activity-capacity')).toHaveTextContent('19 van 20 plekken');
  });

  it('sends nothing when nothing changed, and says so', async () => {
    const { requests } = renderDetail({ activities: () => [full] });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Bewerken' }));
    const form = await screen.findByTestId('activity-edit-form');
    await user.click(within(form).getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(within(form).getByTestId('activity-form-notice')).toHaveTextContent('U heeft niets gewijzigd.');
    expect(sent(requests, /^\/activities\//, 'PATCH')).toHaveLength(0);
    await user.click(within(form).getByRole('button', { name: 'Annuleren' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Bewerken' })).toHaveFocus());
  });
});

describe('"Verwijderen" on the activity page', () => {
  it('asks first, then deletes and goes back to the catalogue', async () => {
    const { requests } = activitiesApi({ me: coach, activities: () => [full] });
    const { router } = renderRoutes({ routes: appRoutes, path: `/activiteiten/${FOOTBALL_ID}`, store: setupApi() });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Verwijderen' }));
    const confirm = screen.getByTestId('activity-delete-confirm');
    expect(confirm).toHaveTextContent(
      'Wilt u Voetbal verwijderen? Alle sessies en inschrijvingen gaan dan weg, en de geboekte ruimtes komen weer vrij. Dit kunt u niet ongedaan maken. Er zijn nu 19 kinderen ingeschreven of op de wachtlijst.',
    );
    expect(sent(requests, /^\/activities\//, 'DELETE')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Nee, niet verwijderen' }));
    expect(screen.getByRole('button', { name: 'Verwijderen' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Verwijderen' }));
    await user.click(within(screen.getByTestId('activity-delete-confirm')).getByRole('button', { name: 'Ja, verwijderen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/activiteiten'));
    expect(await screen.findByTestId('activity-deleted')).toHaveTextContent('Voetbal is verwijderd.');
    const deletes = sent(requests, /^\/activities\//, 'DELETE');
    expect(deletes.map((r) => new URL(r.url).pathname)).toEqual([`/api/v1/activities/${FOOTBALL_ID}`]);
  });
});

describe('"Afzeggen" of a session', () => {
  it('asks first, then calls the session off and shows it as "Afgezegd"', async () => {
    let listed: ActivitySession[] = [
      session({ id: SESSION_PAST, startsAt: '2026-09-03T13:00:00Z', endsAt: '2026-09-03T14:00:00Z' }),
      session({ id: SESSION_TODAY }),
      session({ id: SESSION_NEXT, startsAt: '2026-09-10T13:00:00Z', endsAt: '2026-09-10T14:00:00Z' }),
    ];
    const { requests } = renderDetail({
      sessions: () => listed,
      write: (request) => {
        if (request.url.endsWith(`/sessions/${SESSION_NEXT}/cancellation`)) {
          listed = listed.map((s) => (s.id === SESSION_NEXT ? { ...s, cancelled: true } : s));
        }
        return undefined;
      },
    });
    const user = userEvent.setup();
    const coming = await screen.findByTestId('sessions-coming');
    // Held sessions cannot be called off.
    expect(within(screen.getByTestId('sessions-past')).queryByRole('button', { name: /Afzeggen/ })).not.toBeInTheDocument();

    const start = within(coming).getByRole('button', { name: 'Afzeggen donderdag 10 september 15:00–16:00' });
    await user.click(start);
    const confirm = within(coming).getByTestId('session-cancel-confirm');
    expect(confirm).toHaveTextContent(
      'Wilt u de sessie van donderdag 10 september 15:00–16:00 afzeggen? De ruimte komt dan weer vrij.',
    );
    expect(within(confirm).getByText(/Wilt u de sessie/)).toHaveFocus();
    expect(sent(requests, /cancellation$/)).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Nee, niet afzeggen' }));
    expect(within(coming).getByRole('button', { name: 'Afzeggen donderdag 10 september 15:00–16:00' })).toHaveFocus();

    await user.click(within(coming).getByRole('button', { name: 'Afzeggen donderdag 10 september 15:00–16:00' }));
    await user.click(within(coming).getByRole('button', { name: 'Ja, afzeggen' }));

    const message = screen.getByTestId('sessions-message');
    await waitFor(() =>
      expect(message).toHaveTextContent('De sessie van donderdag 10 september 15:00–16:00 is afgezegd. De ruimte is weer vrij.'),
    );
    expect(message).toHaveFocus();
    const posts = sent(requests, /cancellation$/, 'POST');
    expect(posts.map((r) => new URL(r.url).pathname)).toEqual([
      `/api/v1/activities/${FOOTBALL_ID}/sessions/${SESSION_NEXT}/cancellation`,
    ]);
    const rows = within(screen.getByTestId('sessions-coming')).getAllByTestId('session');
    expect(rows[1]).toHaveTextContent('donderdag 10 september 15:00–16:00, Gymzaal Afgezegd');
    expect(within(rows[1]!).queryByRole('button')).not.toBeInTheDocument();
    expect(within(rows[0]!).getByRole('button', { name: 'Afzeggen dinsdag 8 september 15:00–16:00' })).toBeInTheDocument();
  });
});

describe('who may change an activity', () => {
  it.each([
    ['a guardian', guardian],
    ['someone of another organisation', teacher],
  ])('offers %s no "Bewerken", "Verwijderen" or "Afzeggen"', async (_who, me) => {
    renderDetail({ me, sessions: () => [session({ id: SESSION_NEXT, startsAt: '2026-09-10T13:00:00Z', endsAt: '2026-09-10T14:00:00Z' })] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Voetbal' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Bewerken' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Verwijderen' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Afzeggen/ })).not.toBeInTheDocument();
    expect(screen.queryByTestId('activity-admin')).not.toBeInTheDocument();
  });

  it('offers the people who run it all three', async () => {
    renderDetail({ sessions: () => [session({ id: SESSION_NEXT, startsAt: '2026-09-10T13:00:00Z', endsAt: '2026-09-10T14:00:00Z' })] });
    expect(await screen.findByRole('button', { name: 'Bewerken' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Verwijderen' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: /^Afzeggen/ })).toBeInTheDocument();
  });
});
