import {
  Button,
  ButtonGroup,
  FormFieldCheckbox,
  FormFieldTextarea,
  FormFieldTextbox,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/ui/select-field';
import { useFormatters } from '@/hooks/use-formatters';
import { ApiError } from '@/lib/api-client';
import { todayIsoDate } from '@/lib/format';
import { useAddGoalProgress, useCreateGoal, useUpdateGoal } from '@/features/support/api/goals';
import { FormProblem } from '@/features/support/components/form-problem';
import { GOAL_STATUSES, type GoalRead, type GoalStatus, type GoalUpdate } from '@/features/support/types';

type Scope = { trajectoryId: string; childId: string };

type TrajectoryGoalsProps = {
  scope: Scope;
  organisationName: string;
  goals: GoalRead[];
  /** The team of an open trajectory adds goals and progress; everyone else reads. */
  canEdit: boolean;
  announce: (text: string) => void;
};

/** The goals with their progress; the team adds goals and progress and changes a goal's status. */
export function TrajectoryGoals({ scope, organisationName, goals, canEdit, announce }: TrajectoryGoalsProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="trajectory-goals-heading" className="kc-section" data-testid="trajectory-goals">
      <Heading level={2} id="trajectory-goals-heading">
        {t('support.goals.title')}
      </Heading>
      {goals.length === 0 ? <Paragraph>{t('support.goals.empty')}</Paragraph> : null}
      {goals.length > 0 ? (
        <ol className="kc-cards" aria-label={t('support.goals.listLabel')}>
          {goals.map((goal, index) => (
            <li key={goal.id} className="kc-card" data-testid="goal-item" data-goal-id={goal.id}>
              <GoalItem
                goal={goal}
                number={index + 1}
                scope={scope}
                organisationName={organisationName}
                canEdit={canEdit}
                announce={announce}
              />
            </li>
          ))}
        </ol>
      ) : null}
      {canEdit ? (
        <GoalForm scope={scope} organisationName={organisationName} onAdded={() => announce(t('support.goals.added'))} />
      ) : null}
    </section>
  );
}

function GoalItem({
  goal,
  number,
  scope,
  organisationName,
  canEdit,
  announce,
}: {
  goal: GoalRead;
  number: number;
  scope: Scope;
  organisationName: string;
  canEdit: boolean;
  announce: (text: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (editing) editRef.current?.querySelector<HTMLElement>('h4')?.focus();
  }, [editing]);

  return (
    <article aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {t('support.goals.goalNumber', { number })}
      </Heading>
      <Paragraph className="kc-card__text">{goal.text}</Paragraph>
      <Paragraph>
        <strong>{t('support.goals.status')}:</strong>{' '}
        <span data-testid="goal-status">{t(`support.goalStatuses.${goal.status}`)}</span>
        {goal.targetDate ? (
          <>
            {' · '}
            {t('support.goals.targetDate', { date: format.date(goal.targetDate) })}
          </>
        ) : null}
      </Paragraph>
      <Paragraph data-testid="goal-sharing">
        {goal.sharedWithDailyTeam ? t('support.goals.shared') : t('support.goals.notShared')}
      </Paragraph>
      {goal.dailyTeamAdvice ? (
        <Paragraph>
          <strong>{t('support.goals.advice')}:</strong> {goal.dailyTeamAdvice}
        </Paragraph>
      ) : null}
      {goal.progress.length > 0 ? (
        <>
          <Heading level={4}>{t('support.goals.progress')}</Heading>
          <ol className="kc-timeline" aria-label={t('support.goals.progressLabel', { number })}>
            {goal.progress.map((entry) => (
              <li key={entry.id} className="kc-timeline__item" data-testid="goal-progress">
                <span className="kc-timeline__time">
                  <time dateTime={entry.createdAt}>{format.dateTime(entry.createdAt)}</time>
                  {', '}
                  {entry.authorName}
                </span>
                <Paragraph className="kc-timeline__text">{entry.text}</Paragraph>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {canEdit && editing ? (
        <div ref={editRef}>
          <GoalEditForm
            goal={goal}
            number={number}
            scope={scope}
            organisationName={organisationName}
            onSaved={() => {
              setEditing(false);
              announce(t('support.goals.edited', { number }));
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      ) : null}
      {canEdit && !editing ? (
        <ButtonGroup>
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => setEditing(true)}
            data-testid="goal-edit-open"
          >
            {t('support.goals.edit', { number })}
          </Button>
        </ButtonGroup>
      ) : null}
      {canEdit ? (
        <div className="kc-card__actions">
          <GoalStatusForm goal={goal} number={number} scope={scope} onSaved={(status) =>
            announce(t('support.goals.statusSaved', { number, status: t(`support.goalStatuses.${status}`) }))
          } />
          <ProgressForm goal={goal} number={number} scope={scope} onAdded={() => announce(t('support.goals.progressAdded', { number }))} />
        </div>
      ) : null}
    </article>
  );
}

function GoalStatusForm({
  goal,
  number,
  scope,
  onSaved,
}: {
  goal: GoalRead;
  number: number;
  scope: Scope;
  onSaved: (status: GoalStatus) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<GoalStatus>(goal.status);
  const update = useUpdateGoal(scope, goal.id, { onSuccess: () => onSaved(status) });
  return (
    <form
      className="kc-form kc-inline-form"
      noValidate
      data-testid="goal-status-form"
      aria-label={t('support.goals.statusFormLabel', { number })}
      onSubmit={(event) => {
        event.preventDefault();
        if (!update.isPending && status !== goal.status) update.mutate({ status });
      }}
    >
      <SelectField
        label={t('support.goals.changeStatus', { number })}
        name="status"
        value={status}
        onChange={(value) => setStatus(value as GoalStatus)}
        options={GOAL_STATUSES.map((value) => ({ value, label: t(`support.goalStatuses.${value}`) }))}
      />
      {update.isError ? <FormProblem error={update.error} /> : null}
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={update.isPending} disabled={status === goal.status}>
          {t('support.goals.saveStatus')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function ProgressForm({
  goal,
  number,
  scope,
  onAdded,
}: {
  goal: GoalRead;
  number: number;
  scope: Scope;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const add = useAddGoalProgress(scope, goal.id, {
    onSuccess: () => {
      setText('');
      onAdded();
    },
  });
  return (
    <form
      className="kc-form"
      noValidate
      data-testid="progress-form"
      aria-label={t('support.goals.progressFormLabel', { number })}
      onSubmit={(event) => {
        event.preventDefault();
        if (add.isPending) return;
        if (!text.trim()) {
          setError(t('support.goals.progressRequired'));
          inputRef.current?.focus();
          return;
        }
        setError(undefined);
        add.mutate(text.trim());
      }}
    >
      <FormFieldTextarea
        inputRef={inputRef}
        name="progress"
        label={t('support.goals.addProgress', { number })}
        value={text}
        rows={2}
        maxLength={2000}
        onChange={(event) => setText(event.target.value)}
        invalid={Boolean(error)}
        errorMessage={error}
      />
      {add.isError ? <FormProblem error={add.error} fields={{ text: t('support.goals.addProgress', { number }) }} /> : null}
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={add.isPending}>
          {t('support.goals.saveProgress')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

interface GoalValues {
  text: string;
  targetDate: string;
  shared: boolean;
  advice: string;
}

const NO_GOAL: GoalValues = { text: '', targetDate: '', shared: false, advice: '' };

/**
 * The fields a goal is written with, for a new goal and for a change: the SMART text, a target
 * date, sharing with the daily team and the tip for them. A 409 while sharing means the providing
 * organisation has no information_sharing consent in force; otherwise the trajectory has ended.
 */
function GoalFields({
  values,
  onChange,
  textRef,
  textError,
  minDate,
  organisationName,
  mutationError,
}: {
  values: GoalValues;
  onChange: (values: GoalValues) => void;
  textRef: RefObject<HTMLTextAreaElement | null>;
  textError: string | undefined;
  minDate?: string;
  organisationName: string;
  mutationError: Error | null;
}) {
  const { t } = useTranslation();
  const set = (change: Partial<GoalValues>) => onChange({ ...values, ...change });
  const sharingRefused = mutationError instanceof ApiError && mutationError.status === 409 && values.shared;
  return (
    <>
      <FormFieldTextarea
        inputRef={textRef}
        name="text"
        label={t('support.goals.text')}
        description={t('support.goals.textHelp')}
        value={values.text}
        rows={3}
        maxLength={2000}
        onChange={(event) => set({ text: event.target.value })}
        invalid={Boolean(textError)}
        errorMessage={textError}
        required
      />
      <FormFieldTextbox
        name="targetDate"
        type="date"
        label={t('support.goals.targetDateLabel')}
        min={minDate}
        value={values.targetDate}
        onChange={(event) => set({ targetDate: (event.target as HTMLInputElement).value })}
      />
      <FormFieldCheckbox
        name="sharedWithDailyTeam"
        label={t('support.goals.shareLabel')}
        description={t('support.goals.shareHelp', { organisation: organisationName })}
        checked={values.shared}
        onChange={(event) => set({ shared: event.target.checked })}
      />
      {values.shared ? (
        <FormFieldTextarea
          name="dailyTeamAdvice"
          label={t('support.goals.adviceLabel')}
          description={t('support.goals.adviceHelp')}
          value={values.advice}
          rows={2}
          maxLength={2000}
          onChange={(event) => set({ advice: event.target.value })}
        />
      ) : null}
      {mutationError ? (
        <FormProblem
          error={mutationError}
          messages={sharingRefused ? { 409: t('support.goals.sharingRefused', { organisation: organisationName }) } : { 409: t('support.ended') }}
          fields={{ text: t('support.goals.text'), targetDate: t('support.goals.targetDateLabel'), dailyTeamAdvice: t('support.goals.adviceLabel') }}
        />
      ) : null}
    </>
  );
}

/** The text is required: says so at the field and moves focus there; true when present. */
function useTextRequired() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | undefined>();
  const textRef = useRef<HTMLTextAreaElement>(null);
  function check(text: string): boolean {
    if (!text.trim()) {
      setError(t('support.goals.textRequired'));
      textRef.current?.focus();
      return false;
    }
    setError(undefined);
    return true;
  }
  return { error, textRef, check };
}

function GoalForm({
  scope,
  organisationName,
  onAdded,
}: {
  scope: Scope;
  organisationName: string;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [values, setValues] = useState<GoalValues>(NO_GOAL);
  const required = useTextRequired();
  const create = useCreateGoal(scope, {
    onSuccess: () => {
      setValues(NO_GOAL);
      onAdded();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending || !required.check(values.text)) return;
    create.mutate({
      text: values.text.trim(),
      ...(values.targetDate ? { targetDate: values.targetDate } : {}),
      sharedWithDailyTeam: values.shared,
      ...(values.shared && values.advice.trim() ? { dailyTeamAdvice: values.advice.trim() } : {}),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-subform" aria-labelledby={headingId} data-testid="goal-form">
      <Heading level={3} id={headingId}>
        {t('support.goals.formTitle')}
      </Heading>
      <GoalFields
        values={values}
        onChange={setValues}
        textRef={required.textRef}
        textError={required.error}
        minDate={todayIsoDate()}
        organisationName={organisationName}
        mutationError={create.error}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={create.isPending} data-testid="goal-submit">
          {t('support.goals.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/**
 * A goal's text, target date and sharing with the daily team; only what changed is sent.
 * Sharing needs an information_sharing consent for the providing organisation (409 without).
 */
function GoalEditForm({
  goal,
  number,
  scope,
  organisationName,
  onSaved,
  onCancel,
}: {
  goal: GoalRead;
  number: number;
  scope: Scope;
  organisationName: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [values, setValues] = useState<GoalValues>({
    text: goal.text,
    targetDate: goal.targetDate ?? '',
    shared: goal.sharedWithDailyTeam,
    advice: goal.dailyTeamAdvice ?? '',
  });
  const required = useTextRequired();
  const update = useUpdateGoal(scope, goal.id, { onSuccess: onSaved });

  function changes(): GoalUpdate {
    const { text, targetDate, shared, advice } = values;
    const body: GoalUpdate = {};
    if (text.trim() !== goal.text) body.text = text.trim();
    if ((targetDate || null) !== (goal.targetDate ?? null)) body.targetDate = targetDate || null;
    if (shared !== goal.sharedWithDailyTeam) body.sharedWithDailyTeam = shared;
    const tip = shared ? advice.trim() || null : null;
    if (shared && tip !== (goal.dailyTeamAdvice ?? null)) body.dailyTeamAdvice = tip;
    return body;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending || !required.check(values.text)) return;
    const body = changes();
    if (Object.keys(body).length === 0) {
      onCancel();
      return;
    }
    update.mutate(body);
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-subform" aria-labelledby={headingId} data-testid="goal-edit-form">
      <Heading level={4} id={headingId} tabIndex={-1}>
        {t('support.goals.editTitle', { number })}
      </Heading>
      <GoalFields
        values={values}
        onChange={setValues}
        textRef={required.textRef}
        textError={required.error}
        organisationName={organisationName}
        mutationError={update.error}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={update.isPending} data-testid="goal-edit-submit">
          {t('support.goals.saveEdit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel} disabled={update.isPending}>
          {t('support.goals.cancelEdit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
