import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import ParentSupportRequestRoute from '@/app/routes/parent-support-request';
import type { ParentContactPerson } from '@/features/parent/types';
import {
  careMember,
  childDetail,
  dailyTeam,
  home,
  NOOR_ID,
  parentChildApi,
  plan,
  SAM_ID,
  sent,
} from '@/features/parent-child/testing/fixtures';
import { childRoutes } from '@/features/parent-child/testing/render';
import { characterCount, SUPPORT_REQUEST_MAX } from '@/features/parent-child/components/support-request-form';
import { invalid, json, problem, renderRoutes, setupApi, type WriteAnswer } from '@/test/utils';

const path = (childId: string) => `/ouder/kinderen/${childId}/hulp-vragen`;

const lotte: ParentContactPerson = {
  userId: 'u-lotte',
  displayName: 'Lotte Leerkracht',
  email: 'lotte@regenboog.demo',
  phone: '06 1234 5678',
};

/** Noor has Lotte as contact person; Sam has none yet. */
const family = (noor: { hasParentalAuthority?: boolean } = {}) =>
  home([{ contactPerson: lotte, ...noor }, { contactPerson: null }]);

/** A support request is answered as the API does: 201 with the signal it became. */
const accept: WriteAnswer = async (request) => {
  const match = /\/children\/([\w-]+)\/support-requests$/.exec(new URL(request.url).pathname);
  if (!match) return undefined;
  const body = (await request.json()) as { description: string };
  return json(
    {
      id: 'sig-1',
      childId: match[1],
      childName: 'Noor Jansen',
      category: 'other',
      description: body.description,
      fromGuardians: true,
      status: 'open',
      createdAt: '2026-03-25T10:00:00+01:00',
    },
    { status: 201 },
  );
};

function renderScreen(at: string) {
  return renderRoutes({
    routes: [{ path: '/ouder/kinderen/:childId/hulp-vragen', Component: ParentSupportRequestRoute }, ...childRoutes],
    path: at,
    store: setupApi(),
  });
}

const field = () => screen.getByRole('textbox', { name: 'Waar wilt u hulp bij?' });
const sendButton = () => screen.getByRole('button', { name: 'Vraag versturen' });

describe('Hulp vragen', () => {
  it('names the child, says what happens, and sends the question to that child', async () => {
    const { requests } = parentChildApi({ home: family(), write: accept });
    const user = userEvent.setup();
    renderScreen(path(NOOR_ID));

    expect(await screen.findByRole('heading', { level: 1, name: 'Hulp vragen voor Noor' })).toBeInTheDocument();
    const next = screen.getByTestId('support-request-next');
    expect(next).toHaveTextContent('Lotte Leerkracht leest uw vraag. Lotte Leerkracht is de contactpersoon van Noor.');
    expect(next).toHaveTextContent('Lotte Leerkracht neemt contact met u op. Samen bespreekt u wat Noor nodig heeft.');
    expect(next).toHaveTextContent('U heeft geen verwijzing nodig, bijvoorbeeld van de huisarts.');
    const call = screen.getByTestId('support-request-call');
    expect(call).toHaveTextContent('Liever bellen? Dat kan ook.');
    expect(within(call).getByRole('link', { name: /Bel Lotte Leerkracht/ })).toHaveAttribute('href', 'tel:0612345678');
    expect(screen.getByTestId('support-request-count')).toHaveTextContent('0 van 2.000 tekens');

    await user.type(field(), '  Noor praat weinig en is vaak boos.  ');
    expect(screen.getByTestId('support-request-count')).toHaveTextContent('34 van 2.000 tekens');
    await user.click(sendButton());

    const done = await screen.findByTestId('support-request-done');
    await waitFor(() => expect(within(done).getByRole('heading', { level: 2, name: 'Bedankt voor uw vraag' })).toHaveFocus());
    expect(done).toHaveTextContent('Verstuurd. Lotte Leerkracht neemt contact met u op.');
    expect(within(done).getByRole('link', { name: 'Terug naar Noor' })).toHaveAttribute('href', `/ouder/kinderen/${NOOR_ID}`);

    const posts = sent(requests, /support-requests$/, 'POST');
    expect(posts).toHaveLength(1);
    expect(new URL(posts[0]!.url).pathname).toBe(`/api/v1/children/${NOOR_ID}/support-requests`);
    expect(await posts[0]!.json()).toEqual({ description: 'Noor praat weinig en is vaak boos.', category: 'other' });
    // The screen needs nothing of the child's file: no read of it (and no access-log event).
    expect(sent(requests, /^\/children\//, 'GET')).toHaveLength(0);

    // Another question starts with an empty field.
    await user.click(within(done).getByRole('button', { name: 'Nog een vraag stellen' }));
    expect(field()).toHaveValue('');
  });

  it("asks for the other child on that child's address, also without a contact person", async () => {
    const { requests } = parentChildApi({ home: family(), write: accept });
    const user = userEvent.setup();
    renderScreen(path(SAM_ID));

    expect(await screen.findByRole('heading', { level: 1, name: 'Hulp vragen voor Sam' })).toBeInTheDocument();
    expect(screen.getByTestId('support-request-next')).toHaveTextContent('De contactpersoon van Sam leest uw vraag.');
    expect(screen.getByTestId('support-request-call')).toHaveTextContent(
      'Liever praten? Bel dan gewoon de school of de opvang.',
    );
    expect(screen.queryByText(/Lotte/)).not.toBeInTheDocument();

    await user.type(field(), 'Sam slaapt slecht.');
    await user.click(sendButton());

    expect(await screen.findByTestId('support-request-done')).toHaveTextContent(
      'Verstuurd. De contactpersoon van Sam neemt contact met u op.',
    );
    const posts = sent(requests, /support-requests$/, 'POST');
    expect(posts.map((r) => new URL(r.url).pathname)).toEqual([`/api/v1/children/${SAM_ID}/support-requests`]);
  });

  it('checks the question at the field first: empty, only spaces, or longer than the API takes', async () => {
    const { requests } = parentChildApi({ home: family(), write: accept });
    const user = userEvent.setup();
    renderScreen(path(NOOR_ID));
    await screen.findByRole('heading', { level: 1, name: 'Hulp vragen voor Noor' });

    await user.click(sendButton());
    expect(field()).toHaveAttribute('aria-invalid', 'true');
    expect(field()).toHaveAccessibleDescription(expect.stringContaining('Schrijf eerst uw vraag.'));
    expect(field()).toHaveFocus();

    await user.type(field(), '   ');
    await user.click(sendButton());
    expect(field()).toHaveAccessibleDescription(expect.stringContaining('Schrijf eerst uw vraag.'));

    // Pasted text is not cut off silently: it is counted, and said to be too long.
    await user.clear(field());
    await user.click(field());
    await user.paste('a'.repeat(SUPPORT_REQUEST_MAX + 1));
    expect(field()).toHaveValue('a'.repeat(SUPPORT_REQUEST_MAX + 1));
    expect(screen.getByTestId('support-request-count')).toHaveTextContent('Te lang: 2.001 van 2.000 tekens');
    await user.click(sendButton());
    expect(field()).toHaveAccessibleDescription(
      expect.stringContaining('Uw vraag is te lang. Schrijf hoogstens 2.000 tekens.'),
    );
    await waitFor(() => expect(field()).toHaveFocus());
    expect(sent(requests, /support-requests$/, 'POST')).toHaveLength(0);

    // Exactly the limit goes.
    await user.type(field(), '{Backspace}');
    await user.click(sendButton());
    await screen.findByTestId('support-request-done');
    const [post] = sent(requests, /support-requests$/, 'POST');
    expect(((await post!.json()) as { description: string }).description).toHaveLength(SUPPORT_REQUEST_MAX);
  });

  it('counts characters as the API does: an emoji is one', () => {
    expect(characterCount('Noor 😊')).toBe(6);
    expect('Noor 😊'.length).toBe(7);
  });

  it("shows the server's 400 about the question at the field, other refusals above the button", async () => {
    let answer: () => Response = () => invalid('#/description', 'string_too_long');
    const { requests } = parentChildApi({ home: family(), write: () => answer() });
    const user = userEvent.setup();
    renderScreen(path(NOOR_ID));
    await screen.findByRole('heading', { level: 1, name: 'Hulp vragen voor Noor' });

    await user.type(field(), 'Noor praat weinig.');
    await user.click(sendButton());
    await waitFor(() => expect(field()).toHaveAttribute('aria-invalid', 'true'));
    expect(field()).toHaveAccessibleDescription(
      expect.stringContaining('Uw vraag is te lang. Schrijf hoogstens 2.000 tekens.'),
    );
    await waitFor(() => expect(field()).toHaveFocus());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByTestId('support-request-done')).not.toBeInTheDocument();
    // What was typed stays, to change it.
    expect(field()).toHaveValue('Noor praat weinig.');

    answer = () => invalid('#/description', 'string_pattern_mismatch');
    await user.click(sendButton());
    await waitFor(() =>
      expect(field()).toHaveAccessibleDescription(
        expect.stringContaining('Deze vraag kunnen wij zo niet versturen. Pas uw vraag aan en probeer het opnieuw.'),
      ),
    );

    // A refusal that is not about the question: said above the button, the field is fine.
    answer = () => problem(403, 'A parent or guardian with parental authority asks for support.');
    await user.click(sendButton());
    expect(await screen.findByText('U kunt geen hulp vragen voor Noor. Heeft u vragen? Bel de contactpersoon.')).toBeInTheDocument();
    expect(field()).not.toHaveAttribute('aria-invalid', 'true');
    expect(sent(requests, /support-requests$/, 'POST')).toHaveLength(3);
  });

  it('tells a guardian without parental authority plainly why there is no form', async () => {
    const { requests } = parentChildApi({ home: family({ hasParentalAuthority: false }) });
    renderScreen(path(NOOR_ID));

    const note = await screen.findByTestId('no-authority');
    expect(note).toHaveTextContent('Waarom ziet u dit niet?');
    expect(note).toHaveTextContent('U kunt voor Noor geen hulp vragen in de app.');
    expect(note).toHaveTextContent('U heeft geen ouderlijk gezag over dit kind.');
    expect(note).toHaveTextContent('Heeft u vragen? Bel of mail de contactpersoon of een ouder met gezag.');
    expect(screen.getByRole('heading', { level: 1, name: 'Hulp vragen voor Noor' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Vraag versturen' })).not.toBeInTheDocument();
    expect(sent(requests, /support-requests$/, 'POST')).toHaveLength(0);
  });

  it("says so for a child that is not one of the parent's", async () => {
    parentChildApi({ home: family() });
    renderScreen(path('20000000-0000-4000-8000-000000000099'));
    expect(await screen.findByText('Dit kind kunnen we niet vinden. Kies uw kind op het overzicht.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});

describe('Mijn kind: the way to Hulp vragen', () => {
  it('is there for a guardian with parental authority, and leads to the screen', async () => {
    parentChildApi({
      home: family(),
      child: () =>
        childDetail({}, { contactPerson: null, dailyTeam, careTeam: [careMember()], trajectories: [], plan: plan({ childId: NOOR_ID, view: 'guardian' }) }),
    });
    const user = userEvent.setup();
    renderScreen(`/ouder/kinderen/${NOOR_ID}`);

    const links = await screen.findByRole('navigation', { name: 'Meer over Noor' });
    const link = within(links).getByRole('link', { name: 'Hulp vragen voor Noor' });
    expect(link).toHaveAttribute('href', path(NOOR_ID));
    expect(link).toHaveAccessibleDescription('Maakt u zich zorgen? Vraag de contactpersoon om hulp.');

    await user.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'Hulp vragen voor Noor' })).toBeInTheDocument();
    expect(field()).toBeInTheDocument();
  });

  it('is left out for a guardian without parental authority', async () => {
    parentChildApi({
      home: family({ hasParentalAuthority: false }),
      child: () => childDetail({}, { contactPerson: null, dailyTeam, enrolments: [] }),
    });
    renderScreen(`/ouder/kinderen/${NOOR_ID}`);

    const links = await screen.findByRole('navigation', { name: 'Meer over Noor' });
    expect(within(links).getByRole('link', { name: 'Activiteiten' })).toBeInTheDocument();
    expect(within(links).queryByRole('link', { name: /Hulp vragen/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Hulp vragen/ })).not.toBeInTheDocument();
  });
});
