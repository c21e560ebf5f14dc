import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import {
  careMember,
  childDetail,
  dailyTeam,
  enrolment,
  home,
  NOOR_ID,
  ORG_JEUGD,
  parentChildApi,
  plan,
  SAM_ID,
  school,
  sent,
  trajectory,
} from '@/features/parent-child/testing/fixtures';
import { renderChildScreen } from '@/features/parent-child/testing/render';
import type { ParentChildDetail } from '@/features/parent-child/types';

const logopedie = trajectory({
  id: 'tr-logo',
  childId: NOOR_ID,
  childName: 'Noor Jansen',
  organisationName: 'Logopediepraktijk De Klank',
  status: 'active',
  startedAt: '2026-01-12T09:00:00+01:00',
  coordinatorName: 'Ilse Klank',
});
const jeugdhulp = trajectory({
  id: 'tr-jeugd',
  type: 'jeugdhulp',
  organisationId: ORG_JEUGD,
  organisationName: 'Jeugdhulp Gooi',
  status: 'requested',
  consentNeeded: true,
});

const noorPage = childDetail(
  {},
  {
    contactPerson: null,
    dailyTeam,
    careTeam: [
      careMember(),
      careMember({ id: 'ct-2', displayName: 'Karim Bos', organisationId: ORG_JEUGD, organisationName: 'Jeugdhulp Gooi', role: 'jeugdhulpverlener', consentInForce: false }),
    ],
    trajectories: [logopedie, jeugdhulp],
    plan: plan({
      childId: NOOR_ID,
      view: 'guardian',
      goals: [
        {
          id: 'g1',
          trajectoryId: 'tr-logo',
          trajectoryType: 'logopedie',
          organisationName: 'Logopediepraktijk De Klank',
          text: 'Noor zegt de s en de z goed in korte zinnen.',
          targetDate: '2026-06-30',
          status: 'open',
          sharedWithDailyTeam: false,
          dailyTeamAdvice: null,
          workers: ['Ilse Klank'],
        },
      ],
      notes: [
        {
          id: 'n1',
          trajectoryId: 'tr-logo',
          kind: 'note',
          visibility: 'team_and_guardians',
          text: 'Oefen thuis elke dag vijf minuten met de kaartjes.',
          participants: null,
          decisions: null,
          authorId: 'u-ilse',
          authorName: 'Ilse Klank',
          replacesId: null,
          replacedById: null,
          createdAt: '2026-03-10T15:00:00+01:00',
        },
      ],
    }),
    enrolments: [enrolment({ childId: NOOR_ID, childName: 'Noor Jansen', activityTitle: 'Voetbal' })],
    day: { date: '2026-03-25', childId: NOOR_ID, entries: [school()] },
  },
);

const samPage = childDetail(
  { id: SAM_ID, givenName: 'Sam' },
  {
    contactPerson: null,
    // Two placements in one BSO group: one line.
    dailyTeam: [
      { kind: 'childcare', organisationName: 'BSO Zonnestraal', groupName: 'De Vlinders', personName: null, activityName: null },
      { kind: 'childcare', organisationName: 'BSO Zonnestraal', groupName: 'De Vlinders', personName: null, activityName: null },
    ],
    careTeam: [],
    trajectories: [],
    plan: plan({ childId: SAM_ID, view: 'guardian' }),
    enrolments: [],
    day: { date: '2026-03-25', childId: SAM_ID, entries: [] },
  },
);

const pages: Record<string, ParentChildDetail> = { [NOOR_ID]: noorPage, [SAM_ID]: samPage };

describe('Mijn kind', () => {
  it('loads everything in one request and names the child with its colour and initial', async () => {
    const { requests } = parentChildApi({ child: (id) => pages[id] });
    renderChildScreen(`/ouder/kinderen/${NOOR_ID}`);

    const heading = await screen.findByRole('heading', { level: 1, name: 'Noor' });
    // The badge: the initial on the first child's colour (the oldest).
    const badge = await within(heading).findByText('N');
    expect(badge).toHaveAttribute('data-child-index', '0');
    await waitFor(() => expect(document.title).toBe('Noor – KindCentraal'));

    const reads = sent(requests, new RegExp(`^/children/${NOOR_ID}$`), 'GET');
    expect(reads).toHaveLength(1);
    expect(new URL(reads[0]!.url).searchParams.get('expand')).toBe(
      'contactPerson,careTeam,dailyTeam,plan,trajectories,enrolments,day',
    );
    // Nothing else about the child is asked for.
    expect(sent(requests, /^\/children\//, 'GET')).toHaveLength(1);
  });

  it('shows who is around the child: the daily team and the care team with organisation and role', async () => {
    parentChildApi({ child: (id) => pages[id] });
    renderChildScreen(`/ouder/kinderen/${NOOR_ID}`);

    const people = await screen.findByTestId('people-around');
    expect(within(people).getByRole('heading', { level: 2, name: 'Wie zijn er rond Noor' })).toBeInTheDocument();
    // The contact person first, then the school group, then the activity.
    expect(within(people).getAllByTestId('daily-team-member').map((item) => item.textContent)).toEqual([
      'Lotte LeerkrachtContactpersoon · Basisschool De Regenboog',
      'Groep 5ASchool · Basisschool De Regenboog',
      'VoetbalActiviteit · Sportclub Gooi',
    ]);
    expect(within(people).getByTestId('care-team-explanation')).toHaveTextContent(
      'Zorgteam: de mensen die uw kind extra hulp geven.',
    );
    const members = within(people).getAllByTestId('care-team-member');
    expect(members[0]).toHaveTextContent('Ilse Klanklogopedist · Logopediepraktijk De Klank');
    expect(within(members[0]!).queryByTestId('care-team-waits')).not.toBeInTheDocument();
    expect(within(members[1]!).getByTestId('care-team-waits')).toHaveTextContent('Wacht op uw toestemming.');
    expect(within(members[1]!).getByRole('link', { name: 'Toestemming geven' })).toHaveAttribute(
      'href',
      `/ouder/kinderen/${NOOR_ID}/toestemming`,
    );
  });

  it("shows the support: each trajectory's status, its goals and the notes meant for parents", async () => {
    parentChildApi({ child: (id) => pages[id] });
    renderChildScreen(`/ouder/kinderen/${NOOR_ID}`);

    const support = await screen.findByTestId('child-support');
    const [first, second] = within(support).getAllByTestId('support-trajectory');
    expect(within(first!).getByRole('heading', { level: 3 })).toHaveTextContent('Logopedie bij Logopediepraktijk De Klank');
    expect(first).toHaveTextContent('De hulp is bezig · sinds 12 januari 2026');
    expect(within(first!).getByTestId('support-goal')).toHaveTextContent('Noor zegt de s en de z goed in korte zinnen.');
    expect(within(first!).getByTestId('support-goal')).toHaveTextContent('Hier werken we aan · doel voor 30 juni 2026');
    expect(within(first!).getByTestId('support-note')).toHaveTextContent('Oefen thuis elke dag vijf minuten met de kaartjes.');
    expect(within(first!).getByTestId('support-note')).toHaveTextContent('van Ilse Klank');
    // In Dutch there is no "this text is in Dutch".
    expect(screen.queryByTestId('written-in-dutch')).not.toBeInTheDocument();

    expect(second).toHaveTextContent('Aangevraagd. Er komt eerst een gesprek.');
    expect(within(second!).getByTestId('support-consent-needed')).toHaveTextContent(
      'Deze hulp begint pas als u toestemming geeft aan Jeugdhulp Gooi.',
    );
    // Activities and the way on.
    expect(screen.getByTestId('enrolment-line')).toHaveTextContent('Voetbal: doet mee');
    for (const [name, page] of [
      ['Toestemming', 'toestemming'],
      ['Wie heeft het dossier bekeken', 'bekeken'],
      ['Ziek of afwezig melden', 'afmelden'],
      ['Activiteiten', 'activiteiten'],
      ['Mijn gegevens', 'gegevens'],
    ]) {
      expect(screen.getByRole('link', { name })).toHaveAttribute('href', `/ouder/kinderen/${NOOR_ID}/${page}`);
    }
  });

  it('shows staff texts as written, saying in the reader\'s language that they are in Dutch', async () => {
    parentChildApi({ child: (id) => pages[id] });
    await act(() => i18n.changeLanguage('en'));
    renderChildScreen(`/ouder/kinderen/${NOOR_ID}`);

    const support = await screen.findByTestId('child-support');
    expect(within(support).getByRole('heading', { level: 2, name: 'Support' })).toBeInTheDocument();
    const note = within(support).getByTestId('support-note');
    const text = within(note).getByText('Oefen thuis elke dag vijf minuten met de kaartjes.');
    expect(text).toHaveAttribute('lang', 'nl');
    // Dutch runs left to right inside an Arabic page too.
    expect(text).toHaveAttribute('dir', 'auto');
    expect(within(note).getByTestId('written-in-dutch')).toHaveTextContent('This text is in Dutch.');
    expect(within(support).getByTestId('support-goal')).toHaveTextContent('This text is in Dutch.');
  });

  it('switches between two children without mixing them up', async () => {
    const { requests } = parentChildApi({ child: (id) => pages[id] });
    const { router } = renderChildScreen(`/ouder/kinderen/${NOOR_ID}`);
    await screen.findByTestId('child-support');
    expect(screen.getByTestId('parent-child-screen')).toHaveAttribute('data-child-id', NOOR_ID);

    await act(() => router.navigate(`/ouder/kinderen/${SAM_ID}`));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Sam' });
    expect(within(heading).getByText('S')).toHaveAttribute('data-child-index', '1');
    await waitFor(() => expect(screen.getByTestId('parent-child-screen')).toHaveAttribute('data-child-id', SAM_ID));
    await waitFor(() =>
      expect(screen.getAllByTestId('daily-team-member').map((item) => item.textContent)).toEqual(['De VlindersOpvang (BSO) · BSO Zonnestraal']),
    );
    expect(screen.getByTestId('support-empty')).toHaveTextContent('Sam krijgt nu geen extra hulp.');
    expect(screen.getByTestId('enrolments-summary')).toHaveTextContent('Sam doet nu niet mee met een activiteit.');
    // Nothing of Noor's is left on Sam's screen.
    expect(screen.queryByText(/Logopediepraktijk De Klank/)).not.toBeInTheDocument();
    expect(screen.queryByText('Voetbal')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Toestemming' })).toHaveAttribute('href', `/ouder/kinderen/${SAM_ID}/toestemming`);
    expect(sent(requests, new RegExp(`^/children/${SAM_ID}$`), 'GET')).toHaveLength(1);
  });

  it('says plainly why a guardian without parental authority sees no care team or support', async () => {
    parentChildApi({
      home: home([{ hasParentalAuthority: false }, {}]),
      // The server leaves the care parts out for this guardian.
      child: () =>
        childDetail({}, { contactPerson: null, dailyTeam, enrolments: [], day: { date: '2026-03-25', childId: NOOR_ID, entries: [] } }),
    });
    renderChildScreen(`/ouder/kinderen/${NOOR_ID}`);

    const note = await screen.findByTestId('no-authority');
    expect(note).toHaveTextContent('Waarom ziet u dit niet?');
    expect(note).toHaveTextContent('U ziet hier geen zorgteam en geen hulp voor Noor.');
    expect(note).toHaveTextContent('U heeft geen ouderlijk gezag over dit kind.');
    // No empty sections that look as if there were nothing.
    expect(screen.queryByRole('heading', { name: 'Zorgteam' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('child-support')).not.toBeInTheDocument();
    expect(screen.queryByText(/krijgt nu geen extra hulp/)).not.toBeInTheDocument();
    // What this guardian may see is still there; what they may not do is not offered.
    expect(screen.getAllByTestId('daily-team-member')).toHaveLength(3);
    expect(screen.queryByRole('link', { name: 'Toestemming' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Ziek of afwezig melden' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Activiteiten' })).toBeInTheDocument();
  });

  it('marks the data "niet actueel" above it when the connection is gone', async () => {
    parentChildApi({ child: (id) => pages[id] });
    renderChildScreen(`/ouder/kinderen/${NOOR_ID}`);
    const people = await screen.findByTestId('people-around');
    expect(screen.queryByTestId('freshness-mark')).not.toBeInTheDocument();

    const onLine = vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      act(() => {
        window.dispatchEvent(new Event('offline'));
      });
      const mark = await screen.findByTestId('freshness-mark');
      expect(mark).toHaveTextContent('Niet actueel');
      // Above the data, and the data stays.
      expect(mark.compareDocumentPosition(people) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(screen.getAllByTestId('daily-team-member')).toHaveLength(3);
    } finally {
      onLine.mockRestore();
      // TanStack Query pauses while offline: tell it the connection is back.
      act(() => {
        window.dispatchEvent(new Event('online'));
      });
    }
  });

  it('says so when the child is not one of the parent\'s', async () => {
    parentChildApi({ child: () => undefined });
    renderChildScreen('/ouder/kinderen/someone-else');
    expect(await screen.findByText('Dit kind kunnen we niet vinden. Kies uw kind op het overzicht.')).toBeInTheDocument();
  });
});
