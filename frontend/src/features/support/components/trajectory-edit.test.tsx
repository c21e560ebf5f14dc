import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TrajectoryPage } from '@/features/support/components/trajectory-page';
import { ORG_CARE, trajectoryDetail } from '@/features/support/testing/fixtures';
import type { TrajectoryDetail } from '@/features/support/types';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const page = (overrides: Partial<TrajectoryDetail> = {}) =>
  trajectoryDetail({
    id: 't1',
    status: 'active',
    allowedTransitions: ['evaluation', 'cancelled'],
    coordinatorId: 'u-lisa',
    coordinatorName: 'Lisa Logopedie',
    location: 'in_centre',
    reason: 'Noah is moeilijk te verstaan.',
    embedded: {
      goals: [
        {
          id: 'g1',
          trajectoryId: 't1',
          text: 'Noah spreekt de s-klank goed uit.',
          targetDate: '2026-06-30',
          status: 'open',
          sharedWithDailyTeam: false,
          dailyTeamAdvice: null,
          progress: [],
          createdAt: '',
          updatedAt: '',
        },
      ],
      sessions: [],
      notes: [],
      team: [],
      transitions: [],
    },
    ...overrides,
  });

const PROFESSIONALS = [
  { userId: 'u-lisa', displayName: 'Lisa Logopedie', role: 'care_professional' },
  { userId: 'u-piet', displayName: 'Piet Praat', role: 'care_professional' },
  { userId: 'u-piet', displayName: 'Piet Praat', role: 'org_admin' },
  { userId: 'u-admin', displayName: 'Carla Centrum', role: 'centre_admin' },
];

type Patch = (request: Request) => Response | Promise<Response>;

function pageApi(detail: TrajectoryDetail = page(), patch: Patch = () => json({})) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/support-trajectories/t1' && request.method === 'GET') return json(detail);
    if (url.pathname === `/api/v1/organisations/${ORG_CARE}/professionals`) return json(PROFESSIONALS);
    if (request.method === 'PATCH') return patch(request);
    return problem(404, 'Not found');
  });
}

function renderPage(readOnly = false) {
  const store = setupApi();
  return renderWithProviders(<TrajectoryPage trajectoryId="t1" myId="u-lisa" readOnly={readOnly} />, store);
}

const patches = (requests: Request[]) => requests.filter((r) => r.method === 'PATCH');
const detailReads = (requests: Request[]) =>
  requests.filter((r) => r.method === 'GET' && new URL(r.url).pathname === '/api/v1/support-trajectories/t1');

describe('changing a trajectory', () => {
  it('sends only what changed, lists the organisation’s coordinators by name, and reloads the page', async () => {
    const { requests } = pageApi();
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Wijzig coördinator, plaats en reden' }));
    const form = screen.getByTestId('trajectory-edit-form');
    const coordinator = within(form).getByLabelText('Coördinator');
    await within(form).findByRole('option', { name: 'Piet Praat' });
    expect(within(coordinator).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Geen coördinator',
      'Lisa Logopedie',
      'Piet Praat',
    ]);
    expect(coordinator).toHaveValue('u-lisa');
    await user.selectOptions(within(form).getByLabelText('Waar krijgt het kind de hulp?'), 'Thuis');
    await user.click(within(form).getByRole('button', { name: 'Wijzigingen opslaan' }));
    await screen.findByText('De wijzigingen in het traject zijn opgeslagen.');
    const [patch] = patches(requests);
    expect(new URL(patch!.url).pathname).toBe('/api/v1/support-trajectories/t1');
    expect(await patch!.json()).toEqual({ location: 'at_home' });
    expect(detailReads(requests).length).toBeGreaterThan(1);
    expect(screen.queryByTestId('trajectory-edit-form')).not.toBeInTheDocument();
  });

  it('clears the coordinator with null and sends a changed reason', async () => {
    const { requests } = pageApi();
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Wijzig coördinator, plaats en reden' }));
    const form = screen.getByTestId('trajectory-edit-form');
    await user.selectOptions(within(form).getByLabelText('Coördinator'), 'Geen coördinator');
    const reason = within(form).getByLabelText('Waarom is hulp nodig?');
    await user.clear(reason);
    await user.click(within(form).getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(within(form).getByText('Schrijf op waarom hulp nodig is.')).toBeInTheDocument();
    expect(patches(requests)).toHaveLength(0);
    await user.type(reason, 'Noah praat weinig in de groep.');
    await user.click(within(form).getByRole('button', { name: 'Wijzigingen opslaan' }));
    await screen.findByText('De wijzigingen in het traject zijn opgeslagen.');
    expect(await patches(requests)[0]!.json()).toEqual({ coordinatorId: null, reason: 'Noah praat weinig in de groep.' });
  });

  it('shows the server’s reason next to the form', async () => {
    pageApi(page(), () => problem(409, 'The trajectory is closed.'));
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Wijzig coördinator, plaats en reden' }));
    const form = screen.getByTestId('trajectory-edit-form');
    await user.selectOptions(within(form).getByLabelText('Waar krijgt het kind de hulp?'), 'Online');
    await user.click(within(form).getByRole('button', { name: 'Wijzigingen opslaan' }));
    const alert = await within(form).findByTestId('form-problem');
    expect(alert).toHaveTextContent('Dit traject kan niet meer worden gewijzigd.');
    expect(alert).toHaveTextContent('The trajectory is closed.');
  });

  it('offers no change for a closed trajectory nor to a guardian', async () => {
    pageApi(page({ status: 'closed', allowedTransitions: [], outcome: 'goals_reached' }));
    const { unmount } = renderPage();
    await screen.findByTestId('trajectory-summary');
    expect(screen.queryByTestId('trajectory-edit-open')).not.toBeInTheDocument();
    expect(screen.queryByTestId('goal-edit-open')).not.toBeInTheDocument();
    unmount();

    pageApi();
    renderPage(true);
    await screen.findByTestId('trajectory-summary');
    expect(screen.queryByTestId('trajectory-edit-open')).not.toBeInTheDocument();
    expect(screen.queryByTestId('goal-edit-open')).not.toBeInTheDocument();
  });
});

describe('changing a goal', () => {
  it('sends the changed text, date and sharing with the tip', async () => {
    const { requests } = pageApi();
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Wijzig doel 1' }));
    const form = screen.getByTestId('goal-edit-form');
    expect(within(form).getByRole('heading', { name: 'Doel 1 wijzigen' })).toHaveFocus();
    const text = within(form).getByLabelText('Wat is het doel?');
    await user.clear(text);
    await user.type(text, 'Noah spreekt de s-klank goed uit in zinnen.');
    await user.clear(within(form).getByLabelText('Wanneer moet het doel bereikt zijn? (niet verplicht)'));
    await user.click(within(form).getByRole('checkbox', { name: 'Delen met het dagelijkse team' }));
    await user.type(within(form).getByLabelText('Tip voor de klas of groep (niet verplicht)'), 'Herhaal de zin rustig.');
    await user.click(within(form).getByRole('button', { name: 'Doel opslaan' }));
    await screen.findByText('Doel 1 is gewijzigd.');
    const [patch] = patches(requests);
    expect(new URL(patch!.url).pathname).toBe('/api/v1/support-trajectories/t1/goals/g1');
    expect(await patch!.json()).toEqual({
      text: 'Noah spreekt de s-klank goed uit in zinnen.',
      targetDate: null,
      sharedWithDailyTeam: true,
      dailyTeamAdvice: 'Herhaal de zin rustig.',
    });
  });

  it('shows why sharing was refused (409: no information_sharing consent) next to the form', async () => {
    const { requests } = pageApi(page(), () =>
      problem(409, 'Sharing with the daily team needs an information_sharing consent for Zorgpartners Gooi.'),
    );
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Wijzig doel 1' }));
    const form = screen.getByTestId('goal-edit-form');
    await user.click(within(form).getByRole('checkbox', { name: 'Delen met het dagelijkse team' }));
    await user.click(within(form).getByRole('button', { name: 'Doel opslaan' }));
    const alert = await within(form).findByTestId('form-problem');
    expect(alert).toHaveTextContent('Delen met het dagelijkse team kan nog niet');
    expect(alert).toHaveTextContent('Sharing with the daily team needs an information_sharing consent for Zorgpartners Gooi.');
    expect(await patches(requests)[0]!.json()).toEqual({ sharedWithDailyTeam: true });
    expect(screen.getByTestId('goal-edit-form')).toBeInTheDocument();
  });
});
