import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TransitionActions } from '@/features/support/components/transition-actions';
import { trajectory } from '@/features/support/testing/fixtures';
import type { TrajectoryRead } from '@/features/support/types';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

function transitionApi(answer?: (body: Record<string, unknown>) => Response) {
  return mockFetch(async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method === 'POST' && path.endsWith('/transitions')) {
      const body = (await request.json()) as Record<string, unknown>;
      return answer ? answer(body) : json(trajectory({ status: body.to as TrajectoryRead['status'] }));
    }
    return problem(404, 'Not found');
  });
}

const posts = (requests: Request[]) => requests.filter((r) => r.method === 'POST');

function renderActions(overrides: Partial<TrajectoryRead>) {
  const store = setupApi();
  const item = trajectory({ id: 't1', ...overrides });
  return renderWithProviders(<TransitionActions trajectory={item} />, store);
}

describe('TransitionActions', () => {
  it('offers only the steps the server allows', () => {
    transitionApi();
    renderActions({ status: 'active', allowedTransitions: ['evaluation', 'cancelled'] });
    expect(screen.getByRole('heading', { level: 2, name: 'Status wijzigen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Naar evaluatie' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Traject stoppen' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Naar intake' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Traject afsluiten' })).not.toBeInTheDocument();
  });

  it('shows nothing when no step is allowed', () => {
    transitionApi();
    renderActions({ status: 'closed', allowedTransitions: [] });
    expect(screen.queryByTestId('transition-actions')).not.toBeInTheDocument();
  });

  it('moves only after "Ja, wijzig de status", and sends nothing when cancelled', async () => {
    const { requests } = transitionApi();
    const user = userEvent.setup();
    renderActions({ status: 'requested', allowedTransitions: ['intake', 'cancelled'] });

    await user.click(screen.getByRole('button', { name: 'Naar intake' }));
    const confirm = screen.getByRole('group', { name: /Weet u zeker/ });
    expect(confirm).toHaveTextContent('van ‘Aangevraagd’ naar ‘Intake’');
    expect(posts(requests)).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Nee, niet wijzigen' }));
    expect(screen.getByRole('button', { name: 'Naar intake' })).toHaveFocus();
    expect(posts(requests)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Naar intake' }));
    await user.click(screen.getByRole('button', { name: 'Ja, wijzig de status' }));
    await screen.findByRole('button', { name: 'Naar intake' });
    expect(posts(requests)).toHaveLength(1);
    expect(new URL(posts(requests)[0]!.url).pathname).toBe('/api/v1/support-trajectories/t1/transitions');
    expect(await posts(requests)[0]!.json()).toEqual({ to: 'intake' });
  });

  it('asks how a trajectory ends before closing it', async () => {
    const { requests } = transitionApi();
    const user = userEvent.setup();
    renderActions({ status: 'evaluation', allowedTransitions: ['active', 'closed', 'cancelled'] });

    await user.click(screen.getByRole('button', { name: 'Traject afsluiten' }));
    await user.click(screen.getByRole('button', { name: 'Ja, wijzig de status' }));
    expect(screen.getByText('Kies hoe het traject eindigt.')).toBeInTheDocument();
    expect(screen.getByLabelText('Hoe eindigt het traject?')).toHaveFocus();
    expect(screen.getByLabelText('Hoe eindigt het traject?')).toHaveAttribute('aria-invalid', 'true');
    expect(posts(requests)).toHaveLength(0);

    await user.selectOptions(screen.getByLabelText('Hoe eindigt het traject?'), 'De doelen zijn bereikt');
    expect(screen.queryByLabelText('Waar is het kind naar doorverwezen?')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ja, wijzig de status' }));
    await screen.findByRole('button', { name: 'Traject afsluiten' });
    expect(await posts(requests)[0]!.json()).toEqual({ to: 'closed', outcome: 'goals_reached' });
  });

  it('asks where to and why for a referral out of the centre', async () => {
    const { requests } = transitionApi();
    const user = userEvent.setup();
    renderActions({ status: 'evaluation', allowedTransitions: ['active', 'closed', 'cancelled'] });

    await user.click(screen.getByRole('button', { name: 'Traject afsluiten' }));
    await user.selectOptions(
      screen.getByLabelText('Hoe eindigt het traject?'),
      'Doorverwezen naar hulp buiten het kindcentrum',
    );
    await user.click(screen.getByRole('button', { name: 'Ja, wijzig de status' }));
    expect(screen.getByText('Kies waar het kind naar doorverwezen is.')).toBeInTheDocument();
    expect(screen.getByText('Schrijf kort op waarom.')).toBeInTheDocument();
    expect(screen.getByLabelText('Waar is het kind naar doorverwezen?')).toHaveFocus();
    expect(posts(requests)).toHaveLength(0);

    await user.selectOptions(screen.getByLabelText('Waar is het kind naar doorverwezen?'), 'Specialistische jeugdhulp');
    await user.click(screen.getByRole('button', { name: 'Ja, wijzig de status' }));
    expect(screen.getByLabelText('Waarom is hulp buiten het kindcentrum nodig?')).toHaveFocus();
    expect(posts(requests)).toHaveLength(0);

    await user.type(screen.getByLabelText('Waarom is hulp buiten het kindcentrum nodig?'), 'Meer hulp nodig dan wij kunnen geven.');
    await user.click(screen.getByRole('button', { name: 'Ja, wijzig de status' }));
    await screen.findByRole('button', { name: 'Traject afsluiten' });
    expect(await posts(requests)[0]!.json()).toEqual({
      to: 'closed',
      outcome: 'referred_out',
      referral: { destination: 'specialised_youth_care', reason: 'Meer hulp nodig dan wij kunnen geven.' },
    });
  });

  it('shows the server’s reason next to the form when a step is refused (409)', async () => {
    transitionApi(() => problem(409, 'No trajectory consent in force; allowed: cancelled.'));
    const user = userEvent.setup();
    renderActions({ status: 'requested', allowedTransitions: ['intake', 'cancelled'] });
    await user.click(screen.getByRole('button', { name: 'Naar intake' }));
    await user.click(screen.getByRole('button', { name: 'Ja, wijzig de status' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Deze stap kan nu niet.');
    expect(alert).toHaveTextContent('Melding van de server: No trajectory consent in force; allowed: cancelled.');
    expect(within(screen.getByTestId('transition-confirm')).getByRole('alert')).toBe(alert);
  });
});
