import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActions } from '@/components/ui/confirm-actions';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useConfirmStep } from '@/hooks/use-confirm-step';
import { useCancelEnrolment } from '@/features/activities/api/enrolments';
import { refusalOf } from '@/features/activities/utils/enrolment-problems';
import type { ActivityRead, EnrolmentRead } from '@/features/activities/types';

/**
 * "Uitschrijven", asked twice: the first press asks the question, the second takes the child
 * off the list (or the waiting list). A refusal is said in plain words.
 */
export function CancelEnrolment({
  activity,
  enrolment,
  onCancelled,
}: {
  activity: Pick<ActivityRead, 'id' | 'title'>;
  enrolment: EnrolmentRead;
  onCancelled: (enrolment: EnrolmentRead) => void;
}) {
  const { t } = useTranslation();
  const questionId = useId();
  const { confirming, startRef, questionRef, ask, cancel } = useConfirmStep();
  const cancellation = useCancelEnrolment(activity.id, { onSuccess: onCancelled });
  const names = { child: enrolment.childName, activity: activity.title };
  const waiting = enrolment.status === 'waitlisted';

  return (
    <div className="kc-activity-cancel">
      {cancellation.isError ? <CancelProblem error={cancellation.error} child={enrolment.childName} /> : null}
      {confirming ? (
        <div role="group" aria-labelledby={questionId} className="kc-confirm" data-testid="cancel-confirm">
          <Paragraph id={questionId} ref={questionRef} tabIndex={-1}>
            {t(waiting ? 'activities.cancel.questionWaiting' : 'activities.cancel.question', names)}
          </Paragraph>
          <ConfirmActions
            className="kc-activity-actions"
            confirmLabel={t('activities.cancel.confirm')}
            keepLabel={t('activities.cancel.keep')}
            busy={cancellation.isPending}
            onConfirm={() => cancellation.mutate(enrolment.id)}
            onKeep={() => {
              cancellation.reset();
              cancel();
            }}
          />
        </div>
      ) : (
        <ButtonGroup className="kc-activity-actions">
          <Button
            ref={startRef}
            type="button"
            appearance="secondary-action-button"
            onClick={() => {
              cancellation.reset();
              ask();
            }}
          >
            {t('activities.cancel.start')}
            {' '}<span className="kc-visually-hidden">{t('activities.cancel.startFor', { child: enrolment.childName })}</span>
          </Button>
        </ButtonGroup>
      )}
    </div>
  );
}

function CancelProblem({ error, child }: { error: unknown; child: string }) {
  const { t } = useTranslation();
  const refusal = refusalOf(error);
  if (refusal === 'alreadyCancelled' || refusal === 'notAllowed' || refusal === 'unknownChild') {
    return (
      <Alert type="error" className="kc-alert" data-testid="cancel-problem">
        <Paragraph>{t(`activities.cancel.problems.${refusal}`, { child })}</Paragraph>
      </Alert>
    );
  }
  return (
    <div data-testid="cancel-problem">
      <ProblemAlert error={error} />
    </div>
  );
}
