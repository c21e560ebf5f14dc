import { Button, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActions } from '@/components/ui/confirm-actions';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useConfirmStep } from '@/hooks/use-confirm-step';
import { useCancelSession } from '@/features/activities/api/sessions';
import type { ActivitySession } from '@/features/activities/types';

/**
 * "Afzeggen" of a coming session, asked twice: the first press asks, the second calls it off
 * (its room is free again). The list is asked again and shows it as "Afgezegd".
 */
export function CancelSession({
  activityId,
  session,
  when,
  onCancelled,
}: {
  activityId: string;
  session: ActivitySession;
  /** The session's day and times in words. */
  when: string;
  onCancelled: (session: ActivitySession) => void;
}) {
  const { t } = useTranslation();
  const questionId = useId();
  const { confirming, startRef, questionRef, ask, cancel } = useConfirmStep();
  const cancellation = useCancelSession(activityId, { onSuccess: onCancelled });

  if (!confirming) {
    return (
      <Button
        ref={startRef}
        type="button"
        appearance="subtle-button"
        className="kc-activity-session__action"
        onClick={() => {
          cancellation.reset();
          ask();
        }}
      >
        {t('activities.sessions.cancel')}
        {' '}<span className="kc-visually-hidden">{when}</span>
      </Button>
    );
  }
  return (
    <div role="group" aria-labelledby={questionId} className="kc-confirm kc-activity-session__confirm" data-testid="session-cancel-confirm">
      <Paragraph id={questionId} ref={questionRef} tabIndex={-1}>
        {t('activities.sessions.cancelQuestion', { when })}
      </Paragraph>
      {cancellation.isError ? (
        <div data-testid="session-cancel-problem">
          <ProblemAlert
            error={cancellation.error}
            messages={{ 403: t('activities.sessions.cancelForbidden'), 409: t('activities.sessions.alreadyCancelled') }}
          />
        </div>
      ) : null}
      <ConfirmActions
        className="kc-activity-actions"
        confirmLabel={t('activities.sessions.cancelConfirm')}
        keepLabel={t('activities.sessions.cancelKeep')}
        busy={cancellation.isPending}
        onConfirm={() => cancellation.mutate(session.id)}
        onKeep={() => {
          cancellation.reset();
          cancel();
        }}
      />
    </div>
  );
}
