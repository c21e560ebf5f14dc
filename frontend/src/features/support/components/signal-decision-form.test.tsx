import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { todayIsoDate } from '@/lib/format';
import { coordinatorOptions, decisionErrors } from '@/features/support/components/signal-decision-form';
import { SignalList } from '@/features/support/components/signal-list';
import { ORG_CARE, ORG_SCHOOL, signal } from '@/features/support/testing/fixtures';
import { addDays } from '@/features/support/utils/week';
import type { SignalRead } from '@/features/support/types';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const SIGNAL_ID = 'signal-under-test';
const THERAPIST = 'user-therapist';
const JEUGDHULP = 'user-youth-care';
const TEACHER = 'user-teacher';
const organisations = [
  { id: ORG_SCHOOL, name: 'Basisschool De Regenboog' },
  { id: ORG_CARE, name: 'Zorgpartners Gooi' },
];

function decisionApi(answer?: (body: Record<string, unknown>) => Response) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    // Who works for each organisation, by name (the endpoint sorts by name; a centre
    // administrator is listed, but may not coordinate).
    if (url.pathname === `/api/v1/organisations/${ORG_CARE}/professionals`) {
      return json([
        { userId: 'user-admin', displayName: 'Anton Beheer', role: 'centre_admin' },
        { userId: THERAPIST, displayName: 'Lisa Logopedie', role: 'care_professional' },
        { userId: JEUGDHULP, displayName: 'Jeroen Jeugdhulp', role: 'care_professional' },
        { userId: JEUGDHULP, displayName: 'Jeroen Jeugdhulp', role: 'org_admin' },
      ]);
    }
    if (url.pathname === `/api/v1/organisations/${ORG_SCHOOL}/professionals`) {
      return json([{ userId: TEACHER, displayName: 'Tamara Leerkracht', role: 'staff' }]);
    }
    if (request.method === 'POST' && url.pathname === `/api/v1/signals/${SIGNAL_ID}/decision`) {
      const body = (await request.json()) as Record<string, unknown>;
      if (answer) return answer(body);
      return json(
        signal({
          id: SIGNAL_ID,
          status: 'decided',
          decision: body.decision as SignalRead['decision'],
          trajectoryId: body.decision === 'support_requested' ? 'new-trajectory' : null,
        }),
      );
    }
    return problem(404, 'Not found');
  });
}

const decisionPosts = (requests: Request[]) => requests.filter((r) => r.method === 'POST');

function renderDecision(consents?: Parameters<typeof SignalList>[0]['decision']['consents']) {
  const store = setupApi();
  return renderWithProviders(
    <SignalList
      signals={[signal({ id: SIGNAL_ID })]}
      label="Signalen"
      showChild
      canDecide={() => true}
      decision={{ organisations, consents }}
    />,
    store,
  );
}

async function openDecision(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Besluit nemen' }));
  return screen.getByTestId('decision-form');
}

describe('decisionErrors', () => {
  const today = '2026-03-10';
  const empty = { decision: '' as const, reviewOn: '', reason: '', type: '', organisationId: '' };

  it('names what each decision needs', () => {
    expect(decisionErrors(empty, today)).toEqual({ decision: 'decisionRequired' });
    expect(decisionErrors({ ...empty, decision: 'discussed_with_parents' }, today)).toEqual({});
    expect(decisionErrors({ ...empty, decision: 'watch' }, today)).toEqual({ reviewOn: 'reviewOnRequired' });
    expect(decisionErrors({ ...empty, decision: 'watch', reviewOn: today }, today)).toEqual({ reviewOn: 'reviewOnFuture' });
    expect(decisionErrors({ ...empty, decision: 'watch', reviewOn: '2026-03-11' }, today)).toEqual({});
    expect(decisionErrors({ ...empty, decision: 'no_action', reason: '  ' }, today)).toEqual({ reason: 'reasonRequired' });
    expect(decisionErrors({ ...empty, decision: 'support_requested' }, today)).toEqual({
      type: 'typeRequired',
      organisationId: 'organisationRequired',
    });
    expect(
      decisionErrors({ ...empty, decision: 'support_requested', type: 'logopedie', organisationId: ORG_CARE }, today),
    ).toEqual({});
  });
});

describe('coordinatorOptions', () => {
  it('offers those who may coordinate, each once, by name', () => {
    expect(
      coordinatorOptions([
        { userId: 'b', displayName: 'Bram', role: 'staff' },
        { userId: 'a', displayName: 'Anna', role: 'care_professional' },
        { userId: 'c', displayName: 'Cor', role: 'centre_admin' },
        { userId: 'a', displayName: 'Anna', role: 'org_admin' },
        { userId: 'd', displayName: 'Anna', role: 'org_admin' },
      ]),
    ).toEqual([
      { value: 'a', label: 'Anna' },
      { value: 'd', label: 'Anna' },
      { value: 'b', label: 'Bram' },
    ]);
  });
});

describe('the signal decision form', () => {
  it('asks for a decision first, and sends nothing without one', async () => {
    const { requests } = decisionApi();
    const user = userEvent.setup();
    renderDecision();
    const form = await openDecision(user);
    await user.click(within(form).getByRole('button', { name: 'Besluit opslaan' }));
    expect(within(form).getByText('Kies een besluit.')).toBeInTheDocument();
    expect(within(form).getByRole('radio', { name: 'Besproken met de ouders' })).toHaveFocus();
    expect(decisionPosts(requests)).toHaveLength(0);
  });

  it('needs a date after today to keep an eye on it', async () => {
    const { requests } = decisionApi();
    const user = userEvent.setup();
    renderDecision();
    const form = await openDecision(user);
    await user.click(within(form).getByRole('radio', { name: 'We houden het in de gaten' }));
    await user.click(within(form).getByRole('button', { name: 'Besluit opslaan' }));
    expect(within(form).getByText('Kies de datum waarop u opnieuw kijkt.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Wanneer kijkt u opnieuw?')).toHaveFocus();
    expect(decisionPosts(requests)).toHaveLength(0);

    const reviewOn = addDays(todayIsoDate(), 14);
    await user.type(within(form).getByLabelText('Wanneer kijkt u opnieuw?'), reviewOn);
    await user.click(within(form).getByRole('button', { name: 'Besluit opslaan' }));
    expect(await screen.findByText(/we houden het in de gaten/)).toBeInTheDocument();
    expect(await decisionPosts(requests)[0]!.json()).toEqual({ decision: 'watch', reviewOn });
  });

  it('needs a reason when nothing needs to be done', async () => {
    const { requests } = decisionApi();
    const user = userEvent.setup();
    renderDecision();
    const form = await openDecision(user);
    await user.click(within(form).getByRole('radio', { name: 'Er hoeft niets te gebeuren' }));
    await user.click(within(form).getByRole('button', { name: 'Besluit opslaan' }));
    expect(within(form).getByText('Schrijf op waarom er niets hoeft te gebeuren.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Waarom hoeft er niets te gebeuren?')).toHaveFocus();
    expect(decisionPosts(requests)).toHaveLength(0);

    await user.type(within(form).getByLabelText('Waarom hoeft er niets te gebeuren?'), 'Past bij de leeftijd.');
    await user.click(within(form).getByRole('button', { name: 'Besluit opslaan' }));
    await screen.findByText(/er hoeft niets te gebeuren\./);
    expect(await decisionPosts(requests)[0]!.json()).toEqual({ decision: 'no_action', reason: 'Past bij de leeftijd.' });
  });

  it('asks the kind of support and the organisation for a request, says whose consent it waits for, and links to the new trajectory', async () => {
    const { requests } = decisionApi();
    const user = userEvent.setup();
    renderDecision([]);
    const form = await openDecision(user);
    await user.click(within(form).getByRole('radio', { name: 'Hulp aangevraagd' }));
    await user.click(within(form).getByRole('button', { name: 'Besluit opslaan' }));
    expect(within(form).getByText('Kies de soort hulp.')).toBeInTheDocument();
    expect(within(form).getByText('Kies de organisatie die de hulp geeft.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Soort hulp')).toHaveFocus();
    expect(decisionPosts(requests)).toHaveLength(0);

    await user.selectOptions(within(form).getByLabelText('Soort hulp'), 'Logopedie');
    await user.selectOptions(within(form).getByLabelText('Welke organisatie geeft de hulp?'), 'Zorgpartners Gooi');
    // The coordinator candidates: the organisation's professionals, by name.
    const coordinator = within(form).getByLabelText('Coördinator (niet verplicht)');
    expect(await within(coordinator).findByRole('option', { name: 'Lisa Logopedie' })).toBeInTheDocument();
    await user.selectOptions(coordinator, 'Lisa Logopedie');
    expect(within(form).getByTestId('decision-who-sees')).toHaveTextContent(
      'De ouders met gezag van Noah de Vries zien het traject en krijgen een bericht.',
    );
    expect(within(form).getByTestId('decision-consent')).toHaveTextContent(
      'Er is nog geen toestemming van een ouder met gezag voor Logopedie door Zorgpartners Gooi.',
    );

    await user.click(within(form).getByRole('button', { name: 'Besluit opslaan' }));
    const link = await screen.findByRole('link', { name: 'Bekijk het traject' });
    expect(link).toHaveAttribute('href', '/zorg/trajecten/new-trajectory');
    expect(screen.getByText(/De hulp voor Noah de Vries is aangevraagd/)).toBeInTheDocument();
    expect(await decisionPosts(requests)[0]!.json()).toEqual({
      decision: 'support_requested',
      trajectory: { type: 'logopedie', organisationId: ORG_CARE, location: 'in_centre', coordinatorId: THERAPIST },
    });
  });

  it('lists the chosen organisation’s professionals by name as coordinator, and starts over when the organisation changes', async () => {
    const { requests } = decisionApi();
    const user = userEvent.setup();
    renderDecision([]);
    const form = await openDecision(user);
    await user.click(within(form).getByRole('radio', { name: 'Hulp aangevraagd' }));
    const coordinator = within(form).getByLabelText('Coördinator (niet verplicht)');
    // Before an organisation is chosen there is no one to choose, and nothing is asked.
    expect(within(coordinator).getAllByRole('option').map((o) => o.textContent)).toEqual(['Nog niet kiezen']);
    expect(requests.some((r) => new URL(r.url).pathname.endsWith('/professionals'))).toBe(false);

    await user.selectOptions(within(form).getByLabelText('Welke organisatie geeft de hulp?'), 'Zorgpartners Gooi');
    await within(coordinator).findByRole('option', { name: 'Lisa Logopedie' });
    // Everyone once, by name; not the centre administrator, whom the API refuses as coordinator.
    expect(within(coordinator).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Nog niet kiezen',
      'Jeroen Jeugdhulp',
      'Lisa Logopedie',
    ]);
    await user.selectOptions(coordinator, 'Jeroen Jeugdhulp');
    expect(coordinator).toHaveValue(JEUGDHULP);

    // Another organisation: its own people, and the choice made for the first is gone.
    await user.selectOptions(within(form).getByLabelText('Welke organisatie geeft de hulp?'), 'Basisschool De Regenboog');
    await within(coordinator).findByRole('option', { name: 'Tamara Leerkracht' });
    expect(within(coordinator).queryByRole('option', { name: 'Lisa Logopedie' })).not.toBeInTheDocument();
    expect(coordinator).toHaveValue('');
    expect(
      requests.filter((r) => new URL(r.url).pathname.endsWith('/professionals')).map((r) => new URL(r.url).pathname),
    ).toEqual([`/api/v1/organisations/${ORG_CARE}/professionals`, `/api/v1/organisations/${ORG_SCHOOL}/professionals`]);

    await user.selectOptions(within(form).getByLabelText('Soort hulp'), 'Passend onderwijs');
    await user.selectOptions(coordinator, 'Tamara Leerkracht');
    await user.click(within(form).getByRole('button', { name: 'Besluit opslaan' }));
    await screen.findByRole('link', { name: 'Bekijk het traject' });
    expect(await decisionPosts(requests)[0]!.json()).toMatchObject({
      trajectory: { type: 'passend_onderwijs', organisationId: ORG_SCHOOL, coordinatorId: TEACHER },
    });
  });

  it('still decides when the names cannot be loaded: the coordinator can be chosen later', async () => {
    const { requests } = mockFetch(async (request) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/professionals')) return problem(500, 'Internal error');
      if (request.method === 'POST') {
        return json(signal({ id: SIGNAL_ID, status: 'decided', decision: 'support_requested', trajectoryId: 'new-trajectory' }));
      }
      return problem(404, 'Not found');
    });
    const user = userEvent.setup();
    renderDecision([]);
    const form = await openDecision(user);
    await user.click(within(form).getByRole('radio', { name: 'Hulp aangevraagd' }));
    await user.selectOptions(within(form).getByLabelText('Soort hulp'), 'Logopedie');
    await user.selectOptions(within(form).getByLabelText('Welke organisatie geeft de hulp?'), 'Zorgpartners Gooi');
    const coordinator = within(form).getByLabelText('Coördinator (niet verplicht)');
    expect(
      await within(form).findByText('De namen van de medewerkers konden niet worden geladen. U kunt de coördinator later kiezen.'),
    ).toBeInTheDocument();
    expect(coordinator).toHaveAccessibleDescription(
      'De namen van de medewerkers konden niet worden geladen. U kunt de coördinator later kiezen.',
    );
    await user.click(within(form).getByRole('button', { name: 'Besluit opslaan' }));
    await screen.findByRole('link', { name: 'Bekijk het traject' });
    expect(await decisionPosts(requests)[0]!.json()).toEqual({
      decision: 'support_requested',
      trajectory: { type: 'logopedie', organisationId: ORG_CARE, location: 'in_centre' },
    });
  });

  it('says when the consent is already there', async () => {
    decisionApi();
    const user = userEvent.setup();
    renderDecision([
      { organisationId: ORG_CARE, purpose: 'trajectory', trajectoryType: 'logopedie', inForce: true },
    ]);
    const form = await openDecision(user);
    await user.click(within(form).getByRole('radio', { name: 'Hulp aangevraagd' }));
    await user.selectOptions(within(form).getByLabelText('Soort hulp'), 'Logopedie');
    await user.selectOptions(within(form).getByLabelText('Welke organisatie geeft de hulp?'), 'Zorgpartners Gooi');
    expect(within(form).getByTestId('decision-consent')).toHaveTextContent(
      'Er is al toestemming van een ouder met gezag voor Logopedie door Zorgpartners Gooi.',
    );
  });

  it('shows the server’s field errors next to the form (400)', async () => {
    decisionApi(() =>
      new Response(
        JSON.stringify({
          type: 'https://kindcentraal.nl/problems/invalid-input',
          title: 'Invalid input',
          status: 400,
          detail: 'The input is not valid.',
          errors: [{ in: 'body', location: '#/reviewOn', code: 'past', detail: 'reviewOn lies in the past' }],
        }),
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    const user = userEvent.setup();
    renderDecision();
    const form = await openDecision(user);
    await user.click(within(form).getByRole('radio', { name: 'We houden het in de gaten' }));
    await user.type(within(form).getByLabelText('Wanneer kijkt u opnieuw?'), addDays(todayIsoDate(), 3));
    await user.click(within(form).getByRole('button', { name: 'Besluit opslaan' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('De gegevens zijn niet goed ingevuld.');
    expect(alert).toHaveTextContent('Wanneer kijkt u opnieuw?: reviewOn lies in the past');
  });
});
