import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/ui/router-link';
import { useFormatters } from '@/hooks/use-formatters';
import type { ChildPlan, PlanGoal } from '@/features/support/types';

/**
 * The one plan ("1 gezin, 1 plan"): every open goal for the child from every organisation, and
 * who works on it. What it holds depends on the reader (`view`): the team sees everything, the
 * daily team (teacher, pedagogisch medewerker) the goals shared with them and the tips, a parent
 * the goals and the notes written for parents.
 */
export function ChildPlanView({ plan }: { plan: ChildPlan }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const linkTrajectories = plan.view !== 'daily_team';

  return (
    <section aria-labelledby="child-plan-heading" className="kc-subsection" data-testid="child-plan" data-view={plan.view}>
      <Heading level={3} id="child-plan-heading">
        {t('support.plan.title')}
      </Heading>
      <Paragraph>{t(`support.plan.intro.${plan.view}`)}</Paragraph>

      {plan.view !== 'daily_team' && plan.trajectories.length > 0 ? (
        <>
          <Heading level={4}>{t('support.plan.trajectories')}</Heading>
          <ul className="kc-plain-list">
            {plan.trajectories.map((trajectory) => (
              <li key={trajectory.id} data-testid="plan-trajectory">
                <RouterLink to={`/zorg/trajecten/${trajectory.id}`}>
                  {t('support.plan.trajectoryLine', {
                    type: t(`consents.trajectoryTypes.${trajectory.type}`),
                    organisation: trajectory.organisationName,
                  })}
                </RouterLink>{' '}
                {t('support.plan.trajectoryStatus', { status: t(`support.statuses.${trajectory.status}`) })}
                {trajectory.coordinatorName
                  ? ` ${t('support.plan.coordinatedBy', { name: trajectory.coordinatorName })}`
                  : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <Heading level={4}>{t('support.plan.goals')}</Heading>
      {plan.goals.length === 0 ? <Paragraph>{t(`support.plan.noGoals.${plan.view}`)}</Paragraph> : null}
      {plan.goals.length > 0 ? (
        <ul className="kc-cards" aria-label={t('support.plan.goalsLabel')}>
          {plan.goals.map((goal) => (
            <li key={goal.id} className="kc-card" data-testid="plan-goal" data-goal-id={goal.id}>
              <PlanGoalItem goal={goal} link={linkTrajectories} />
            </li>
          ))}
        </ul>
      ) : null}

      {plan.view === 'guardian' ? (
        <>
          <Heading level={4}>{t('support.plan.notes')}</Heading>
          {plan.notes.length === 0 ? <Paragraph>{t('support.plan.noNotes')}</Paragraph> : null}
          {plan.notes.length > 0 ? (
            <ol className="kc-timeline" aria-label={t('support.plan.notesLabel')}>
              {plan.notes.map((note) => (
                <li key={note.id} className="kc-timeline__item" data-testid="plan-note">
                  <span className="kc-timeline__time">
                    <time dateTime={note.createdAt}>{format.dateTime(note.createdAt)}</time>
                    {', '}
                    {note.authorName}
                  </span>
                  <Paragraph className="kc-timeline__text">
                    <strong>{t(`support.noteKinds.${note.kind}`)}</strong>
                  </Paragraph>
                  <Paragraph className="kc-timeline__text kc-pre">{note.text}</Paragraph>
                </li>
              ))}
            </ol>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function PlanGoalItem({ goal, link }: { goal: PlanGoal; link: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const source = t('support.plan.goalSource', {
    type: t(`consents.trajectoryTypes.${goal.trajectoryType}`),
    organisation: goal.organisationName,
  });
  return (
    <>
      <Paragraph className="kc-card__text">
        <strong>{goal.text}</strong>
      </Paragraph>
      <Paragraph>
        {link ? <RouterLink to={`/zorg/trajecten/${goal.trajectoryId}`}>{source}</RouterLink> : source}
      </Paragraph>
      <Paragraph>
        {t('support.goals.status')}: {t(`support.goalStatuses.${goal.status}`)}
        {goal.targetDate ? ` · ${t('support.goals.targetDate', { date: format.date(goal.targetDate) })}` : ''}
      </Paragraph>
      {goal.workers.length > 0 ? (
        <Paragraph data-testid="plan-goal-workers">
          {t('support.plan.workers', { names: goal.workers.join(', ') })}
        </Paragraph>
      ) : null}
      {goal.dailyTeamAdvice ? (
        <Paragraph>
          <strong>{t('support.goals.advice')}:</strong> {goal.dailyTeamAdvice}
        </Paragraph>
      ) : null}
      {goal.sharedWithDailyTeam ? <Paragraph className="kc-muted">{t('support.goals.shared')}</Paragraph> : null}
    </>
  );
}
