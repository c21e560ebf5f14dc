import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { home, NOOR_ID, parentChildApi, sent, visit } from '@/features/parent-child/testing/fixtures';
import { renderChildScreen } from '@/features/parent-child/testing/render';
import { problem } from '@/test/utils';

const PATH = `/ouder/kinderen/${NOOR_ID}/bekeken`;

const firstPage = {
  items: [
    visit({
      startedAt: '2026-03-24T09:02:00Z',
      endedAt: '2026-03-24T09:15:00Z',
      actorName: 'Lotte Leerkracht',
      organisationName: 'Basisschool De Regenboog',
      role: 'staff',
      resources: ['care-team', 'child', 'trajectory-note', 'something-new'],
      actions: ['read', 'list'],
    }),
    visit({
      startedAt: '2026-03-23T14:00:00Z',
      endedAt: '2026-03-23T14:00:00Z',
      actorName: 'Piet Pieters',
      organisationName: 'Sportclub Gooi',
      role: 'staff',
      eventCount: 2,
      resources: ['plan'],
      actions: ['read'],
      denied: 2,
    }),
  ],
  nextCursor: 'page-2',
};
const secondPage = {
  items: [
    visit({
      startedAt: '2026-03-20T08:00:00Z',
      endedAt: '2026-03-20T08:05:00Z',
      actorName: 'Sanne Jansen',
      organisationName: null,
      role: 'guardian',
      resources: ['consents'],
      actions: ['update'],
    }),
  ],
  nextCursor: null,
};

describe('Wie heeft het dossier bekeken', () => {
  it('lists the visits newest first: who, when and what in plain words, a refused attempt marked', async () => {
    const { requests } = parentChildApi({ visits: (_, cursor) => (cursor ? secondPage : firstPage) });
    renderChildScreen(PATH);

    expect(await screen.findByRole('heading', { level: 1, name: 'Wie heeft het dossier van Noor bekeken' })).toBeInTheDocument();
    const items = await screen.findAllByTestId('access-visit');
    expect(items).toHaveLength(2);
    const [first, second] = items;
    // The time on the reader's clock and in their language (the test runs in UTC).
    expect(first).toHaveTextContent('24 maart 2026 om 09:02 – 09:15');
    expect(first).toHaveTextContent('Lotte Leerkracht (Basisschool De Regenboog, medewerker)');
    // Each part in plain words, in the file's order; a part the app does not know yet still reads.
    expect(first).toHaveTextContent(
      'Bekeek de gegevens van uw kind, het zorgteam, de verslagen en andere gegevens.',
    );
    expect(first).not.toHaveAttribute('data-denied');
    expect(within(first!).queryByTestId('visit-denied')).not.toBeInTheDocument();

    expect(second).toHaveAttribute('data-denied', 'true');
    expect(second).toHaveTextContent('23 maart 2026 om 14:00');
    expect(second).not.toHaveTextContent('–');
    expect(within(second!).getByTestId('visit-denied')).toHaveTextContent(
      'Dit mocht niet. Deze persoon wilde 2 keer iets zien of doen. Dat werd geweigerd.',
    );

    // "Meer laden" asks for the next page with the cursor, and adds it below.
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Meer laden' }));
    await waitFor(() => expect(screen.getAllByTestId('access-visit')).toHaveLength(3));
    const third = screen.getAllByTestId('access-visit')[2]!;
    expect(third).toHaveTextContent('Sanne Jansen (ouder)');
    expect(third).toHaveTextContent('Bekeek of veranderde de toestemmingen.');
    expect(screen.queryByRole('button', { name: 'Meer laden' })).not.toBeInTheDocument();

    const reads = sent(requests, /\/access-log\/visits$/, 'GET').map((r) => Object.fromEntries(new URL(r.url).searchParams));
    expect(reads).toEqual([{ limit: '20' }, { limit: '20', cursor: 'page-2' }]);
    // The screen asks for nothing else about the child.
    expect(sent(requests, /^\/children\/[\w-]+$/, 'GET')).toHaveLength(0);
  });

  it('formats dates per locale', async () => {
    parentChildApi({ visits: () => firstPage });
    await act(() => i18n.changeLanguage('en'));
    renderChildScreen(PATH);
    const [first] = await screen.findAllByTestId('access-visit');
    expect(first).toHaveTextContent('24 March 2026 at 09:02 – 09:15');
    expect(first).toHaveTextContent('Lotte Leerkracht (Basisschool De Regenboog, staff member)');
    expect(first).toHaveTextContent("Looked at your child's details, the care team, the reports, and other data.");
  });

  it('names the organisation’s connected system plainly, in the family’s language too', async () => {
    parentChildApi({
      visits: () => ({
        items: [
          visit({
            actorName: 'Kinderopvang De Regenboog (koppeling)',
            organisationName: 'Kinderopvang De Regenboog',
            role: 'api_client',
            resources: ['placements'],
          }),
          visit({ actorName: 'Robot', organisationName: 'Sportclub', role: 'some_future_role' }),
        ],
        nextCursor: null,
      }),
    });
    renderChildScreen(PATH);
    const [system, unknown] = await screen.findAllByTestId('access-visit');
    expect(system).toHaveTextContent('Kinderopvang De Regenboog (koppeling) (gekoppeld systeem van de organisatie)');
    expect(unknown).toHaveTextContent('Robot (Sportclub)');
    expect(unknown).not.toHaveTextContent('some_future_role');
    await act(() => i18n.changeLanguage('tr'));
    expect(system).toHaveTextContent('Kinderopvang De Regenboog (koppeling) (kurumun bağlı sistemi)');
  });

  it('says so when nobody looked yet', async () => {
    parentChildApi({ visits: () => ({ items: [], nextCursor: null }) });
    renderChildScreen(PATH);
    expect(await screen.findByText('Niemand heeft het dossier nog bekeken.')).toBeInTheDocument();
  });

  it('says plainly why a guardian without parental authority cannot see it', async () => {
    parentChildApi({
      home: home([{ hasParentalAuthority: false }, {}]),
      visits: () => problem(403, 'The access log is for guardians with authority and the contact person.'),
    });
    renderChildScreen(PATH);
    const note = await screen.findByTestId('no-authority');
    expect(note).toHaveTextContent('U kunt niet zien wie het dossier van Noor heeft bekeken.');
    expect(note).toHaveTextContent('U heeft geen ouderlijk gezag over dit kind.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
