import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  bornYearsAgo,
  careMember,
  childDetail,
  consent,
  home,
  NOOR_ID,
  ORG_JEUGD,
  ORG_LOGO,
  ORG_SCHOOL,
  parentChildApi,
  sent,
  trajectory,
} from '@/features/parent-child/testing/fixtures';
import { renderChildScreen } from '@/features/parent-child/testing/render';
import type { CareTeamMember, ConsentRead, TrajectoryRead } from '@/features/parent-child/types';
import type { ChildPlacement } from '@/features/parent-child/utils/share-offers';
import { json, problem } from '@/test/utils';

const PATH = `/ouder/kinderen/${NOOR_ID}/toestemming`;
const ORG_BSO = 'aaaaaaaa-0000-4000-8000-000000000009';
const ORG_OLD = 'aaaaaaaa-0000-4000-8000-000000000011';
const ORGANISATIONS: Record<string, string> = {
  [ORG_SCHOOL]: 'Basisschool De Regenboog',
  [ORG_LOGO]: 'Logopediepraktijk De Klank',
  [ORG_JEUGD]: 'Jeugdhulp Gooi',
  [ORG_BSO]: 'BSO De Boomhut',
  [ORG_OLD]: 'Kinderfysio Oost',
};

function placement(overrides: Partial<ChildPlacement> = {}): ChildPlacement {
  return {
    createdAt: '2025-08-01T09:00:00Z',
    updatedAt: '2025-08-01T09:00:00Z',
    id: 'pl-school',
    childId: NOOR_ID,
    organisationId: ORG_SCHOOL,
    organisationName: ORGANISATIONS[ORG_SCHOOL]!,
    kind: 'school',
    startDate: '2020-08-20',
    endDate: null,
    days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    ...overrides,
  };
}

/** Noor goes to school and to the BSO; she went to a daycare before (ended). */
const PLACEMENTS = [
  placement(),
  placement({ id: 'pl-bso', organisationId: ORG_BSO, organisationName: ORGANISATIONS[ORG_BSO]!, kind: 'out_of_school_care' }),
  placement({ id: 'pl-old', organisationId: ORG_OLD, organisationName: 'Kinderdagverblijf Vroeger', kind: 'daycare', endDate: '2020-07-31' }),
];

const careTeamConsent = consent();
const photos = consent({
  id: 'dddddddd-0000-4000-8000-000000000002',
  organisationId: ORG_SCHOOL,
  organisationName: 'Basisschool De Regenboog',
  purpose: 'photos',
  givenAt: '2024-09-01T10:00:00+02:00',
  withdrawnAt: '2025-01-15T09:00:00+01:00',
  withdrawnByName: 'Sanne Jansen',
  inForce: false,
});

/**
 * The consents in memory: withdrawing and giving change what the next GET of the child page
 * answers, as the server does.
 */
function consentsApi({
  initial = [careTeamConsent, photos],
  dateOfBirth = bornYearsAgo(9),
  withCare = true,
  moreCareTeam = [],
  moreTrajectories = [],
  placements = PLACEMENTS,
}: {
  initial?: ConsentRead[];
  dateOfBirth?: string;
  withCare?: boolean;
  moreCareTeam?: CareTeamMember[];
  moreTrajectories?: TrajectoryRead[];
  placements?: ChildPlacement[];
} = {}) {
  let consents = [...initial];
  const api = parentChildApi({
    child: () =>
      childDetail(
        { dateOfBirth },
        withCare
          ? {
              careTeam: [
                careMember({ consentInForce: consents.some((c) => c.inForce && c.organisationId === ORG_LOGO && c.purpose === 'care_team') }),
                careMember({ id: 'ct-2', displayName: 'Karim Bos', organisationId: ORG_JEUGD, organisationName: 'Jeugdhulp Gooi', role: 'jeugdhulpverlener', consentInForce: false }),
                ...moreCareTeam,
              ],
              consents,
              trajectories: [
                trajectory({ id: 'tr-1', type: 'logopedie', organisationId: ORG_LOGO, organisationName: 'Logopediepraktijk De Klank', consentNeeded: true }),
                ...moreTrajectories,
              ],
              placements,
            }
          : { placements },
      ),
    write: async (request) => {
      const path = new URL(request.url).pathname.replace('/api/v1', '');
      const withdrawal = /\/consents\/([\w-]+)\/withdrawal$/.exec(path);
      if (withdrawal) {
        const found = consents.find((c) => c.id === withdrawal[1]);
        if (!found?.inForce) return problem(409, 'Already withdrawn.');
        const done = { ...found, inForce: false, withdrawnAt: '2026-03-25T10:00:00+01:00', withdrawnByName: 'Sanne Jansen' };
        consents = consents.map((c) => (c.id === found.id ? done : c));
        return json(done);
      }
      if (path === `/children/${NOOR_ID}/consents`) {
        const body = (await request.json()) as Pick<ConsentRead, 'organisationId' | 'purpose' | 'trajectoryType'>;
        const made = consent({
          id: `new-${consents.length}`,
          organisationId: body.organisationId,
          organisationName: ORGANISATIONS[body.organisationId]!,
          purpose: body.purpose,
          trajectoryType: body.trajectoryType ?? null,
          givenAt: '2026-03-25T10:00:00+01:00',
        });
        consents = [...consents, made];
        return json(made, { status: 201 });
      }
      return undefined;
    },
  });
  return api;
}

describe('Toestemming', () => {
  it('shows first the organisations that wait for consent, each explained in plain words', async () => {
    const { requests } = consentsApi();
    renderChildScreen(PATH);

    expect(await screen.findByRole('heading', { level: 1, name: 'Toestemming voor Noor' })).toBeInTheDocument();
    expect(screen.getByText(/^Toestemming: u zegt dat een organisatie iets mag/)).toBeInTheDocument();
    const waiting = await screen.findByTestId('consents-waiting');
    // Waiting comes before what is given.
    expect(waiting.compareDocumentPosition(screen.getByTestId('consents-given')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(waiting).getByRole('heading', { level: 2 })).toHaveTextContent('Wachten op uw toestemming (2)');
    const [careTeam, help] = within(waiting).getAllByTestId('give-consent');
    expect(careTeam).toHaveAttribute('data-organisation-id', ORG_JEUGD);
    expect(careTeam).toHaveTextContent('Jeugdhulp Gooi wil in het zorgteam van Noor.');
    expect(within(careTeam!).getByTestId('consent-explanation')).toHaveTextContent(
      'Wie ziet wat?Jeugdhulp Gooi ziet het dossier van Noor: de gegevens, het zorgteam, het plan en de hulp.',
    );
    expect(help).toHaveAttribute('data-purpose', 'trajectory');
    expect(help).toHaveTextContent('Hulp of begeleiding (traject): Logopedie');
    expect(within(help!).getByTestId('consent-explanation')).toHaveTextContent(
      'Logopediepraktijk De Klank helpt Noor met logopedie.',
    );
    // One request for the whole screen.
    const reads = sent(requests, /^\/children\//, 'GET');
    expect(reads).toHaveLength(1);
    expect(new URL(reads[0]!.url).searchParams.get('expand')).toBe('careTeam,consents,trajectories,placements');
  });

  it('withdraws a consent only after asking, saying what changes', async () => {
    const { requests } = consentsApi();
    const user = userEvent.setup();
    renderChildScreen(PATH);

    const given = await screen.findByTestId('consents-given');
    const card = within(given).getByTestId('consent-card');
    expect(card).toHaveTextContent('Meedoen in het zorgteam');
    expect(card).toHaveTextContent('Gegeven door Sanne Jansen op 1 september 2025. Geldig tot u het intrekt.');

    await user.click(within(card).getByRole('button', { name: /^Intrekken/ }));
    const question = within(card).getByTestId('withdraw-confirm');
    expect(question).toHaveTextContent('Wilt u de toestemming voor Logopediepraktijk De Klank intrekken?');
    expect(question).toHaveTextContent('Daarna ziet Logopediepraktijk De Klank het dossier van Noor niet meer.');
    expect(within(card).getByText(/Wilt u de toestemming/).closest('p')).toHaveFocus();
    // "Nee": nothing is sent, and focus goes back to the button.
    await user.click(within(question).getByRole('button', { name: 'Nee, laat maar' }));
    expect(sent(requests, /withdrawal$/, 'POST')).toHaveLength(0);
    expect(within(card).getByRole('button', { name: /^Intrekken/ })).toHaveFocus();

    await user.click(within(card).getByRole('button', { name: /^Intrekken/ }));
    await user.click(within(card).getByRole('button', { name: 'Ja, intrekken' }));

    const status = screen.getByTestId('consents-status');
    await waitFor(() =>
      expect(status).toHaveTextContent('U heeft de toestemming voor Logopediepraktijk De Klank ingetrokken: Meedoen in het zorgteam.'),
    );
    expect(status).toHaveFocus();
    const posts = sent(requests, /withdrawal$/, 'POST');
    expect(posts).toHaveLength(1);
    expect(new URL(posts[0]!.url).pathname).toBe(`/api/v1/children/${NOOR_ID}/consents/${careTeamConsent.id}/withdrawal`);
    // The screen is asked again: the consent is history, and the organisation waits again.
    await waitFor(() => expect(within(screen.getByTestId('consents-given')).queryByTestId('consent-card')).not.toBeInTheDocument());
    expect(screen.getByTestId('consents-given')).toHaveTextContent('U heeft nu voor Noor geen toestemming gegeven.');
    const past = within(screen.getByTestId('consents-past')).getAllByTestId('past-consent');
    expect(past[0]).toHaveTextContent('Ingetrokken op 25 maart 2026 door Sanne Jansen.');
    expect(
      within(screen.getByTestId('consents-waiting'))
        .getAllByTestId('give-consent')
        .map((el) => `${el.dataset.organisationId} ${el.dataset.purpose}`),
    ).toEqual([`${ORG_LOGO} care_team`, `${ORG_JEUGD} care_team`, `${ORG_LOGO} trajectory`]);
  });

  it('gives a waiting consent; from 12 years the child must agree too', async () => {
    const { requests } = consentsApi({ dateOfBirth: bornYearsAgo(13) });
    const user = userEvent.setup();
    renderChildScreen(PATH);

    const waiting = await screen.findByTestId('consents-waiting');
    const [careTeam] = within(waiting).getAllByTestId('give-consent');
    await user.click(within(careTeam!).getByRole('button', { name: /^Ja, ik geef toestemming/ }));
    expect(within(careTeam!).getByText('Zet een vinkje als Noor het ook goed vindt.')).toBeInTheDocument();
    expect(within(careTeam!).getByRole('checkbox', { name: 'Noor vindt het ook goed' })).toHaveFocus();
    expect(sent(requests, /\/consents$/, 'POST')).toHaveLength(0);

    await user.click(within(careTeam!).getByRole('checkbox', { name: 'Noor vindt het ook goed' }));
    await user.click(within(careTeam!).getByRole('button', { name: /^Ja, ik geef toestemming/ }));
    await waitFor(() =>
      expect(screen.getByTestId('consents-status')).toHaveTextContent('U gaf toestemming aan Jeugdhulp Gooi: Meedoen in het zorgteam.'),
    );
    const [post] = sent(requests, /\/consents$/, 'POST');
    expect(await post!.json()).toEqual({ organisationId: ORG_JEUGD, purpose: 'care_team', childAlsoConsents: true });
    // Given: no longer waiting, now in force.
    await waitFor(() =>
      expect(within(screen.getByTestId('consents-waiting')).getAllByTestId('give-consent')).toHaveLength(1),
    );
    expect(within(screen.getByTestId('consents-given')).getAllByTestId('consent-card')).toHaveLength(2);
  });

  it('gives a trajectory consent with its type for a younger child', async () => {
    const { requests } = consentsApi();
    const user = userEvent.setup();
    renderChildScreen(PATH);
    const waiting = await screen.findByTestId('consents-waiting');
    const help = within(waiting).getAllByTestId('give-consent')[1]!;
    expect(within(help).queryByRole('checkbox')).not.toBeInTheDocument();
    await user.click(within(help).getByRole('button', { name: /^Ja, ik geef toestemming/ }));
    await waitFor(() => expect(sent(requests, /\/consents$/, 'POST')).toHaveLength(1));
    expect(await sent(requests, /\/consents$/, 'POST')[0]!.json()).toEqual({
      organisationId: ORG_LOGO,
      purpose: 'trajectory',
      trajectoryType: 'logopedie',
      childAlsoConsents: false,
    });
  });

  it('says plainly why a guardian without parental authority cannot give consent', async () => {
    parentChildApi({ home: home([{ hasParentalAuthority: false }, {}]), child: () => childDetail({}, {}) });
    renderChildScreen(PATH);
    const note = await screen.findByTestId('no-authority');
    expect(note).toHaveTextContent('U kunt voor Noor geen toestemming geven of intrekken.');
    expect(note).toHaveTextContent('U heeft geen ouderlijk gezag over dit kind.');
    expect(screen.queryByTestId('consents-given')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('names the give and withdraw buttons naturally: the visible word, a colon, then which consent', async () => {
    consentsApi();
    renderChildScreen(PATH);

    const withdraw = within(await screen.findByTestId('consents-given')).getByRole('button', {
      name: 'Intrekken: Logopediepraktijk De Klank, Meedoen in het zorgteam',
    });
    // Only the visible word is in the button: nothing hidden after it (it read "Intrekken : …").
    expect(withdraw.textContent).toBe('Intrekken');
    const give = within(screen.getByTestId('consents-waiting')).getByRole('button', {
      name: 'Ja, ik geef toestemming: Jeugdhulp Gooi, Meedoen in het zorgteam',
    });
    expect(give.textContent).toBe('Ja, ik geef toestemming');
  });

  it('names the buttons to give a past consent again the same way', async () => {
    // A care-team consent withdrawn before: given again from "Eerder gegeven".
    const past = consent({ id: 'past-ct', organisationId: ORG_OLD, organisationName: 'Kinderfysio Oost', inForce: false, withdrawnAt: '2025-12-01T09:00:00+01:00' });
    consentsApi({ initial: [careTeamConsent, past] });
    const user = userEvent.setup();
    renderChildScreen(PATH);
    const again = within(await screen.findByTestId('consents-past')).getByRole('button', {
      name: 'Opnieuw toestemming geven: Kinderfysio Oost, Meedoen in het zorgteam',
    });
    expect(again.textContent).toBe('Opnieuw toestemming geven');
    await user.click(again);
    const giveAgain = within(screen.getByTestId('consents-past')).getByRole('button', {
      name: 'Ja, ik geef weer toestemming: Kinderfysio Oost, Meedoen in het zorgteam',
    });
    expect(giveAgain.textContent).toBe('Ja, ik geef weer toestemming');
  });

  describe('Meer delen?', () => {
    it('offers each organisation working with Noor to share goals with the daily team, and photos at school, in plain words', async () => {
      const { requests } = consentsApi({
        moreCareTeam: [
          // Left the care team, and help that ended: they no longer work with Noor.
          careMember({ id: 'ct-left', organisationId: ORG_OLD, organisationName: 'Kinderfysio Oost', untilDate: '2025-01-31' }),
        ],
        moreTrajectories: [
          trajectory({ id: 'tr-old', type: 'fysiotherapie', organisationId: ORG_OLD, organisationName: 'Kinderfysio Oost', status: 'closed' }),
          // A second trajectory of an organisation on the care team: one card for it.
          trajectory({ id: 'tr-2', type: 'jeugdhulp', organisationId: ORG_JEUGD, organisationName: 'Jeugdhulp Gooi', status: 'active' }),
        ],
      });
      renderChildScreen(PATH);

      const more = await screen.findByRole('region', { name: 'Meer delen?' });
      // After what is in force, before what no longer holds.
      expect(screen.getByTestId('consents-given').compareDocumentPosition(more) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(more.compareDocumentPosition(screen.getByTestId('consents-past')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(more).toHaveTextContent('Dit hoeft niet. U kiest zelf. U kunt het altijd weer intrekken.');

      const cards = within(more).getAllByTestId('share-offer');
      expect(cards.map((card) => within(card).getByRole('heading', { level: 3 }).textContent)).toEqual([
        'Logopediepraktijk De Klank',
        'Jeugdhulp Gooi',
      ]);
      const [logo] = cards;
      expect(within(logo!).getByTestId('give-consent')).toHaveAttribute('data-purpose', 'information_sharing');
      expect(logo).toHaveTextContent('Gegevens delen');
      expect(logo).toHaveTextContent('Mag Logopediepraktijk De Klank de doelen van Noor delen met de school en de opvang?');
      const explanation = within(logo!).getByTestId('consent-explanation');
      const rows = within(explanation).getAllByRole('definition').map((dd) => dd.textContent);
      expect(within(explanation).getAllByRole('term').map((dt) => dt.textContent)).toEqual([
        'Wie ziet wat?',
        'Wat gebeurt er?',
        'Wat zien zij niet?',
      ]);
      expect(rows).toEqual([
        'De juf of meester en de BSO of opvang van Noor zien de doelen die Logopediepraktijk De Klank met hen deelt. ' +
          'Met tips voor in de groep. Zij werken bij Basisschool De Regenboog en BSO De Boomhut.',
        'Zo kunnen zij Noor ook in de groep helpen.',
        'Zij zien nooit de notities van het zorgteam. Ook niet het dossier van Noor.',
      ]);
      expect(within(logo!).getByRole('button', { name: 'Ja, ik geef toestemming: Logopediepraktijk De Klank, Gegevens delen' })).toBeInTheDocument();

      const photosCard = within(more).getByTestId('photos-offer');
      expect(within(photosCard).getByRole('heading', { level: 3 })).toHaveTextContent("Foto's van Noor");
      expect(photosCard).toHaveTextContent('Basisschool De Regenboog');
      expect(photosCard).toHaveTextContent("Mag Basisschool De Regenboog foto's van Noor maken en laten zien?");
      expect(within(photosCard).getByTestId('consent-explanation')).toHaveTextContent(
        "Wie ziet wat?De kinderen, ouders en medewerkers van de groep zien de foto's." +
          "Wat gebeurt er?Basisschool De Regenboog maakt foto's van Noor. De foto's komen in de groep en in berichten aan ouders van de groep.",
      );
      // The photos consent withdrawn before is offered here, with its explanation: not twice.
      const pastPhotos = within(screen.getByTestId('consents-past')).getByTestId('past-consent');
      expect(pastPhotos).toHaveAttribute('data-consent-id', photos.id);
      expect(within(pastPhotos).queryByRole('button')).not.toBeInTheDocument();

      // Still one request for the whole screen.
      expect(sent(requests, /^\/children\//, 'GET')).toHaveLength(1);
    });

    it('gives consent to share goals with the daily team: for this child, this organisation; the card goes', async () => {
      const { requests } = consentsApi();
      const user = userEvent.setup();
      renderChildScreen(PATH);

      const more = await screen.findByTestId('consents-more');
      const jeugd = within(more).getAllByTestId('share-offer')[1]!;
      expect(jeugd).toHaveTextContent('Jeugdhulp Gooi');
      // A child under 12: nothing to tick.
      expect(within(jeugd).queryByRole('checkbox')).not.toBeInTheDocument();
      await user.click(within(jeugd).getByRole('button', { name: 'Ja, ik geef toestemming: Jeugdhulp Gooi, Gegevens delen' }));

      await waitFor(() =>
        expect(screen.getByTestId('consents-status')).toHaveTextContent('U gaf toestemming aan Jeugdhulp Gooi: Gegevens delen.'),
      );
      expect(screen.getByTestId('consents-status')).toHaveFocus();
      const posts = sent(requests, /\/consents$/, 'POST');
      expect(posts).toHaveLength(1);
      expect(new URL(posts[0]!.url).pathname).toBe(`/api/v1/children/${NOOR_ID}/consents`);
      expect(await posts[0]!.json()).toEqual({ organisationId: ORG_JEUGD, purpose: 'information_sharing', childAlsoConsents: false });

      // Asked again: Jeugdhulp Gooi's card is gone, Logopediepraktijk De Klank's stays; the consent holds.
      await waitFor(() =>
        expect(
          within(screen.getByTestId('consents-more'))
            .getAllByTestId('share-offer')
            .map((card) => within(card).getByTestId('give-consent').dataset.organisationId),
        ).toEqual([ORG_LOGO]),
      );
      const given = within(screen.getByTestId('consents-given'))
        .getAllByTestId('consent-card')
        .find((card) => card.textContent?.includes('Jeugdhulp Gooi'));
      expect(given).toHaveTextContent('Gegevens delen');
      expect(given).toHaveTextContent('Zij werken bij Basisschool De Regenboog en BSO De Boomhut.');
      expect(within(given!).getByRole('button', { name: 'Intrekken: Jeugdhulp Gooi, Gegevens delen' })).toBeInTheDocument();
    });

    it('offers no card to an organisation whose sharing consent holds, nor photos when that consent holds', async () => {
      const sharing = consent({ id: 'share-logo', organisationId: ORG_LOGO, purpose: 'information_sharing' });
      const photosNow = consent({ id: 'photos-now', organisationId: ORG_SCHOOL, organisationName: 'Basisschool De Regenboog', purpose: 'photos' });
      // Withdrawn: it no longer holds, so Jeugdhulp Gooi is offered it (here, not under "Eerder gegeven").
      const sharingBefore = consent({
        id: 'share-jeugd-old',
        organisationId: ORG_JEUGD,
        organisationName: 'Jeugdhulp Gooi',
        purpose: 'information_sharing',
        inForce: false,
        withdrawnAt: '2026-01-10T09:00:00+01:00',
      });
      consentsApi({ initial: [careTeamConsent, sharing, photosNow, sharingBefore] });
      renderChildScreen(PATH);

      const more = await screen.findByTestId('consents-more');
      expect(within(more).getAllByTestId('share-offer').map((card) => within(card).getByTestId('give-consent').dataset.organisationId)).toEqual([
        ORG_JEUGD,
      ]);
      expect(within(more).queryByTestId('photos-offer')).not.toBeInTheDocument();
      expect(within(screen.getByTestId('consents-past')).queryByRole('button')).not.toBeInTheDocument();
    });

    it('shows no section when all holds, and no photos card without a school', async () => {
      const all = [
        careTeamConsent,
        consent({ id: 's1', organisationId: ORG_LOGO, purpose: 'information_sharing' }),
        consent({ id: 's2', organisationId: ORG_JEUGD, organisationName: 'Jeugdhulp Gooi', purpose: 'information_sharing' }),
      ];
      consentsApi({ initial: all, placements: [PLACEMENTS[1]!] });
      renderChildScreen(PATH);
      await screen.findByTestId('consents-given');
      expect(screen.queryByTestId('consents-more')).not.toBeInTheDocument();
      expect(screen.queryByRole('heading', { name: 'Meer delen?' })).not.toBeInTheDocument();
    });

    it("gives photos at school; from 12 years the child must agree too", async () => {
      const { requests } = consentsApi({ dateOfBirth: bornYearsAgo(13) });
      const user = userEvent.setup();
      renderChildScreen(PATH);

      const card = await screen.findByTestId('photos-offer');
      const button = within(card).getByRole('button', { name: 'Ja, ik geef toestemming: Basisschool De Regenboog, Foto’s' });
      await user.click(button);
      expect(within(card).getByText('Zet een vinkje als Noor het ook goed vindt.')).toBeInTheDocument();
      expect(sent(requests, /\/consents$/, 'POST')).toHaveLength(0);
      await user.click(within(card).getByRole('checkbox', { name: 'Noor vindt het ook goed' }));
      await user.click(button);

      await waitFor(() =>
        expect(screen.getByTestId('consents-status')).toHaveTextContent('U gaf toestemming aan Basisschool De Regenboog: Foto’s.'),
      );
      const [post] = sent(requests, /\/consents$/, 'POST');
      expect(new URL(post!.url).pathname).toBe(`/api/v1/children/${NOOR_ID}/consents`);
      expect(await post!.json()).toEqual({ organisationId: ORG_SCHOOL, purpose: 'photos', childAlsoConsents: true });
      await waitFor(() => expect(screen.queryByTestId('photos-offer')).not.toBeInTheDocument());
      expect(within(screen.getByTestId('consents-given')).getAllByTestId('consent-card').map((c) => c.dataset.consentId)).toContain('new-2');
    });

    it('offers nothing to a guardian without parental authority', async () => {
      const { requests } = parentChildApi({
        home: home([{ hasParentalAuthority: false }, {}]),
        // The server leaves out the care data; the placements it sends.
        child: () => childDetail({}, { placements: PLACEMENTS }),
      });
      renderChildScreen(PATH);
      await screen.findByTestId('no-authority');
      expect(screen.queryByTestId('consents-more')).not.toBeInTheDocument();
      expect(screen.queryByText("Foto's van Noor")).not.toBeInTheDocument();
      expect(screen.queryByRole('button')).not.toBeInTheDocument();
      expect(sent(requests, /\/consents$/, 'POST')).toHaveLength(0);
    });
  });
});
