import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TrajectoryBoard } from '@/features/support/components/trajectory-board';
import { ORG_CARE, trajectory } from '@/features/support/testing/fixtures';
import type { TrajectoryRead } from '@/features/support/types';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const organisations = [{ id: ORG_CARE, name: 'Zorgpartners Gooi' }];

const items: TrajectoryRead[] = [
  trajectory({
    id: 't-long',
    childName: 'Emma Bakker',
    status: 'requested',
    waitingDaysToIntake: 14,
    overdue: true,
    consentNeeded: true,
  }),
  trajectory({ id: 't-short', childName: 'Noah de Vries', status: 'requested', waitingDaysToIntake: 2 }),
  trajectory({
    id: 't-active',
    childName: 'Sara Yilmaz',
    status: 'active',
    coordinatorName: 'Lisa Logopedie',
    waitingDaysToIntake: 4,
    waitingDaysToStart: 12,
    allowedTransitions: ['evaluation', 'cancelled'],
  }),
  trajectory({ id: 't-closed', childName: 'Daan Smit', status: 'closed', outcome: 'goals_reached', allowedTransitions: [] }),
];

function boardApi(list: TrajectoryRead[] = items) {
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/support-trajectories') {
      const type = url.searchParams.get('type');
      return json({ items: type ? list.filter((t) => t.type === type) : list, nextCursor: null });
    }
    return problem(404, 'Not found');
  });
}

function renderBoard() {
  const store = setupApi();
  return renderWithProviders(<TrajectoryBoard organisations={organisations} centres={[]} />, store, '/zorg');
}

describe('TrajectoryBoard', () => {
  it('loads the board in one request, longest waiting first, up to 100', async () => {
    const { requests } = boardApi();
    renderBoard();
    await screen.findByText('4 trajecten.');
    expect(requests).toHaveLength(1);
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe('/api/v1/support-trajectories');
    expect(url.searchParams.get('sort')).toBe('waitingTime');
    expect(url.searchParams.get('limit')).toBe('100');
    expect(url.searchParams.has('overdue')).toBe(false);
  });

  it('puts each card in the column of its status, in the order the API sent', async () => {
    boardApi();
    renderBoard();
    const requested = await screen.findByTestId('board-column-requested');
    expect(within(requested).getByRole('heading', { level: 2 })).toHaveTextContent('Aangevraagd (2)');
    const cards = within(requested).getAllByTestId('trajectory-card');
    expect(cards.map((card) => card.getAttribute('data-trajectory-id'))).toEqual(['t-long', 't-short']);
    expect(within(screen.getByTestId('board-column-intake')).getByText('Geen trajecten.')).toBeInTheDocument();
    const active = screen.getByTestId('board-column-active');
    expect(within(active).getByTestId('trajectory-card')).toHaveTextContent('Coördinator: Lisa Logopedie');
    expect(within(active).getByTestId('trajectory-card')).toHaveTextContent('gestart na 12 werkdagen (norm: 20)');
    expect(screen.getByTestId('board-column-evaluation')).toBeInTheDocument();
  });

  it('says in words, not colour alone, that a trajectory waits past the norm, and that consent is needed', async () => {
    boardApi();
    renderBoard();
    const [late, onTime] = within(await screen.findByTestId('board-column-requested')).getAllByTestId('trajectory-card');
    expect(late).toHaveAttribute('data-overdue', 'true');
    expect(within(late!).getByTestId('waiting-time')).toHaveTextContent('Te laat: wacht 14 werkdagen op de intake (norm: 10)');
    expect(late).toHaveTextContent('Toestemming nodig');
    expect(late).toHaveTextContent('Nog geen coördinator');
    expect(onTime).toHaveAttribute('data-overdue', 'false');
    expect(within(onTime!).getByTestId('waiting-time')).toHaveTextContent('wacht 2 werkdagen op de intake (norm: 10)');
    expect(onTime).not.toHaveTextContent('Te laat');
    expect(onTime).not.toHaveTextContent('Toestemming nodig');
    expect(within(late!).getByRole('link', { name: 'Emma Bakker, Logopedie: bekijk het traject' })).toHaveAttribute(
      'href',
      '/zorg/trajecten/t-long',
    );
  });

  it('folds the ended trajectories away', async () => {
    boardApi();
    renderBoard();
    const ended = await screen.findByTestId('board-ended');
    expect(ended.tagName).toBe('DETAILS');
    expect(ended).not.toHaveAttribute('open');
    expect(within(ended).getByText('Afgesloten en gestopt (1 traject)')).toBeInTheDocument();
    expect(within(screen.getByTestId('board-column-closed')).getByTestId('trajectory-card')).toHaveTextContent('Daan Smit');
  });

  it('filters by type, organisation and overdue through the request', async () => {
    const { requests } = boardApi();
    const user = userEvent.setup();
    renderBoard();
    await screen.findByText('4 trajecten.');
    await user.selectOptions(screen.getByLabelText('Soort hulp'), 'Jeugdhulp');
    await screen.findByText('Er zijn geen trajecten die bij uw keuze passen.');
    await user.selectOptions(screen.getByLabelText('Organisatie'), 'Zorgpartners Gooi');
    await user.click(screen.getByLabelText('Alleen trajecten die te lang wachten'));
    await waitFor(() => {
      const last = new URL(requests[requests.length - 1]!.url);
      expect(last.searchParams.get('type')).toBe('jeugdhulp');
      expect(last.searchParams.get('organisationId')).toBe(ORG_CARE);
      expect(last.searchParams.get('overdue')).toBe('true');
    });
  });
});
