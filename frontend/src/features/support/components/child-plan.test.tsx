import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChildPlanView } from '@/features/support/components/child-plan';
import { plan } from '@/features/support/testing/fixtures';
import type { ChildPlan, NoteRead, PlanGoal } from '@/features/support/types';
import { renderWithProviders, setupApi } from '@/test/utils';

const sharedGoal: PlanGoal = {
  id: 'g-shared',
  trajectoryId: 't-logo',
  trajectoryType: 'logopedie',
  organisationName: 'Zorgpartners Gooi',
  text: 'Noah spreekt de s-klank goed uit in korte zinnen.',
  targetDate: '2026-06-30',
  status: 'open',
  sharedWithDailyTeam: true,
  dailyTeamAdvice: 'Laat Noah in de kring eerst luisteren, dan nazeggen.',
  workers: ['Lisa Logopedie', 'Ingrid Bakker'],
};

const privateGoal: PlanGoal = {
  ...sharedGoal,
  id: 'g-private',
  text: 'Mondmotoriek oefenen.',
  targetDate: null,
  sharedWithDailyTeam: false,
  dailyTeamAdvice: null,
  workers: ['Lisa Logopedie'],
};

const noteForParents: NoteRead = {
  id: 'n1',
  trajectoryId: 't-logo',
  kind: 'note',
  visibility: 'team_and_guardians',
  text: 'Noah werkt goed mee.',
  participants: null,
  decisions: null,
  authorId: 'u-logo',
  authorName: 'Lisa Logopedie',
  replacesId: null,
  replacedById: null,
  createdAt: '2026-03-10T10:00:00+01:00',
};

const trajectories: ChildPlan['trajectories'] = [
  { id: 't-logo', type: 'logopedie', status: 'active', organisationName: 'Zorgpartners Gooi', coordinatorName: 'Lisa Logopedie' },
];

function renderPlan(value: ChildPlan) {
  const store = setupApi();
  return renderWithProviders(<ChildPlanView plan={value} />, store);
}

describe('the one plan', () => {
  it('shows the team every goal, who works on it, and links to the trajectories', () => {
    renderPlan(plan({ view: 'team', trajectories, goals: [sharedGoal, privateGoal] }));
    const section = screen.getByTestId('child-plan');
    expect(section).toHaveAttribute('data-view', 'team');
    expect(screen.getByRole('heading', { level: 3, name: 'Het plan' })).toBeInTheDocument();
    expect(screen.getByText('Alle doelen van alle hulp voor dit kind, van elke organisatie.')).toBeInTheDocument();
    const [trajectory] = screen.getAllByTestId('plan-trajectory');
    expect(trajectory).toHaveTextContent('Logopedie door Zorgpartners Gooi (Actief) Coördinator: Lisa Logopedie.');
    expect(within(trajectory!).getByRole('link')).toHaveAttribute('href', '/zorg/trajecten/t-logo');
    const goals = screen.getAllByTestId('plan-goal');
    expect(goals).toHaveLength(2);
    expect(within(goals[0]!).getByTestId('plan-goal-workers')).toHaveTextContent(
      'Wie werkt hieraan: Lisa Logopedie, Ingrid Bakker',
    );
    expect(goals[0]).toHaveTextContent('Tip voor de klas of groep: Laat Noah in de kring eerst luisteren, dan nazeggen.');
    expect(goals[0]).toHaveTextContent('klaar op 30 juni 2026');
    expect(within(goals[1]!).getByRole('link', { name: 'Logopedie, Zorgpartners Gooi' })).toHaveAttribute(
      'href',
      '/zorg/trajecten/t-logo',
    );
    expect(screen.queryByRole('heading', { name: 'Berichten voor u' })).not.toBeInTheDocument();
  });

  it('shows the daily team the shared goals and tips, without trajectories or links', () => {
    renderPlan(plan({ view: 'daily_team', goals: [sharedGoal] }));
    expect(screen.getByTestId('child-plan')).toHaveAttribute('data-view', 'daily_team');
    expect(screen.getByText(/De doelen die het zorgteam met de klas of groep deelt/)).toBeInTheDocument();
    expect(screen.queryByTestId('plan-trajectory')).not.toBeInTheDocument();
    const [goal] = screen.getAllByTestId('plan-goal');
    expect(goal).toHaveTextContent('Noah spreekt de s-klank goed uit in korte zinnen.');
    expect(goal).toHaveTextContent('Tip voor de klas of groep');
    expect(within(goal!).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByTestId('plan-note')).not.toBeInTheDocument();
  });

  it('tells the daily team when nothing is shared with them', () => {
    renderPlan(plan({ view: 'daily_team' }));
    expect(screen.getByText('Er zijn geen doelen met u gedeeld.')).toBeInTheDocument();
  });

  it('shows a parent the goals and the notes written for parents', () => {
    renderPlan(plan({ view: 'guardian', trajectories, goals: [sharedGoal, privateGoal], notes: [noteForParents] }));
    expect(screen.getByTestId('child-plan')).toHaveAttribute('data-view', 'guardian');
    expect(screen.getByText(/Alle hulp en alle doelen voor uw kind bij elkaar/)).toBeInTheDocument();
    expect(screen.getAllByTestId('plan-goal')).toHaveLength(2);
    expect(screen.getByRole('heading', { level: 4, name: 'Berichten voor u' })).toBeInTheDocument();
    const [note] = screen.getAllByTestId('plan-note');
    expect(note).toHaveTextContent('Noah werkt goed mee.');
    expect(note).toHaveTextContent('Lisa Logopedie');
  });

  it('tells a parent when there are no notes yet', () => {
    renderPlan(plan({ view: 'guardian' }));
    expect(screen.getByText('Er zijn nog geen berichten voor u.')).toBeInTheDocument();
    expect(screen.getByText('Er zijn nog geen doelen.')).toBeInTheDocument();
  });
});
