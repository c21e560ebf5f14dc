import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AccessLog } from '@/features/access-log/components/access-log';
import { changeLanguage } from '@/lib/i18n';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const CHILD_ID = '00000000-0000-4000-8000-000000000001';
const local = (h: number, m: number) => new Date(2026, 2, 3, h, m).toISOString();

const entry = (n: number, overrides: Record<string, unknown> = {}) => ({
  id: `e${n}`,
  occurredAt: local(14, 5),
  actorName: 'Anna Jansen',
  organisationName: 'Basisschool De Regenboog',
  role: 'staff',
  resource: 'child',
  action: 'read',
  parts: [],
  result: 'allowed',
  ...overrides,
});

const PAGE_PARTS = ['child', 'guardians', 'placements', 'contact-person', 'care-team', 'consents'];

/** The log loads only when opened: one click on "Bekijk wie het dossier heeft ingezien". */
async function openLog(user = userEvent.setup()) {
  await user.click(screen.getByRole('button', { name: 'Bekijk wie het dossier heeft ingezien' }));
  return user;
}

function logApi(pages: Record<string, { items: unknown[]; nextCursor: string | null }>) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (!url.pathname.endsWith(`/children/${CHILD_ID}/access-log`)) return problem(404, 'No');
    return json(pages[url.searchParams.get('cursor') ?? ''] ?? { items: [], nextCursor: null });
  });
}

describe('AccessLog', () => {
  it('names an organisation’s connected system (role api_client) plainly, and an unknown role as no role', async () => {
    logApi({
      '': {
        items: [
          entry(1, { actorName: 'Kinderopvang De Regenboog (koppeling)', organisationName: 'Kinderopvang De Regenboog', role: 'api_client' }),
          entry(2, { occurredAt: local(9, 0), actorName: 'Robot', organisationName: 'Sportclub', role: 'some_future_role' }),
        ],
        nextCursor: null,
      },
    });
    renderWithProviders(<AccessLog childId={CHILD_ID} />, setupApi());
    await openLog();
    const items = within(await screen.findByRole('list', { name: /nieuwste eerst/ })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'Kinderopvang De Regenboog (koppeling) (gekoppeld systeem van de organisatie) bekeek de gegevens van het kind',
    );
    expect(items[1]).toHaveTextContent('Robot (Sportclub) bekeek de gegevens van het kind');
    expect(items[1]).not.toHaveTextContent('some_future_role');
  });

  it('loads nothing until it is opened, and closes again', async () => {
    const { requests } = logApi({ '': { items: [entry(1)], nextCursor: null } });
    renderWithProviders(<AccessLog childId={CHILD_ID} />, setupApi());

    expect(screen.getByRole('heading', { level: 2, name: 'Wie heeft het dossier bekeken' })).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Bekijk wie het dossier heeft ingezien' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(requests).toHaveLength(0);

    const user = await openLog();
    expect(await screen.findByRole('list', { name: /nieuwste eerst/ })).toBeInTheDocument();
    expect(requests).toHaveLength(1);
    const close = screen.getByRole('button', { name: 'Verberg wie het dossier heeft ingezien' });
    expect(close).toHaveAttribute('aria-expanded', 'true');

    await user.click(close);
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bekijk wie het dossier heeft ingezien' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });

  it('shows who did what, when, in plain words, newest first', async () => {
    logApi({
      '': {
        items: [
          entry(1),
          entry(2, { occurredAt: local(9, 30), actorName: 'Piet de Logopedist', organisationName: 'Logopediepraktijk De Klank', role: 'care_professional', resource: 'consents', action: 'list' }),
          entry(3, { occurredAt: local(8, 0), actorName: 'Sanne de Vries', organisationName: null, role: 'guardian', resource: 'care-team', action: 'update' }),
          entry(4, { occurredAt: local(7, 0), actorName: 'Kees Bakker', organisationName: null, role: null, resource: 'bsn', action: 'read', result: 'denied' }),
          entry(5, { occurredAt: local(6, 0), resource: 'something-new', action: 'export' }),
          entry(6, { occurredAt: local(5, 0), actorName: 'Sanne de Vries', organisationName: null, role: 'guardian', resource: 'consents', action: 'update' }),
        ],
        nextCursor: null,
      },
    });
    renderWithProviders(<AccessLog childId={CHILD_ID} />, setupApi());
    await openLog();

    const list = await screen.findByRole('list', { name: /nieuwste eerst/ });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(6);
    expect(items[0]).toHaveTextContent('3 maart 2026 om 14:05');
    expect(items[0]).toHaveTextContent(
      'Anna Jansen (Basisschool De Regenboog, medewerker) bekeek de gegevens van het kind',
    );
    expect(within(items[0]!).getByText('3 maart 2026 om 14:05')).toHaveAttribute('datetime', local(14, 5));
    expect(items[1]).toHaveTextContent(
      'Piet de Logopedist (Logopediepraktijk De Klank, zorgprofessional) bekeek de toestemmingen',
    );
    expect(items[2]).toHaveTextContent('Sanne de Vries (ouder of verzorger) wijzigde het zorgteam');
    expect(items[3]).toHaveTextContent(
      'Kees Bakker wilde het burgerservicenummer (BSN) bekijken, maar dat mocht niet',
    );
    expect(items[4]).toHaveTextContent('deed iets met andere gegevens van het kind');
    expect(items[5]).toHaveTextContent('Sanne de Vries (ouder of verzorger) trok een toestemming in');
    expect(screen.queryByRole('button', { name: 'Meer laden' })).not.toBeInTheDocument();
  });

  it('says "andere gegevens" for a part the staff log has no words for, known to the parent app or not', async () => {
    logApi({
      '': {
        items: [
          entry(1, { resource: 'daily-team', action: 'update' }),
          entry(2, { occurredAt: local(9, 0), resource: 'data-export', action: 'create' }),
          entry(3, { occurredAt: local(8, 0), resource: 'care-team', action: 'update' }),
        ],
        nextCursor: null,
      },
    });
    renderWithProviders(<AccessLog childId={CHILD_ID} />, setupApi());
    await openLog();

    const items = within(await screen.findByRole('list', { name: /nieuwste eerst/ })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('wijzigde andere gegevens van het kind');
    expect(items[1]).toHaveTextContent('voegde iets toe aan andere gegevens van het kind');
    expect(items[2]).toHaveTextContent('wijzigde het zorgteam');
  });

  it('names the support a child gets: the section as one visit, signals and requests', async () => {
    logApi({
      '': {
        items: [
          entry(1, { resource: 'child', action: 'read', parts: ['child', 'plan', 'trajectory', 'signal'] }),
          entry(2, { occurredAt: local(11, 0), actorName: 'Ingrid Bakker', resource: 'signal', action: 'create' }),
          entry(3, { occurredAt: local(9, 0), actorName: 'Sanne de Vries', organisationName: null, role: 'guardian', resource: 'support-request', action: 'create' }),
          entry(4, { occurredAt: local(8, 0), actorName: 'Piet de Logopedist', resource: 'trajectory-note', action: 'list' }),
        ],
        nextCursor: null,
      },
    });
    renderWithProviders(<AccessLog childId={CHILD_ID} />, setupApi());
    await openLog();

    const items = within(await screen.findByRole('list', { name: /nieuwste eerst/ })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('bekeek het dossier (gegevens, ondersteuningsplan, trajecten, signalen)');
    expect(items[1]).toHaveTextContent('Ingrid Bakker (Basisschool De Regenboog, medewerker) meldde een signaal over het kind');
    expect(items[2]).toHaveTextContent('Sanne de Vries (ouder of verzorger) vroeg om ondersteuning voor het kind');
    expect(items[3]).toHaveTextContent('bekeek de notities van een traject');
  });

  it('loads older entries with nextCursor', async () => {
    const { requests } = logApi({
      '': { items: [entry(1)], nextCursor: 'page-2' },
      'page-2': { items: [entry(2, { actorName: 'Juf Fatima', resource: 'placements', action: 'create' })], nextCursor: null },
    });
    renderWithProviders(<AccessLog childId={CHILD_ID} />, setupApi());
    const user = await openLog();

    await user.click(await screen.findByRole('button', { name: 'Meer laden' }));

    expect(await screen.findByText(/voegde iets toe aan de plaatsingen/)).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(new URL(requests[1]!.url).searchParams.get('cursor')).toBe('page-2');
    expect(new URL(requests[0]!.url).searchParams.has('cursor')).toBe(false);
    expect(screen.queryByRole('button', { name: 'Meer laden' })).not.toBeInTheDocument();
  });

  it('speaks English too', async () => {
    await changeLanguage('en');
    logApi({
      '': {
        items: [
          entry(1, { resource: 'placements', action: 'update' }),
          entry(2, { occurredAt: local(14, 0), parts: PAGE_PARTS }),
          entry(3, { occurredAt: local(13, 52), resource: 'bsn' }),
        ],
        nextCursor: null,
      },
    });
    renderWithProviders(<AccessLog childId={CHILD_ID} />, setupApi());
    await userEvent.setup().click(screen.getByRole('button', { name: 'See who has viewed the file' }));
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('3 March 2026 at 14:05');
    expect(items[0]).toHaveTextContent('Anna Jansen (Basisschool De Regenboog, staff member) changed the placements');
    expect(items[1]).toHaveTextContent('3 March 2026 at 13:52 to 14:00');
    expect(items[1]).toHaveTextContent(
      'Anna Jansen (Basisschool De Regenboog, staff member) viewed the file (details, parents/guardians, placements, contact person, care team, consents, BSN)',
    );
  });

  it('puts one person’s reads within 10 minutes on one line, with what they read and when', async () => {
    logApi({
      '': {
        items: [
          entry(1, { occurredAt: local(14, 12), actorName: 'Olga de Ouder', organisationName: null, role: 'guardian', resource: 'access-log', action: 'list' }),
          entry(2, { occurredAt: local(14, 5), actorName: 'Olga de Ouder', organisationName: null, role: 'guardian', parts: PAGE_PARTS }),
          entry(3, { occurredAt: local(14, 0), actorName: 'Olga de Ouder', organisationName: null, role: 'guardian', resource: 'consents', action: 'update' }),
          entry(4, { occurredAt: local(13, 58), parts: ['child', 'placements'] }),
          entry(5, { occurredAt: local(13, 50), resource: 'guardians', action: 'list' }),
          entry(6, { occurredAt: local(13, 49), resource: 'bsn', result: 'denied' }),
          entry(7, { occurredAt: local(13, 30) }),
        ],
        nextCursor: null,
      },
    });
    renderWithProviders(<AccessLog childId={CHILD_ID} />, setupApi());
    await openLog();

    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(5);
    expect(items[0]).toHaveTextContent('3 maart 2026 om 14:05 tot 14:12');
    expect(items[0]).toHaveTextContent(
      'Olga de Ouder (ouder of verzorger) bekeek het dossier (gegevens, ouders/verzorgers, plaatsingen, contactpersoon, zorgteam, toestemmingen, inzagelog)',
    );
    const [from, until] = within(items[0]!).getAllByText(/14:/, { selector: 'time' });
    expect(from).toHaveAttribute('datetime', local(14, 5));
    expect(until).toHaveAttribute('datetime', local(14, 12));
    // A write stays its own line and ends the visit.
    expect(items[1]).toHaveTextContent('Olga de Ouder (ouder of verzorger) trok een toestemming in');
    expect(items[2]).toHaveTextContent('3 maart 2026 om 13:50 tot 13:58');
    expect(items[2]).toHaveTextContent(
      'Anna Jansen (Basisschool De Regenboog, medewerker) bekeek het dossier (gegevens, ouders/verzorgers, plaatsingen)',
    );
    // A denied attempt stays its own line, and so does a single read of one part.
    expect(items[3]).toHaveTextContent('wilde het burgerservicenummer (BSN) bekijken, maar dat mocht niet');
    expect(items[4]).toHaveTextContent('3 maart 2026 om 13:30');
    expect(items[4]).toHaveTextContent('Anna Jansen (Basisschool De Regenboog, medewerker) bekeek de gegevens van het kind');
  });

  it('says so when the server refuses it (403)', async () => {
    const { requests } = mockFetch(async () => problem(403, 'No'));
    renderWithProviders(<AccessLog childId={CHILD_ID} />, setupApi());
    await openLog();
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Alleen ouders en verzorgers met ouderlijk gezag en de contactpersoon zien wie het dossier heeft bekeken.',
    );
  });
});
