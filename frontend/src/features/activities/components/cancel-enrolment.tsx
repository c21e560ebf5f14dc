import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useCancelEnrolment } from '@/features/activities/api/enrolments';
import { AskTwice } from '@/features/activities/components/ask-twice';
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
  const cancellation = useCancelEnrolment(activity.id, { onSuccess: onCancelled });
  const names = { child: enrolment.childName, activity: activity.title };
  const waiting = enrolment.status === 'waitlisted';

  return (
    <div className="kc-activity-cancel">
      {cancellation.isError ? <CancelProblem error={cancellation.error} child={enrolment.childName} /> : null}
      <AskTwice
        question={t(waiting ? 'activities.cancel.questionWaiting' : 'activities.cancel.question', names)}
        confirmLabel={t('activities.cancel.confirm')}
        keepLabel={t('activities.cancel.keep')}
        startLabel={t('activities.cancel.start')}
        startFor={t('activities.cancel.startFor', { child: enrolment.childName })}
        startAppearance="secondary-action-button"
        busy={cancellation.isPending}
        onConfirm={() => cancellation.mutate(enrolment.id)}
        onReset={() => cancellation.reset()}
        testId="cancel-confirm"
      />
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
