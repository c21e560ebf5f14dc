import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmActions } from '@/components/ui/confirm-actions';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useConfirmStep } from '@/hooks/use-confirm-step';
import { useDeleteActivity } from '@/features/activities/api/activities';
import { EditActivityForm } from '@/features/activities/components/activity-form';
import type { ActivityRead } from '@/features/activities/types';

/** What the catalogue is told after an activity was removed (the router's location state). */
export type DeletedActivityState = { deletedActivity: string };

/**
 * For the people who run the activity: "Bewerken" (the form, filled in) and "Verwijderen"
 * (asked first; then back to the catalogue). After saving, what changed for the waiting list is
 * said in words.
 */
export function ActivityAdmin({ activity }: { activity: ActivityRead }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState('');
  const editRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  const saved = (updated: ActivityRead, before: ActivityRead) => {
    const moved = Math.max(0, before.waitlistCount - updated.waitlistCount);
    const done = t('activities.form.saved');
    setMessage(moved > 0 ? `${done} ${t('activities.form.movedUp', { count: moved })}` : done);
    setEditing(false);
    window.setTimeout(() => statusRef.current?.focus(), 0);
  };

  return (
    <div className="kc-activity-admin" data-testid="activity-admin">
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status" data-testid="activity-admin-message">
        {message ? <Paragraph className="kc-activity-message">{message}</Paragraph> : null}
      </div>
      {editing ? (
        <EditActivityForm
          activity={activity}
          onSaved={saved}
          onCancel={() => {
            setEditing(false);
            window.setTimeout(() => editRef.current?.focus(), 0);
          }}
        />
      ) : (
        <>
          <ButtonGroup className="kc-activity-actions">
            <Button
              ref={editRef}
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                setMessage('');
                setEditing(true);
              }}
              data-testid="activity-edit"
            >
              {t('activities.form.edit')}
            </Button>
          </ButtonGroup>
          <DeleteActivity activity={activity} />
        </>
      )}
    </div>
  );
}

/** "Verwijderen", asked twice: the question says what goes with it. */
function DeleteActivity({ activity }: { activity: ActivityRead }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const questionId = useId();
  const { confirming, startRef, questionRef, ask, cancel } = useConfirmStep();
  const removal = useDeleteActivity(activity.id, {
    onSuccess: () =>
      navigate('/activiteiten', { state: { deletedActivity: activity.title } satisfies DeletedActivityState }),
  });
  const children = activity.enrolledCount + activity.waitlistCount;

  if (!confirming) {
    return (
      <ButtonGroup className="kc-activity-actions">
        <Button
          ref={startRef}
          type="button"
          appearance="secondary-action-button"
          onClick={() => {
            removal.reset();
            ask();
          }}
          data-testid="activity-delete"
        >
          {t('activities.remove.start')}
        </Button>
      </ButtonGroup>
    );
  }
  return (
    <div role="group" aria-labelledby={questionId} className="kc-confirm kc-activity-confirm" data-testid="activity-delete-confirm">
      <Paragraph id={questionId} ref={questionRef} tabIndex={-1}>
        {t('activities.remove.question', { activity: activity.title })}{' '}
        {children > 0 ? t('activities.remove.children', { count: children }) : null}
      </Paragraph>
      {removal.isError ? (
        <ProblemAlert error={removal.error} messages={{ 403: t('activities.remove.forbidden'), 404: t('activities.detail.notFound') }} />
      ) : null}
      <ConfirmActions
        className="kc-activity-actions"
        danger
        confirmLabel={t('activities.remove.confirm')}
        keepLabel={t('activities.remove.keep')}
        busy={removal.isPending}
        onConfirm={() => removal.mutate()}
        onKeep={cancel}
      />
    </div>
  );
}
