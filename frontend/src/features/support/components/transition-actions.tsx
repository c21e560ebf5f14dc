import {
  Button,
  ButtonGroup,
  FormFieldTextarea,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/ui/select-field';
import { useCreateTransition } from '@/features/support/api/create-transition';
import { FormProblem } from '@/features/support/components/form-problem';
import {
  REFERRAL_DESTINATIONS,
  TRAJECTORY_OUTCOMES,
  type ReferralDestination,
  type TrajectoryOutcome,
  type TrajectoryRead,
  type TrajectoryStatus,
  type TransitionCreate,
} from '@/features/support/types';

type TransitionActionsProps = {
  trajectory: Pick<TrajectoryRead, 'id' | 'childId' | 'status' | 'allowedTransitions'>;
  /** Said after the step was taken, e.g. to a live region of the page. */
  onMoved?: (to: TrajectoryStatus) => void;
};

/**
 * The next steps the server allows (`allowedTransitions`), each a button; a step is taken
 * only after a confirmation. Closing asks how the trajectory ends, and a referral out of the
 * centre asks where to and why (referrals are counted: the aim is to need fewer).
 */
export function TransitionActions({ trajectory, onMoved }: TransitionActionsProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<TrajectoryStatus | null>(null);
  const buttons = useRef(new Map<TrajectoryStatus, HTMLButtonElement>());
  const returnTo = useRef<TrajectoryStatus | null>(null);

  useEffect(() => {
    if (target === null && returnTo.current) {
      buttons.current.get(returnTo.current)?.focus();
      returnTo.current = null;
    }
  }, [target]);

  if (trajectory.allowedTransitions.length === 0) return null;

  return (
    <section aria-labelledby="trajectory-transitions-heading" className="kc-section" data-testid="transition-actions">
      <Heading level={2} id="trajectory-transitions-heading">
        {t('support.transition.title')}
      </Heading>
      <Paragraph>
        {t('support.transition.current', { status: t(`support.statuses.${trajectory.status}`) })}
      </Paragraph>
      {target === null ? (
        <ButtonGroup>
          {trajectory.allowedTransitions.map((to) => (
            <Button
              key={to}
              ref={(element: HTMLButtonElement | null) => {
                if (element) buttons.current.set(to, element);
                else buttons.current.delete(to);
              }}
              type="button"
              appearance={to === 'cancelled' ? 'secondary-action-button' : 'primary-action-button'}
              data-testid={`transition-button-${to}`}
              onClick={() => setTarget(to)}
            >
              {t(`support.transition.actions.${to}`)}
            </Button>
          ))}
        </ButtonGroup>
      ) : (
        <ConfirmTransition
          trajectory={trajectory}
          to={target}
          onDone={(moved) => {
            if (moved) onMoved?.(target);
            else returnTo.current = target;
            setTarget(null);
          }}
        />
      )}
    </section>
  );
}

type FieldErrors = { outcome?: string; destination?: string; reason?: string };

function ConfirmTransition({
  trajectory,
  to,
  onDone,
}: {
  trajectory: TransitionActionsProps['trajectory'];
  to: TrajectoryStatus;
  onDone: (moved: boolean) => void;
}) {
  const { t } = useTranslation();
  const questionId = useId();
  const questionRef = useRef<HTMLParagraphElement>(null);
  const outcomeRef = useRef<HTMLSelectElement>(null);
  const destinationRef = useRef<HTMLSelectElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [outcome, setOutcome] = useState<TrajectoryOutcome | ''>('');
  const [destination, setDestination] = useState<ReferralDestination | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const move = useCreateTransition(trajectory.id, trajectory.childId, { onSuccess: () => onDone(true) });
  const closing = to === 'closed';
  const referring = closing && outcome === 'referred_out';

  useEffect(() => {
    questionRef.current?.focus();
  }, []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (move.isPending) return;
    const next: FieldErrors = {};
    if (closing && !outcome) next.outcome = t('support.transition.outcomeRequired');
    if (referring && !destination) next.destination = t('support.transition.destinationRequired');
    if (referring && !reason.trim()) next.reason = t('support.transition.reasonRequired');
    setErrors(next);
    const first = next.outcome
      ? outcomeRef.current
      : next.destination
        ? destinationRef.current
        : next.reason
          ? reasonRef.current
          : null;
    if (first) {
      first.focus();
      return;
    }
    const body: TransitionCreate = {
      to,
      ...(closing ? { outcome: outcome as TrajectoryOutcome } : {}),
      ...(referring ? { referral: { destination: destination as ReferralDestination, reason: reason.trim() } } : {}),
    };
    move.mutate(body);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      role="group"
      aria-labelledby={questionId}
      className="kc-confirm kc-form"
      data-testid="transition-confirm"
    >
      <Paragraph id={questionId} ref={questionRef} tabIndex={-1}>
        {t('support.transition.question', {
          from: t(`support.statuses.${trajectory.status}`),
          to: t(`support.statuses.${to}`),
        })}
      </Paragraph>
      <Paragraph>{t(`support.transition.explain.${to}`)}</Paragraph>
      {closing ? (
        <SelectField
          ref={outcomeRef}
          label={t('support.transition.outcome')}
          name="outcome"
          value={outcome}
          onChange={(value) => setOutcome(value as TrajectoryOutcome | '')}
          placeholder={t('support.transition.chooseOutcome')}
          options={TRAJECTORY_OUTCOMES.map((value) => ({ value, label: t(`support.outcomes.${value}`) }))}
          errorMessage={errors.outcome}
          required
        />
      ) : null}
      {referring ? (
        <>
          <SelectField
            ref={destinationRef}
            label={t('support.transition.destination')}
            name="referralDestination"
            value={destination}
            onChange={(value) => setDestination(value as ReferralDestination | '')}
            placeholder={t('support.transition.chooseDestination')}
            options={REFERRAL_DESTINATIONS.map((value) => ({
              value,
              label: t(`support.referralDestinations.${value}`),
            }))}
            description={t('support.transition.destinationHelp')}
            errorMessage={errors.destination}
            required
          />
          <FormFieldTextarea
            inputRef={reasonRef}
            name="referralReason"
            label={t('support.transition.reason')}
            value={reason}
            maxLength={1000}
            rows={3}
            onChange={(event) => setReason(event.target.value)}
            invalid={Boolean(errors.reason)}
            errorMessage={errors.reason}
            required
          />
        </>
      ) : null}
      {move.isError ? (
        <FormProblem
          error={move.error}
          messages={{ 409: t('support.transition.conflict'), 403: t('support.transition.forbidden') }}
          fields={{
            outcome: t('support.transition.outcome'),
            destination: t('support.transition.destination'),
            reason: t('support.transition.reason'),
          }}
        />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={move.isPending} data-testid="transition-confirm-button">
          {t('support.transition.confirm')}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          disabled={move.isPending}
          data-testid="transition-cancel-button"
          onClick={() => {
            move.reset();
            onDone(false);
          }}
        >
          {t('support.transition.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
