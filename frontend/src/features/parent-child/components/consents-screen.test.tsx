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
import type { ConsentRead } from '@/features/parent-child/types';
import { json, problem } from '@/test/utils';

const PATH = `/ouder/kinderen/${NOOR_ID}/toestemming`;

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
}: { initial?: ConsentRead[]; dateOfBirth?: string; withCare?: boolean } = {}) {
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
              ],
              consents,
              trajectories: [
                trajectory({ id: 'tr-1', type: 'logopedie', organisationId: ORG_LOGO, organisationName: 'Logopediepraktijk De Klank', consentNeeded: true }),
              ],
            }
          : {},
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
          organisationName: body.organisationId === ORG_JEUGD ? 'Jeugdhulp Gooi' : 'Logopediepraktijk De Klank',
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
    expect(new URL(reads[0]!.url).searchParams.get('expand')).toBe('careTeam,consents,trajectories');
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
});
