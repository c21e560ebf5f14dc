import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { RouterLink } from '@/components/ui/router-link';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api-client';
import { useTrajectory } from '@/features/support/api/get-trajectory';
import { TransitionActions } from '@/features/support/components/transition-actions';
import { TrajectoryGoals } from '@/features/support/components/trajectory-goals';
import { TrajectoryNotes } from '@/features/support/components/trajectory-notes';
import { TrajectorySessions } from '@/features/support/components/trajectory-sessions';
import { TrajectoryEdit } from '@/features/support/components/trajectory-edit-form';
import { TrajectorySummary } from '@/features/support/components/trajectory-summary';
import { TrajectoryTeam } from '@/features/support/components/trajectory-team';
import { OPEN_STATUSES, type TrajectoryStatus } from '@/features/support/types';

type TrajectoryPageProps = {
  trajectoryId: string;
  /** The logged-in user: their own notes can be corrected. */
  myId: string | undefined;
  /**
   * Guardians read: they get what the server shows them (the notes meant for them) and no
   * forms. Whoever else reaches this page is on the trajectory's team.
   */
  readOnly: boolean;
};

const isOpen = (status: TrajectoryStatus) => (OPEN_STATUSES as readonly string[]).includes(status);

/** The trajectory page: everything in one request (`?expand=goals,sessions,notes,team,transitions`). */
export function TrajectoryPage({ trajectoryId, myId, readOnly }: TrajectoryPageProps) {
  const { t } = useTranslation();
  const trajectory = useTrajectory(trajectoryId);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const notFound = trajectory.error instanceof ApiError && trajectory.error.status === 404;
  const data = trajectory.data;
  const title = data
    ? t('support.page.title', { type: t(`consents.trajectoryTypes.${data.type}`), name: data.childName })
    : undefined;
  useDocumentTitle(notFound ? t('support.page.notFoundTitle') : title);

  const announce = useCallback((text: string) => {
    setMessage(text);
  }, []);

  const canEdit = Boolean(data && !readOnly && isOpen(data.status));
  const scope = { trajectoryId, childId: data?.childId ?? '' };
  const embedded = data?.embedded ?? {};

  return (
    <div className="kc-trajectory" data-testid="trajectory-page">
      <Paragraph className="kc-back">
        {readOnly && data ? (
          <RouterLink to={`/children/${data.childId}`}>{t('support.page.backToChild', { name: data.childName })}</RouterLink>
        ) : (
          <RouterLink to="/zorg">{t('support.page.backToBoard')}</RouterLink>
        )}
      </Paragraph>
      {trajectory.isPending ? <Loading /> : null}
      {notFound ? (
        <>
          <Heading level={1}>{t('support.page.notFoundTitle')}</Heading>
          <Paragraph>{t('support.page.notFound')}</Paragraph>
        </>
      ) : null}
      {trajectory.isError && !notFound ? <ProblemAlert error={trajectory.error} /> : null}
      {data ? (
        <>
          <Heading level={1}>{title}</Heading>
          {!readOnly ? (
            <Paragraph>
              <RouterLink to={`/children/${data.childId}`}>{t('support.page.toChild', { name: data.childName })}</RouterLink>
            </Paragraph>
          ) : null}
          <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status" data-testid="trajectory-message">
            {message ? <Paragraph>{message}</Paragraph> : null}
          </div>
          {!isOpen(data.status) ? <Paragraph>{t('support.page.ended')}</Paragraph> : null}
          <TrajectorySummary trajectory={data} forGuardian={readOnly} />
          {canEdit ? (
            <TrajectoryEdit
              trajectory={data}
              onSaved={() => {
                announce(t('support.edit.saved'));
                statusRef.current?.focus();
              }}
            />
          ) : null}
          {!readOnly ? (
            <TransitionActions
              trajectory={data}
              onMoved={(to) => {
                announce(t('support.transition.moved', { status: t(`support.statuses.${to}`) }));
                statusRef.current?.focus();
              }}
            />
          ) : null}
          {embedded.goals ? (
            <TrajectoryGoals
              scope={scope}
              organisationName={data.organisationName}
              goals={embedded.goals}
              canEdit={canEdit}
              announce={announce}
            />
          ) : null}
          {embedded.sessions ? (
            <TrajectorySessions scope={scope} sessions={embedded.sessions} canEdit={canEdit} announce={announce} />
          ) : null}
          {embedded.notes ? (
            <TrajectoryNotes scope={scope} notes={embedded.notes} canEdit={canEdit} myId={myId} announce={announce} />
          ) : null}
          {embedded.team ? <TrajectoryTeam members={embedded.team} /> : null}
        </>
      ) : null}
    </div>
  );
}
