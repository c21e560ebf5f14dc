import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { CHILD_ID, ORG_CARE, plan, signal, trajectory } from '@/features/support/testing/fixtures';
import { json, mockFetch, renderRoutes, setupApi } from '@/test/utils';

const SCHOOL = 'aaaaaaaa-0000-4000-8000-000000000001';

/**
 * `colleague`: staff who see the child, with nothing of its support shared with them.
 * `guardian`: the child's parent with parental authority who also works at the school (she keeps
 * the staff screens; a parent without a job there is sent to the parent app, see
 * parent-separation.test.tsx).
 */
type Who = 'guardian' | 'teacher' | 'contact' | 'colleague';

const people = {
  guardian: {
    id: 'u-parent',
    displayName: 'Olga de Ouder',
    memberships: [{ id: 'm4', organisationId: SCHOOL, organisationName: 'Basisschool', organisationType: 'school', role: 'staff' }],
    isGuardian: true,
  },
  teacher: {
    id: 'u-teacher',
    displayName: 'Lotte Leerkracht',
    memberships: [{ id: 'm1', organisationId: SCHOOL, organisationName: 'Basisschool', organisationType: 'school', role: 'staff' }],
    isGuardian: false,
  },
  colleague: {
    id: 'u-colleague',
    displayName: 'Cor Collega',
    memberships: [{ id: 'm3', organisationId: SCHOOL, organisationName: 'Basisschool', organisationType: 'school', role: 'staff' }],
    isGuardian: false,
  },
  contact: {
    id: 'u-ib',
    displayName: 'Ingrid Bakker',
    memberships: [{ id: 'm2', organisationId: SCHOOL, organisationName: 'Basisschool', organisationType: 'school', role: 'staff' }],
    isGuardian: false,
  },
};

const sharedGoal = {
  id: 'g1',
  trajectoryId: 't1',
  trajectoryType: 'logopedie',
  organisationName: 'Zorgpartners Gooi',
  text: 'Noah spreekt de s-klank goed uit.',
  targetDate: null,
  status: 'open',
  sharedWithDailyTeam: true,
  dailyTeamAdvice: 'Laat Noah eerst luisteren, dan nazeggen.',
  workers: ['Lisa Logopedie'],
};

const child = {
  id: CHILD_ID,
  centreId: 'c',
  groupId: null,
  givenName: 'Noah',
  familyName: 'de Vries',
  dateOfBirth: '2019-09-01',
  hasBsn: false,
  contactPerson: { userId: 'u-ib', displayName: 'Ingrid Bakker' },
  createdAt: '',
  updatedAt: '',
};

/** `?expand=plan,trajectories,signals` as the server answers each kind of reader. */
function supportParts(who: Who) {
  if (who === 'colleague') return { trajectories: [], signals: [] };
  if (who === 'teacher') {
    return { plan: plan({ view: 'daily_team', goals: [sharedGoal as never] }), trajectories: [], signals: [] };
  }
  return {
    plan: plan({
      view: who === 'guardian' ? 'guardian' : 'team',
      trajectories: [{ id: 't1', type: 'logopedie', status: 'requested', organisationName: 'Zorgpartners Gooi', coordinatorName: null }],
    }),
    trajectories: [trajectory({ id: 't1', consentNeeded: true })],
    signals: who === 'contact' ? [signal({ id: 's1' })] : [],
  };
}

/** The child page's API, with the support parts for each kind of reader. */
function backend(who: Who) {
  const me = people[who];
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace('/api/v1', '');
    if (path === '/me') {
      return json({
        ...me,
        tenantId: 't',
        email: 'x@example.test',
        roles: me.memberships.map((m) => m.role),
        language: null,
        careCoordinatorCentreIds: [],
        twoFactor: { enabled: false, enrolmentRequired: false, mandatory: false, recoveryCodesLeft: 0 },
      });
    }
    if (path === '/notifications') return json({ items: [], nextCursor: null, unreadCount: 0 });
    if (path === '/groups' || path === '/organisations') {
      return json({ items: [{ id: ORG_CARE, name: 'Zorgpartners Gooi', type: 'care_provider', centreIds: [], createdAt: '', updatedAt: '' }], nextCursor: null });
    }
    if (path === `/children/${CHILD_ID}` && url.searchParams.get('expand') === 'plan,trajectories,signals') {
      return json({ ...child, embedded: supportParts(who) });
    }
    if (path === `/children/${CHILD_ID}`) {
      return json({
        ...child,
        embedded: {
          guardians: [
            { id: 'g', childId: CHILD_ID, userId: 'u-parent', displayName: 'Olga de Ouder', relation: 'parent', hasParentalAuthority: true, createdAt: '', updatedAt: '' },
          ],
          placements: [],
          contactPerson: null,
          ...(who === 'teacher' || who === 'colleague' ? {} : { careTeam: [], consents: [] }),
        },
      });
    }
    if (path === `/children/${CHILD_ID}/signals` && request.method === 'POST') {
      return json(signal({ id: 's-new', authorId: me.id }), { status: 201 });
    }
    if (path === `/children/${CHILD_ID}/support-requests`) {
      return json(signal({ id: 's-req', fromGuardians: true, authorId: me.id }), { status: 201 });
    }
    if (path === `/organisations/${ORG_CARE}/professionals`) {
      return json([{ userId: 'u-therapist', displayName: 'Lisa Logopedie', role: 'care_professional' }]);
    }
    return new Response(null, { status: 404 });
  });
}

const childRequests = (requests: Request[]) =>
  requests.filter((r) => new URL(r.url).pathname.startsWith(`/api/v1/children/${CHILD_ID}`));

async function openSupport(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Bekijk zorg en ondersteuning' }));
  return screen.getByTestId('child-support');
}

describe('"Zorg & ondersteuning" on the child page', () => {
  it('loads nothing of it until opened: the child page stays one request', async () => {
    const store = setupApi();
    const { requests } = backend('guardian');
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: `/children/${CHILD_ID}`, store });

    expect(await screen.findByRole('heading', { level: 2, name: 'Zorg & ondersteuning' })).toBeInTheDocument();
    await screen.findByRole('button', { name: 'Bekijk zorg en ondersteuning' });
    expect(childRequests(requests)).toHaveLength(1);

    const section = await openSupport(user);
    expect(await within(section).findByTestId('child-plan')).toHaveAttribute('data-view', 'guardian');
    expect(await within(section).findByTestId('child-trajectory')).toBeInTheDocument();
    // Opening the section is one more request: the three parts together, one access-log event.
    const support = childRequests(requests).slice(1);
    expect(support.map((r) => new URL(r.url).pathname)).toEqual([`/api/v1/children/${CHILD_ID}`]);
    expect(new URL(support[0]!.url).searchParams.get('expand')).toBe('plan,trajectories,signals');
    expect(requests.some((r) => r.url.includes('/support-trajectories') || r.url.includes('/plan'))).toBe(false);
  });

  it('says so when nothing of the child’s support is shared with this user', async () => {
    const store = setupApi();
    backend('colleague');
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: `/children/${CHILD_ID}`, store });
    const section = await openSupport(user);
    expect(await within(section).findByTestId('child-plan-not-shared')).toHaveTextContent(
      'U kunt het plan van dit kind niet bekijken.',
    );
    expect(within(section).queryByTestId('child-plan')).not.toBeInTheDocument();
    expect(within(section).getByTestId('signal-form')).toBeInTheDocument();
  });

  it('lets a parent (who works at the school) ask for support, saying what happens next and that consent comes first', async () => {
    const store = setupApi();
    const { requests } = backend('guardian');
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: `/children/${CHILD_ID}`, store });
    const section = await openSupport(user);

    const trajectoryItem = await within(section).findByTestId('child-trajectory');
    expect(within(trajectoryItem).getByTestId('child-trajectory-consent-needed')).toHaveTextContent(
      'Geef toestemming op de pagina van uw kind, bij Toestemmingen. Kies de organisatie Zorgpartners Gooi',
    );
    expect(within(section).queryByTestId('signal-form')).not.toBeInTheDocument();
    const form = within(section).getByTestId('support-request-form');
    expect(within(form).getByTestId('request-what-next')).toHaveTextContent(
      'Ingrid Bakker, de contactpersoon van uw kind, leest uw vraag en neemt contact met u op.',
    );
    expect(within(form).getByTestId('request-what-next')).toHaveTextContent('Dan vragen we eerst uw toestemming.');

    await user.click(within(form).getByRole('button', { name: 'Vraag versturen' }));
    expect(within(form).getByText('Vertel waar u hulp bij wilt.')).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Waar wilt u hulp bij?'), 'Noah praat weinig.');
    await user.selectOptions(within(form).getByLabelText('Weet u al welke hulp u zoekt? (niet verplicht)'), 'Logopedie');
    await user.click(within(form).getByRole('button', { name: 'Vraag versturen' }));
    expect(await within(section).findByText('Uw vraag is verstuurd. De contactpersoon neemt contact met u op.')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe(`/api/v1/children/${CHILD_ID}/support-requests`);
    expect(await post.json()).toEqual({ description: 'Noah praat weinig.', category: 'other', trajectoryType: 'logopedie' });
  });

  it('shows a teacher the shared goals and lets them raise a signal, saying who sees it', async () => {
    const store = setupApi();
    const { requests } = backend('teacher');
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: `/children/${CHILD_ID}`, store });
    const section = await openSupport(user);

    const planView = await within(section).findByTestId('child-plan');
    expect(planView).toHaveAttribute('data-view', 'daily_team');
    expect(within(planView).getByTestId('plan-goal')).toHaveTextContent('Laat Noah eerst luisteren, dan nazeggen.');
    await waitFor(() => expect(within(section).queryByTestId('child-trajectories')).not.toBeInTheDocument());
    expect(await within(section).findByText('Er zijn geen signalen die u kunt zien.')).toBeInTheDocument();

    const form = within(section).getByTestId('signal-form');
    expect(within(form).getByTestId('signal-who-sees')).toHaveTextContent(
      'Alleen de contactpersoon en de intern begeleider zien dit signaal, en u zelf.',
    );
    await user.click(within(form).getByRole('button', { name: 'Signaal versturen' }));
    expect(within(form).getByText('Kies waar het signaal over gaat.')).toBeInTheDocument();
    expect(within(form).getByText('Beschrijf wat u ziet.')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.selectOptions(within(form).getByLabelText('Waar gaat het over?'), 'Taal en spreken');
    await user.type(within(form).getByLabelText('Wat ziet u?'), 'Noah is in de kring moeilijk te verstaan.');
    await user.click(within(form).getByRole('button', { name: 'Signaal versturen' }));
    expect(await within(section).findByText(/Het signaal is verstuurd/)).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ category: 'language_speech', description: 'Noah is in de kring moeilijk te verstaan.' });
  });

  it('lets the contact person decide on the child’s open signals', async () => {
    const store = setupApi();
    backend('contact');
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: `/children/${CHILD_ID}`, store });
    const section = await openSupport(user);
    const item = await within(section).findByTestId('signal-item');
    expect(item).toHaveTextContent('Open: wacht op een besluit.');
    await user.click(within(item).getByRole('button', { name: 'Besluit nemen' }));
    const form = within(item).getByTestId('decision-form');
    await user.click(within(form).getByRole('radio', { name: 'Hulp aangevraagd' }));
    await user.selectOptions(within(form).getByLabelText('Welke organisatie geeft de hulp?'), 'Zorgpartners Gooi');
    await user.selectOptions(within(form).getByLabelText('Soort hulp'), 'Logopedie');
    // The child page knows the consents: here there are none.
    expect(within(form).getByTestId('decision-consent')).toHaveTextContent('Er is nog geen toestemming');
    // The coordinator: the organisation's professionals, by name.
    const coordinator = within(form).getByLabelText('Coördinator (niet verplicht)');
    expect(await within(coordinator).findByRole('option', { name: 'Lisa Logopedie' })).toBeInTheDocument();
  });
});
