import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/ui/router-link';
import { useFormatters } from '@/hooks/use-formatters';
import { StaffText } from '@/features/parent-child/components/staff-text';
import type { ChildPlan, TrajectoryRead } from '@/features/parent-child/types';
import { childPaths } from '@/features/parent-child/utils/paths';

type PlanGoal = ChildPlan['goals'][number];
type PlanNote = ChildPlan['notes'][number];

const ENDED = new Set<TrajectoryRead['status']>(['closed', 'cancelled']);

/**
 * "Steun": each trajectory of the child with its status in plain words, the goals the plan
 * holds for it and the notes written for the parents (the plan's guardian view). Goals and
 * notes are staff texts: shown as written, marked as Dutch. Ended help folds away.
 */
export function ChildSupportSummary({
  childId,
  name,
  trajectories,
  plan,
}: {
  childId: string;
  name: string;
  trajectories: TrajectoryRead[];
  plan: ChildPlan | null | undefined;
}) {
  const { t } = useTranslation();
  const goals = plan?.goals ?? [];
  const notes = plan?.notes ?? [];
  const running = trajectories.filter((trajectory) => !ENDED.has(trajectory.status));
  const ended = trajectories.filter((trajectory) => ENDED.has(trajectory.status));
  const known = new Set(trajectories.map((trajectory) => trajectory.id));
  // Goals and notes of a trajectory not in the list (should not happen): still shown, on their own.
  const looseGoals = goals.filter((goal) => !known.has(goal.trajectoryId));
  const looseNotes = notes.filter((note) => !known.has(note.trajectoryId));

  return (
    <section aria-labelledby="support-heading" className="kc-section" data-testid="child-support">
      <Heading level={2} id="support-heading">
        {t('parentChild.support.title')}
      </Heading>
      <Paragraph>{t('parentChild.support.intro', { name })}</Paragraph>
      {trajectories.length === 0 && looseGoals.length === 0 ? (
        <Paragraph data-testid="support-empty">{t('parentChild.support.empty', { name })}</Paragraph>
      ) : null}
      {running.length > 0 ? (
        <TrajectoryList childId={childId} trajectories={running} goals={goals} notes={notes} />
      ) : null}
      {looseGoals.length > 0 || looseNotes.length > 0 ? (
        <div className="kc-card kc-support-item">
          <Goals goals={looseGoals} />
          <Notes notes={looseNotes} />
        </div>
      ) : null}
      {ended.length > 0 ? (
        <details className="kc-support-ended" data-testid="support-ended">
          <summary>{t('parentChild.support.ended', { count: ended.length })}</summary>
          <TrajectoryList childId={childId} trajectories={ended} goals={goals} notes={notes} />
        </details>
      ) : null}
    </section>
  );
}

/** The trajectories, each with the plan's goals and notes for it. */
function TrajectoryList({
  childId,
  trajectories,
  goals,
  notes,
}: {
  childId: string;
  trajectories: TrajectoryRead[];
  goals: PlanGoal[];
  notes: PlanNote[];
}) {
  return (
    <ul className="kc-plain-list kc-support-list">
      {trajectories.map((trajectory) => (
        <TrajectoryItem
          key={trajectory.id}
          childId={childId}
          trajectory={trajectory}
          goals={goals.filter((goal) => goal.trajectoryId === trajectory.id)}
          notes={notes.filter((note) => note.trajectoryId === trajectory.id)}
        />
      ))}
    </ul>
  );
}

function TrajectoryItem({
  childId,
  trajectory,
  goals,
  notes,
}: {
  childId: string;
  trajectory: TrajectoryRead;
  goals: PlanGoal[];
  notes: PlanNote[];
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const type = t(`consents.trajectoryTypes.${trajectory.type}`);
  const since = trajectory.startedAt ?? trajectory.requestedAt;
  return (
    <li className="kc-card kc-support-item" data-testid="support-trajectory" data-status={trajectory.status}>
      <Heading level={3} className="kc-support-item__title">
        {t('parentChild.support.line', { type, organisation: trajectory.organisationName })}
      </Heading>
      <Paragraph>
        <strong>{t(`parentChild.support.statuses.${trajectory.status}`)}</strong>
        {trajectory.status === 'requested'
          ? ` · ${t('parentChild.support.requestedOn', { date: format.date(trajectory.requestedAt) })}`
          : trajectory.startedAt && !ENDED.has(trajectory.status)
            ? ` · ${t('parentChild.support.since', { date: format.date(since) })}`
            : ''}
      </Paragraph>
      {trajectory.coordinatorName ? (
        <Paragraph>{t('parentChild.support.coordinator', { name: trajectory.coordinatorName })}</Paragraph>
      ) : null}
      {trajectory.consentNeeded ? (
        <Paragraph className="kc-flag" data-testid="support-consent-needed">
          {t('parentChild.support.consentNeeded', { organisation: trajectory.organisationName })}{' '}
          <RouterLink to={childPaths(childId).consents}>{t('parentChild.support.giveConsent')}</RouterLink>
        </Paragraph>
      ) : null}
      <Goals goals={goals} />
      <Notes notes={notes} />
    </li>
  );
}

function Goals({ goals }: { goals: PlanGoal[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (goals.length === 0) return null;
  return (
    <>
      <Heading level={4}>{t('parentChild.support.goals')}</Heading>
      <ul className="kc-plain-list kc-support-goals">
        {goals.map((goal) => (
          <li key={goal.id} data-testid="support-goal">
            <StaffText text={goal.text} strong />
            <Paragraph className="kc-muted">
              {t(`parentChild.support.goalStatuses.${goal.status}`)}
              {goal.targetDate ? ` · ${t('parentChild.support.targetDate', { date: format.date(goal.targetDate) })}` : ''}
            </Paragraph>
          </li>
        ))}
      </ul>
    </>
  );
}

function Notes({ notes }: { notes: PlanNote[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // A corrected note shows in its newest version only.
  const newestFirst = notes.filter((note) => !note.replacedById).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (newestFirst.length === 0) return null;
  return (
    <>
      <Heading level={4}>{t('parentChild.support.notes')}</Heading>
      <ol className="kc-plain-list kc-support-notes">
        {newestFirst.map((note) => (
          <li key={note.id} data-testid="support-note">
            <Paragraph className="kc-muted">
              <time dateTime={note.createdAt}>{format.dateTime(note.createdAt)}</time>
              {', '}
              {t('parentChild.support.noteBy', { name: note.authorName })}
            </Paragraph>
            <StaffText text={note.text} />
          </li>
        ))}
      </ol>
    </>
  );
}
