import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import type { ChildRead } from '@/features/children/api/get-children';
import { useEnrol } from '@/features/activities/api/enrolments';
import { ageRangeText } from '@/features/activities/utils/format';
import { refusalOf } from '@/features/activities/utils/enrolment-problems';
import type { ActivityRead, EnrolmentRead } from '@/features/activities/types';

const childName = (child: ChildRead) => `${child.givenName} ${child.familyName}`;

/**
 * "Inschrijven": the guardian chooses which of their children, and the server enrols the child
 * or puts it on the waiting list. A refusal (age, group, closed, already on the list) is said
 * in plain words for that reason.
 */
export function EnrolForm({
  activity,
  eligible,
  onEnrolled,
}: {
  activity: ActivityRead;
  /** The guardian's children who may still be enrolled here (of this centre, not on the list yet). */
  eligible: ChildRead[];
  onEnrolled: (enrolment: EnrolmentRead) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [childId, setChildId] = useState('');
  const [missing, setMissing] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const wasOpen = useRef(false);
  // Set when the form closes because the enrolment went through: the status line has the focus.
  const enrolled = useRef(false);
  const enrol = useEnrol(activity.id, {
    onSuccess: (enrolment) => {
      enrolled.current = true;
      setOpen(false);
      onEnrolled(enrolment);
    },
  });

  // Opening moves focus to the first choice; closing without enrolling back to the button.
  useEffect(() => {
    if (open) firstRef.current?.focus();
    else if (wasOpen.current && !enrolled.current) openerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const chosen = eligible.find((child) => child.id === childId);

  function start() {
    enrolled.current = false;
    enrol.reset();
    setMissing(false);
    setChildId(eligible.length === 1 ? eligible[0]!.id : '');
    setOpen(true);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (enrol.isPending) return;
    if (!chosen) {
      setMissing(true);
      firstRef.current?.focus();
      return;
    }
    enrol.mutate(chosen.id);
  }

  if (!open) {
    return (
      <ButtonGroup className="kc-activity-actions">
        <Button ref={openerRef} type="button" appearance="primary-action-button" onClick={start} data-testid="enrol-start">
          {t('activities.enrol.start')}
          {' '}<span className="kc-visually-hidden">{t('activities.enrol.startFor', { activity: activity.title })}</span>
        </Button>
      </ButtonGroup>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-activity-enrol" data-testid="enrol-form">
      <Fieldset invalid={missing} aria-describedby={missing ? `${id}-error` : undefined}>
        <FieldsetLegend>{t('activities.enrol.which', { activity: activity.title })}</FieldsetLegend>
        {missing ? <FormFieldErrorMessage id={`${id}-error`}>{t('activities.enrol.chooseChild')}</FormFieldErrorMessage> : null}
        {eligible.map((child, index) => (
          <FormField key={child.id} type="radio" className="kc-activity-choice">
            <div className="utrecht-form-field__input">
              <RadioButton
                ref={index === 0 ? firstRef : undefined}
                id={`${id}-${child.id}`}
                name={`${id}-child`}
                value={child.id}
                checked={childId === child.id}
                invalid={missing}
                onChange={() => {
                  setChildId(child.id);
                  setMissing(false);
                }}
              />
            </div>
            <div className="utrecht-form-field__label utrecht-form-field__label--radio">
              <FormLabel htmlFor={`${id}-${child.id}`} type="radio">
                {childName(child)}
              </FormLabel>
            </div>
          </FormField>
        ))}
      </Fieldset>
      {activity.placesLeft === 0 ? <Paragraph>{t('activities.enrol.fullWarning')}</Paragraph> : null}
      {enrol.isError ? <EnrolProblem error={enrol.error} activity={activity} child={chosen ? childName(chosen) : ''} /> : null}
      <ButtonGroup className="kc-activity-actions">
        <Button type="submit" appearance="primary-action-button" busy={enrol.isPending} data-testid="enrol-submit">
          {t('activities.enrol.submit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" disabled={enrol.isPending} onClick={() => setOpen(false)}>
          {t('activities.enrol.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** Why the child was not enrolled, for that reason; the server's words only when we have none. */
function EnrolProblem({ error, activity, child }: { error: unknown; activity: ActivityRead; child: string }) {
  const { t } = useTranslation();
  const refusal = refusalOf(error);
  if (!refusal) {
    return (
      <div data-testid="enrol-problem">
        <ProblemAlert error={error} />
      </div>
    );
  }
  const values = { child, activity: activity.title, ages: ageRangeText(t, activity) };
  return (
    <Alert type="error" className="kc-alert" data-testid="enrol-problem">
      <Paragraph>{t(`activities.enrol.refused.${refusal}`, values)}</Paragraph>
    </Alert>
  );
}
