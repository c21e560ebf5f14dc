import {
  Alert,
  Button,
  ButtonGroup,
  FormFieldTextarea,
  FormFieldTextbox,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/ui/select-field';
import { todayIsoDate } from '@/lib/format';
import { useProfessionals, type ProfessionalRead } from '@/features/support/api/get-partners';
import { useDecideSignal } from '@/features/support/api/signals';
import { FormProblem } from '@/features/support/components/form-problem';
import { RadioGroup } from '@/features/support/components/radio-group';
import { addDays } from '@/features/support/utils/week';
import {
  SIGNAL_DECISIONS,
  TRAJECTORY_LOCATIONS,
  TRAJECTORY_TYPES,
  type OrganisationOption,
  type SignalDecision,
  type SignalDecisionCreate,
  type SignalRead,
  type TrajectoryLocation,
  type TrajectoryType,
} from '@/features/support/types';

/** A consent as the child page has it, enough to tell whether a request would wait for one. */
export type KnownConsent = {
  organisationId: string;
  purpose: string;
  trajectoryType?: string | null;
  inForce: boolean;
};

type SignalDecisionFormProps = {
  signal: SignalRead;
  organisations: OrganisationOption[];
  /** On the child page the consents are known; elsewhere the form says what happens without one. */
  consents?: KnownConsent[];
  onDecided: (signal: SignalRead) => void;
  onCancel: () => void;
};

type FieldErrors = {
  decision?: string;
  reviewOn?: string;
  reason?: string;
  type?: string;
  organisationId?: string;
};

export type DecisionErrorCode =
  | 'decisionRequired'
  | 'reviewOnRequired'
  | 'reviewOnFuture'
  | 'reasonRequired'
  | 'typeRequired'
  | 'organisationRequired';

export type DecisionValues = {
  decision: SignalDecision | '';
  reviewOn: string;
  reason: string;
  type: string;
  organisationId: string;
};

/**
 * What each decision needs, as the API checks it: a date after today to look again (`watch`),
 * a reason (`no_action`), the kind of support and the organisation (`support_requested`).
 */
export function decisionErrors(
  values: DecisionValues,
  today: string,
): Partial<Record<keyof FieldErrors, DecisionErrorCode>> {
  const errors: Partial<Record<keyof FieldErrors, DecisionErrorCode>> = {};
  if (!values.decision) errors.decision = 'decisionRequired';
  if (values.decision === 'watch') {
    if (!values.reviewOn) errors.reviewOn = 'reviewOnRequired';
    else if (values.reviewOn <= today) errors.reviewOn = 'reviewOnFuture';
  }
  if (values.decision === 'no_action' && !values.reason.trim()) errors.reason = 'reasonRequired';
  if (values.decision === 'support_requested') {
    if (!values.type) errors.type = 'typeRequired';
    if (!values.organisationId) errors.organisationId = 'organisationRequired';
  }
  return errors;
}

/** Who may coordinate a trajectory: as the API checks it, a professional of the providing organisation. */
const COORDINATOR_ROLES: ReadonlySet<ProfessionalRead['role']> = new Set(['care_professional', 'staff', 'org_admin']);

/**
 * The coordinator choice: the organisation's professionals who may coordinate (a centre
 * administrator may not), each once (one person can hold two roles), by name.
 */
export function coordinatorOptions(professionals: ProfessionalRead[]): { value: string; label: string }[] {
  const found = new Map<string, string>();
  for (const professional of professionals) {
    if (COORDINATOR_ROLES.has(professional.role)) found.set(professional.userId, professional.displayName);
  }
  return [...found]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl') || a.value.localeCompare(b.value));
}

/**
 * The contact person or care coordinator decides on a signal: talked it over with the parents,
 * keep an eye on it until a date, ask for support (which creates the trajectory request), or no
 * action with a reason. For a request it says who will see it and whose consent it waits for.
 */
export function SignalDecisionForm({
  signal,
  organisations,
  consents,
  onDecided,
  onCancel,
}: SignalDecisionFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [decision, setDecision] = useState<SignalDecision | ''>('');
  const [reviewOn, setReviewOn] = useState('');
  const [reason, setReason] = useState('');
  const [type, setType] = useState<TrajectoryType | ''>(signal.requestedType ?? '');
  const [organisationId, setOrganisationId] = useState('');
  const [coordinatorId, setCoordinatorId] = useState('');
  const [location, setLocation] = useState<TrajectoryLocation>('in_centre');
  const [errors, setErrors] = useState<FieldErrors>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const decisionRef = useRef<HTMLInputElement>(null);
  const reviewRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const typeRef = useRef<HTMLSelectElement>(null);
  const organisationRef = useRef<HTMLSelectElement>(null);
  const decide = useDecideSignal(signal, { onSuccess: onDecided });
  const requesting = decision === 'support_requested';
  const professionals = useProfessionals(requesting ? organisationId : '');
  const today = todayIsoDate();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const candidates = useMemo(
    () => (organisationId ? coordinatorOptions(professionals.data ?? []) : []),
    [organisationId, professionals.data],
  );

  const organisationName = organisations.find((org) => org.id === organisationId)?.name ?? '';
  const typeLabel = type ? t(`consents.trajectoryTypes.${type}`) : '';
  const consentKnown = consents !== undefined;
  const consentInForce =
    consentKnown &&
    consents.some(
      (consent) =>
        consent.inForce &&
        consent.purpose === 'trajectory' &&
        consent.organisationId === organisationId &&
        consent.trajectoryType === type,
    );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (decide.isPending) return;
    const codes = decisionErrors({ decision, reviewOn, reason, type, organisationId }, today);
    const next: FieldErrors = Object.fromEntries(
      Object.entries(codes).map(([field, code]) => [field, t(`support.decision.${code}`)]),
    );
    setErrors(next);
    const first = next.decision
      ? decisionRef.current
      : next.reviewOn
        ? reviewRef.current
        : next.reason
          ? reasonRef.current
          : next.type
            ? typeRef.current
            : next.organisationId
              ? organisationRef.current
              : null;
    if (first) {
      first.focus();
      return;
    }
    const body: SignalDecisionCreate = { decision: decision as SignalDecision };
    if (decision === 'watch') body.reviewOn = reviewOn;
    if (reason.trim() && decision !== 'support_requested') body.reason = reason.trim();
    if (requesting) {
      body.trajectory = {
        type: type as TrajectoryType,
        organisationId,
        location,
        ...(coordinatorId ? { coordinatorId } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      };
    }
    decide.mutate(body);
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-subform" aria-labelledby={headingId} data-testid="decision-form">
      <Heading level={4} id={headingId} ref={headingRef} tabIndex={-1}>
        {t('support.decision.title', { name: signal.childName })}
      </Heading>
      <RadioGroup<SignalDecision>
        legend={t('support.decision.legend')}
        name={`decision-${signal.id}`}
        value={decision}
        onChange={setDecision}
        firstRef={decisionRef}
        testIdPrefix="decision"
        options={SIGNAL_DECISIONS.map((value) => ({
          value,
          label: t(`support.decisions.${value}`),
          description: t(`support.decisionHelp.${value}`),
        }))}
        errorMessage={errors.decision}
      />
      {decision === 'watch' ? (
        <FormFieldTextbox
          inputRef={reviewRef}
          name="reviewOn"
          type="date"
          label={t('support.decision.reviewOn')}
          min={addDays(today, 1)}
          value={reviewOn}
          onChange={(event) => setReviewOn((event.target as HTMLInputElement).value)}
          invalid={Boolean(errors.reviewOn)}
          errorMessage={errors.reviewOn}
          required
        />
      ) : null}
      {requesting ? (
        <>
          <SelectField
            ref={typeRef}
            label={t('support.decision.type')}
            name="type"
            value={type}
            onChange={(value) => setType(value as TrajectoryType | '')}
            placeholder={t('support.decision.chooseType')}
            options={TRAJECTORY_TYPES.map((value) => ({ value, label: t(`consents.trajectoryTypes.${value}`) }))}
            errorMessage={errors.type}
            required
          />
          <SelectField
            ref={organisationRef}
            label={t('support.decision.organisation')}
            name="organisationId"
            value={organisationId}
            onChange={(value) => {
              setOrganisationId(value);
              setCoordinatorId('');
            }}
            placeholder={t('support.decision.chooseOrganisation')}
            options={organisations.map((org) => ({ value: org.id, label: org.name }))}
            errorMessage={errors.organisationId}
            required
          />
          <SelectField
            label={t('support.decision.coordinator')}
            name="coordinatorId"
            value={coordinatorId}
            onChange={setCoordinatorId}
            placeholder={t('support.decision.noCoordinator')}
            options={candidates}
            description={
              professionals.isError
                ? t('support.decision.coordinatorUnavailable')
                : t('support.decision.coordinatorHelp')
            }
          />
          <SelectField
            label={t('support.decision.location')}
            name="location"
            value={location}
            onChange={(value) => setLocation(value as TrajectoryLocation)}
            options={TRAJECTORY_LOCATIONS.map((value) => ({ value, label: t(`support.locations.${value}`) }))}
          />
        </>
      ) : null}
      {decision ? (
        <FormFieldTextarea
          inputRef={reasonRef}
          name="reason"
          label={
            decision === 'no_action'
              ? t('support.decision.reasonNoAction')
              : requesting
                ? t('support.decision.reasonRequest')
                : t('support.decision.reasonOptional')
          }
          description={requesting ? t('support.decision.reasonRequestHelp') : undefined}
          value={reason}
          rows={3}
          maxLength={requesting ? 2000 : 1000}
          onChange={(event) => setReason(event.target.value)}
          invalid={Boolean(errors.reason)}
          errorMessage={errors.reason}
          required={decision === 'no_action'}
        />
      ) : null}
      {requesting && organisationId && type ? (
        <Alert type="info" role="note" className="kc-alert" data-testid="decision-who-sees">
          <Paragraph>
            <strong>{t('support.decision.whoTitle')}</strong>
          </Paragraph>
          <Paragraph>{t('support.decision.who', { organisation: organisationName, name: signal.childName })}</Paragraph>
          <Paragraph data-testid="decision-consent">
            {!consentKnown
              ? t('support.decision.consentUnknown', { organisation: organisationName, type: typeLabel })
              : consentInForce
                ? t('support.decision.consentPresent', { organisation: organisationName, type: typeLabel })
                : t('support.decision.consentMissing', { organisation: organisationName, type: typeLabel })}
          </Paragraph>
        </Alert>
      ) : null}
      {decide.isError ? (
        <FormProblem
          error={decide.error}
          messages={{ 409: t('support.decision.conflict'), 403: t('support.decision.forbidden') }}
          fields={{
            reviewOn: t('support.decision.reviewOn'),
            reason: t('support.decision.reasonOptional'),
            type: t('support.decision.type'),
            organisationId: t('support.decision.organisation'),
            coordinatorId: t('support.decision.coordinator'),
            location: t('support.decision.location'),
          }}
        />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={decide.isPending} data-testid="decision-submit">
          {t('support.decision.submit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" disabled={decide.isPending} onClick={onCancel}>
          {t('support.decision.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
