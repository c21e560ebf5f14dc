import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import {
  apiClient,
  apiClientsApi,
  CLIENT_ID,
  day,
  membership,
  NEW_CLIENT_ID,
  NEW_SECRET,
  ORG_CHILDCARE,
  ORG_ELSEWHERE,
  ORG_SCHOOL,
  ORG_SPORT,
  REVOKED_ID,
  ROTATED_SECRET,
  sent,
  subscription,
} from '@/features/api-clients/testing/fixtures';
import { renderRoutes, setupApi, testMe } from '@/test/utils';

/* "Koppelingen" (issue 12) through the real routes: who gets it, the list, and each action. */

const PATH = '/koppelingen';

function renderScreen() {
  return renderRoutes({ routes: appRoutes, path: PATH, store: setupApi() });
}

/** The card of a client, found by its name (the card's accessible name is its heading). */
async function card(name: string) {
  return screen.findByRole('listitem', { name });
}

describe('Koppelingen', () => {
  it('lists an organisation admin’s clients: scopes in plain words, last use, today’s calls and errors; revoked ones greyed at the bottom', async () => {
    const { requests } = apiClientsApi();
    renderScreen();

    expect(await screen.findByRole('heading', { level: 1, name: 'Koppelingen' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Koppelingen – KindCentraal'));
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getByRole('link', { name: 'Koppelingen' })).toHaveAttribute('href', PATH);
    expect(await screen.findByRole('heading', { level: 2, name: 'Koppelingen van Kinderopvang De Regenboog' })).toBeInTheDocument();

    const live = await card('Planning Konnect');
    expect(within(live).getByText(CLIENT_ID)).toBeInTheDocument();
    expect(within(live).getByText('Kinderen bekijken')).toBeInTheDocument();
    expect(within(live).getByText('Plaatsingen beheren')).toBeInTheDocument();
    expect(live).toHaveTextContent('30 november 2026 om 14:05');
    expect(within(live).getByTestId('api-client-calls-today')).toHaveTextContent('1.234');
    expect(within(live).getByTestId('api-client-errors-today')).toHaveTextContent('3');
    expect(live).toHaveTextContent('begint met kcs_abcd');
    // One organisation: nothing to choose; an org admin's organisations come from /me alone.
    expect(screen.queryByLabelText('Organisatie')).not.toBeInTheDocument();
    expect(sent(requests, 'GET', /^\/organisations$/)).toHaveLength(0);

    const revokedList = screen.getByTestId('api-client-revoked-list');
    const revoked = within(revokedList).getByRole('listitem', { name: 'Oude facturatie' });
    expect(revoked).toHaveAttribute('data-revoked', 'true');
    expect(revoked).toHaveClass('kc-api-client--revoked');
    expect(revoked).toHaveTextContent('Ingetrokken op 20 november 2026');
    expect(within(revoked).queryByRole('button', { name: /intrekken|wijzigen|Nieuw geheim/i })).not.toBeInTheDocument();
    // Revoked clients come after the live list and the form.
    const form = screen.getByTestId('new-api-client-form');
    expect(form.compareDocumentPosition(revokedList) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(screen.getByTestId('api-client-list')).queryByText('Oude facturatie')).not.toBeInTheDocument();
    expect(sent(requests, 'GET', new RegExp(REVOKED_ID))).toHaveLength(0);
  });

  it('creates a client, shows its secret once, and forgets it when the dialog closes', async () => {
    const { requests } = apiClientsApi();
    const user = userEvent.setup();
    const { queryClient } = renderScreen();
    const form = await screen.findByTestId('new-api-client-form');

    await user.type(within(form).getByLabelText('Naam'), '  Facturatie Flexkids ');
    await user.click(within(form).getByRole('checkbox', { name: 'Aanwezigheid bijhouden' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Kinderen bekijken' }));
    await user.click(within(form).getByRole('button', { name: 'Koppeling aanmaken' }));

    const dialog = await screen.findByRole('dialog', { name: 'Koppeling aangemaakt: Facturatie Flexkids' });
    const [post] = sent(requests, 'POST', /\/api-clients$/);
    // The scopes in the order of the list, the name without the spaces around it.
    expect(await post!.json()).toEqual({ name: 'Facturatie Flexkids', scopes: ['children:read', 'attendance:write'] });
    expect(dialog).toHaveTextContent('U ziet het hierna nooit meer');
    const id = within(dialog).getByLabelText('Client-ID');
    const secret = within(dialog).getByLabelText('Geheim (client secret)');
    expect(id).toHaveValue(NEW_CLIENT_ID);
    expect(secret).toHaveValue(NEW_SECRET);
    expect(secret).toHaveAttribute('readonly');
    expect(secret).toHaveAttribute('autocomplete', 'off');
    expect(within(dialog).getByRole('heading', { level: 2 })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Geheim kopiëren' }));
    expect(await within(dialog).findByText('Gekopieerd.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(NEW_SECRET);

    // Nothing keeps the secret but the dialog: not the list's cache (fetched again instead).
    expect(JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.state.data))).not.toContain(NEW_SECRET);

    await user.click(within(dialog).getByRole('button', { name: 'Ik heb het geheim bewaard' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(NEW_SECRET)).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(NEW_SECRET);
    expect(screen.getByTestId('api-clients-message')).toHaveTextContent('De koppeling Facturatie Flexkids is aangemaakt.');
    expect(screen.getByTestId('api-clients-message')).toHaveFocus();
    // Gone from memory too: the mutation with the answer is dropped from TanStack Query's cache.
    await waitFor(() =>
      expect(JSON.stringify(queryClient.getMutationCache().getAll().map((m) => m.state.data))).not.toContain(NEW_SECRET),
    );
    expect(JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.state.data))).not.toContain(NEW_SECRET);

    // The list shows the new client, and the form is empty again.
    expect(await card('Facturatie Flexkids')).toHaveTextContent('Nog niet gebruikt');
    expect(within(form).getByLabelText('Naam')).toHaveValue('');
    expect(within(form).getByRole('checkbox', { name: 'Kinderen bekijken' })).not.toBeChecked();
  });

  it('asks for a name and at least one scope before it sends anything', async () => {
    const { requests } = apiClientsApi();
    const user = userEvent.setup();
    renderScreen();
    const form = await screen.findByTestId('new-api-client-form');

    await user.click(within(form).getByRole('button', { name: 'Koppeling aanmaken' }));
    expect(within(form).getByText('Vul een naam in.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Naam')).toHaveFocus();

    await user.type(within(form).getByLabelText('Naam'), 'Planning');
    await user.click(within(form).getByRole('button', { name: 'Koppeling aanmaken' }));
    expect(within(form).queryByText('Vul een naam in.')).not.toBeInTheDocument();
    expect(within(form).getByText('Kies ten minste één recht.')).toBeInTheDocument();
    expect(within(form).getByRole('checkbox', { name: 'Kinderen bekijken' })).toHaveFocus();
    expect(sent(requests, 'POST', /\/api-clients$/)).toHaveLength(0);

    await user.click(within(form).getByRole('checkbox', { name: 'Plaatsingen bekijken' }));
    expect(within(form).queryByText('Kies ten minste één recht.')).not.toBeInTheDocument();
  });

  it('revokes a client only after a question that says its tokens stop working at once', async () => {
    const { requests } = apiClientsApi();
    const user = userEvent.setup();
    renderScreen();
    const live = await card('Planning Konnect');

    await user.click(within(live).getByRole('button', { name: 'Planning Konnect intrekken' }));
    const question = within(live).getByTestId('revoke-api-client-confirm');
    expect(question).toHaveTextContent(
      'Koppeling Planning Konnect intrekken? De tokens en geheimen van het systeem werken dan meteen niet meer.',
    );
    await user.click(within(question).getByRole('button', { name: 'Nee, niet intrekken' }));
    expect(within(live).queryByTestId('revoke-api-client-confirm')).not.toBeInTheDocument();
    expect(within(live).getByRole('button', { name: 'Planning Konnect intrekken' })).toHaveFocus();
    expect(sent(requests, 'DELETE', /./)).toHaveLength(0);

    await user.click(within(live).getByRole('button', { name: 'Planning Konnect intrekken' }));
    await user.click(within(live).getByRole('button', { name: 'Ja, intrekken' }));
    await waitFor(() => expect(sent(requests, 'DELETE', new RegExp(`/organisations/${ORG_CHILDCARE}/api-clients/${CLIENT_ID}$`))).toHaveLength(1));
    expect(await screen.findByTestId('api-clients-message')).toHaveTextContent('De koppeling Planning Konnect is ingetrokken.');
    // Now among the revoked ones, greyed, with nothing left to do but look.
    const revokedList = await screen.findByTestId('api-client-revoked-list');
    expect(await within(revokedList).findByRole('listitem', { name: 'Planning Konnect' })).toHaveAttribute('data-revoked', 'true');
    expect(screen.getByText('Ingetrokken koppelingen')).toBeInTheDocument();
    expect(screen.getByText('Kinderopvang De Regenboog heeft nog geen koppelingen.')).toBeInTheDocument();
  });

  it('gives a client a new secret with an overlap, shown once the same way', async () => {
    const { requests } = apiClientsApi();
    const user = userEvent.setup();
    renderScreen();
    const live = await card('Planning Konnect');

    await user.click(within(live).getByRole('button', { name: 'Nieuw geheim voor Planning Konnect' }));
    const form = within(live).getByTestId('rotate-api-client-form');
    const overlap = within(form).getByLabelText('Hoe lang blijven de huidige geheimen werken? (uren)');
    expect(overlap).toHaveValue(24);
    await user.clear(overlap);
    await user.type(overlap, '200');
    await user.click(within(form).getByRole('button', { name: 'Nieuw geheim maken' }));
    expect(within(form).getByText('Vul een heel aantal uren in, van 0 tot en met 168.')).toBeInTheDocument();
    expect(sent(requests, 'POST', /secret-rotation$/)).toHaveLength(0);

    await user.clear(overlap);
    await user.type(overlap, '0');
    await user.click(within(form).getByRole('button', { name: 'Nieuw geheim maken' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nieuw geheim voor Planning Konnect' });
    expect(await sent(requests, 'POST', /secret-rotation$/)[0]!.json()).toEqual({ overlapHours: 0 });
    expect(within(dialog).getByLabelText('Geheim (client secret)')).toHaveValue(ROTATED_SECRET);
    expect(dialog).toHaveTextContent('De vorige geheimen werken niet meer.');
    expect(dialog).toHaveTextContent('U ziet het hierna nooit meer');

    await user.click(within(dialog).getByRole('button', { name: 'Ik heb het geheim bewaard' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(ROTATED_SECRET);
    expect(within(live).queryByTestId('rotate-api-client-form')).not.toBeInTheDocument();
    expect(within(live).getByRole('button', { name: 'Nieuw geheim voor Planning Konnect' })).toHaveFocus();
  });

  it('changes a client’s name and scopes', async () => {
    const { requests } = apiClientsApi();
    const user = userEvent.setup();
    renderScreen();
    const live = await card('Planning Konnect');

    await user.click(within(live).getByRole('button', { name: 'Planning Konnect wijzigen' }));
    const form = within(live).getByTestId('edit-api-client-form');
    expect(within(form).getByRole('checkbox', { name: 'Kinderen bekijken' })).toBeChecked();
    await user.click(within(form).getByRole('checkbox', { name: 'Kinderen bekijken' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Plaatsingen beheren' }));
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(within(form).getByText('Kies ten minste één recht.')).toBeInTheDocument();

    await user.click(within(form).getByRole('checkbox', { name: 'Ruimtes boeken' }));
    const name = within(form).getByLabelText('Naam');
    await user.clear(name);
    await user.type(name, 'Planning Konnect 2');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));

    expect(await screen.findByTestId('api-clients-message')).toHaveTextContent('De koppeling Planning Konnect 2 is gewijzigd.');
    expect(await sent(requests, 'PATCH', new RegExp(CLIENT_ID))[0]!.json()).toEqual({
      name: 'Planning Konnect 2',
      scopes: ['bookings:write'],
    });
    const changed = await card('Planning Konnect 2');
    expect(changed).toHaveTextContent('Ruimtes boeken');
    expect(changed).not.toHaveTextContent('Kinderen bekijken');
  });

  it('shows the usage of 14 days, the last errors and the webhooks, and sends a delivery again', async () => {
    const { requests } = apiClientsApi({
      subscriptions: [
        subscription(),
        subscription({
          id: 'd5d5d5d5-0000-4000-8000-000000000002',
          url: 'https://konnect.example/old',
          eventTypes: ['booking.changed'],
          enabled: false,
          disabledAt: '2026-11-25T10:00:00Z',
          disabledReason: 'gone',
        }),
      ],
    });
    const user = userEvent.setup();
    renderScreen();
    const live = await card('Planning Konnect');
    // The webhooks are asked for only when someone looks.
    expect(sent(requests, 'GET', /webhook/)).toHaveLength(0);

    await user.click(within(live).getByRole('button', { name: 'Gebruik en fouten bekijken' }));
    const usage = within(live).getByTestId('api-client-usage');
    const rows = within(usage).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(14);
    expect(rows[0]).toHaveTextContent('1.2343');
    expect(rows[1]).toHaveTextContent('00');
    expect(rows[2]).toHaveTextContent('800');
    const errors = within(live).getByTestId('api-client-errors');
    expect(within(errors).getAllByRole('row')[1]).toHaveTextContent('30 november 2026 om 14:00POST/placements/bulk400');

    const webhooks = await within(live).findByTestId('api-client-webhooks');
    const [on, off] = await within(webhooks).findAllByTestId('webhook-subscription');
    expect(on).toHaveTextContent('https://konnect.example/hooks/kindcentraal');
    expect(on).toHaveTextContent('Meldingen: Plaatsing gewijzigd, Aanwezigheid bijgewerkt');
    expect(within(on!).getByTestId('webhook-subscription-state')).toHaveTextContent('Status: Aan.');
    expect(within(off!).getByTestId('webhook-subscription-state')).toHaveTextContent(
      'Status: Uit sinds 25 november 2026 om 10:00. Het systeem antwoordde dat dit adres niet meer bestaat.',
    );
    expect(sent(requests, 'GET', /\/webhook-subscriptions$/).map((r) => new URL(r.url).searchParams.get('clientId'))).toEqual([
      CLIENT_ID,
    ]);

    await user.click(within(on!).getByRole('button', { name: 'Verzendingen bekijken' }));
    const [row] = await within(on!).findAllByTestId('webhook-delivery');
    expect(row).toHaveTextContent('Plaatsing gewijzigd');
    expect(row).toHaveTextContent('Mislukt');
    expect(row).toHaveTextContent('HTTP 503: Service Unavailable');
    await user.click(within(row!).getByRole('button', { name: 'Plaatsing gewijzigd van 29 november 2026 om 08:00 opnieuw versturen' }));
    expect(await within(on!).findByText('De melding wordt opnieuw verstuurd, met hetzelfde webhook-id.')).toBeInTheDocument();
    expect(sent(requests, 'POST', /^\/webhook-deliveries\/[\w-]+\/replay$/)).toHaveLength(1);
    // A switched-off subscription offers no replay (the API would refuse it: 409).
    await user.click(within(off!).getByRole('button', { name: 'Verzendingen bekijken' }));
    await within(off!).findAllByTestId('webhook-delivery');
    expect(within(off!).queryByRole('button', { name: /opnieuw versturen/ })).not.toBeInTheDocument();
  });

  it('lets a centre administrator choose among the organisations of their centre', async () => {
    const { requests } = apiClientsApi({
      me: testMe([membership.centreAdmin]),
      clients: { [ORG_SCHOOL]: [], [ORG_SPORT]: [apiClient({ organisationId: ORG_SPORT, name: 'Ledenadministratie' })] },
    });
    const user = userEvent.setup();
    renderScreen();

    const select = await screen.findByLabelText('Organisatie');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Basisschool De Regenboog',
      'Kinderopvang De Regenboog',
      'Sportvereniging Huizen',
    ]);
    expect(await screen.findByText('Basisschool De Regenboog heeft nog geen koppelingen.')).toBeInTheDocument();
    await user.selectOptions(select, ORG_SPORT);
    expect(await card('Ledenadministratie')).toBeInTheDocument();
    expect(sent(requests, 'GET', new RegExp(ORG_ELSEWHERE))).toHaveLength(0);
  });

  it('gives anyone else no screen and no menu entry, and asks the API for no clients', async () => {
    const { requests } = apiClientsApi({ me: testMe([membership.staff]) });
    renderScreen();
    expect(await screen.findByTestId('api-clients-not-admin')).toHaveTextContent(
      'Deze pagina is voor beheerders van een organisatie of een kindcentrum.',
    );
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).queryByRole('link', { name: 'Koppelingen' })).not.toBeInTheDocument();
    expect(sent(requests, 'GET', /api-clients|^\/organisations$/)).toHaveLength(0);
  });

  it('shows the calls of today as zero when the client made none yet today', async () => {
    apiClientsApi({ clients: { [ORG_CHILDCARE]: [apiClient({ usage: [{ day: day(1), calls: 9, errors: 9 }] })] } });
    renderScreen();
    const live = await card('Planning Konnect');
    expect(within(live).getByTestId('api-client-calls-today')).toHaveTextContent('0');
    expect(within(live).getByTestId('api-client-errors-today')).toHaveTextContent('0');
  });
});
