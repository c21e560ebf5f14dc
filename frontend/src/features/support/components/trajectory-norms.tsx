import { Button, ButtonGroup, FormFieldTextbox, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TableSection } from '@/components/ui/table-section';
import { ApiError } from '@/lib/api-client';
import { useNorms, useResetNorm, useUpdateNorm } from '@/features/support/api/norms';
import { FormProblem } from '@/features/support/components/form-problem';
import { TRAJECTORY_TYPES, type NormRead, type TrajectoryType } from '@/features/support/types';

export const NORM_MIN_DAYS = 1;
export const NORM_MAX_DAYS = 365;

type NormField = 'intakeWithinDays' | 'startWithinDays';
type FieldErrors = Partial<Record<NormField, string>>;

const order = (type: TrajectoryType) => (TRAJECTORY_TYPES as readonly string[]).indexOf(type);

/** "12" as 12; anything else (empty, "1.5", "abc") as null. */
function wholeNumber(value: string): number | null {
  return /^\s*\d+\s*$/.test(value) ? Number(value) : null;
}

/**
 * "Wachttijdnormen": every trajectory type with its norms in working days, the default or the
 * municipality's own. A centre administrator changes one; everyone else only reads them.
 */
export function TrajectoryNorms({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const norms = useNorms();
  const [editing, setEditing] = useState<TrajectoryType | null>(null);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  // "Annuleren" closes the form: focus goes back to the "Wijzig" button that opened it.
  const editButtons = useRef(new Map<TrajectoryType, HTMLButtonElement>());
  const returnFocusTo = useRef<TrajectoryType | null>(null);
  useEffect(() => {
    if (editing !== null || returnFocusTo.current === null) return;
    editButtons.current.get(returnFocusTo.current)?.focus();
    returnFocusTo.current = null;
  }, [editing]);
  const rows = norms.data ? [...norms.data].sort((a, b) => order(a.type) - order(b.type)) : undefined;
  const typeLabel = (type: TrajectoryType) => t(`consents.trajectoryTypes.${type}`);
  const days = (count: number) => t('support.norms.days', { count });
  const editingNorm = rows?.find((norm) => norm.type === editing);
  const reset = useResetNorm({
    onSuccess: (norm) => {
      setEditing(null);
      setMessage(
        t('support.norms.resetDone', {
          type: typeLabel(norm.type),
          intake: norm.intakeWithinDays,
          start: norm.startWithinDays,
        }),
      );
      statusRef.current?.focus();
    },
  });

  return (
    <div data-testid="trajectory-norms">
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status" data-testid="norms-message">
        {message ? <Paragraph>{message}</Paragraph> : null}
      </div>
      {!canEdit ? <Paragraph data-testid="norms-read-only">{t('support.norms.readOnly')}</Paragraph> : null}
      <TableSection<NormRead>
        id="trajectory-norms"
        title={t('support.norms.tableTitle')}
        caption={t('support.norms.caption')}
        empty={t('support.norms.empty')}
        rows={rows}
        rowKey={(norm) => norm.type}
        isPending={norms.isPending}
        error={norms.error}
        columns={[
          { label: t('support.norms.type'), render: (norm) => typeLabel(norm.type) },
          {
            label: t('support.norms.intake'),
            render: (norm) => <span data-testid={`norm-intake-${norm.type}`}>{days(norm.intakeWithinDays)}</span>,
          },
          {
            label: t('support.norms.start'),
            render: (norm) => <span data-testid={`norm-start-${norm.type}`}>{days(norm.startWithinDays)}</span>,
          },
          {
            label: t('support.norms.source'),
            render: (norm) => (
              <span data-testid={`norm-source-${norm.type}`}>
                {norm.isDefault ? t('support.norms.default') : t('support.norms.own')}
              </span>
            ),
          },
          ...(canEdit
            ? [
                {
                  label: t('support.norms.actions'),
                  render: (norm: NormRead) => (
                    <>
                      <Button
                        ref={(button: HTMLButtonElement | null) => {
                          if (button) editButtons.current.set(norm.type, button);
                          else editButtons.current.delete(norm.type);
                        }}
                        type="button"
                        appearance="secondary-action-button"
                        aria-label={t('support.norms.editLabel', { type: typeLabel(norm.type) })}
                        data-testid={`norm-edit-${norm.type}`}
                        disabled={editing === norm.type}
                        onClick={() => {
                          setMessage('');
                          setEditing(norm.type);
                        }}
                      >
                        {t('support.norms.edit')}
                      </Button>
                      {norm.isDefault ? null : (
                        <Button
                          type="button"
                          appearance="subtle-button"
                          aria-label={t('support.norms.resetLabel', { type: typeLabel(norm.type) })}
                          data-testid={`norm-reset-${norm.type}`}
                          disabled={reset.isPending}
                          onClick={() => {
                            setMessage('');
                            reset.mutate(norm.type);
                          }}
                        >
                          {t('support.norms.reset')}
                        </Button>
                      )}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {reset.isError ? (
        <Paragraph data-testid="norm-reset-error">{t('support.norms.resetFailed')}</Paragraph>
      ) : null}
      {canEdit && editingNorm ? (
        <NormForm
          key={editingNorm.type}
          norm={editingNorm}
          onSaved={(saved) => {
            setEditing(null);
            setMessage(
              t('support.norms.saved', {
                type: typeLabel(saved.type),
                intake: saved.intakeWithinDays,
                start: saved.startWithinDays,
              }),
            );
            statusRef.current?.focus();
          }}
          onCancel={() => {
            returnFocusTo.current = editingNorm.type;
            setEditing(null);
          }}
        />
      ) : null}
    </div>
  );
}

/** A 400's `errors` per field of the form, in our words where we know the code. */
function useServerFieldErrors(error: unknown): FieldErrors {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const found: FieldErrors = {};
  for (const param of error.problem?.errors ?? []) {
    const field = param.location.replace(/^#\//, '');
    if (field !== 'intakeWithinDays' && field !== 'startWithinDays') continue;
    if (found[field]) continue;
    if (param.code === 'greater_than_equal') found[field] = t('support.norms.tooFew', { min: NORM_MIN_DAYS });
    else if (param.code === 'less_than_equal') found[field] = t('support.norms.tooMany', { max: NORM_MAX_DAYS });
    else if (param.code === 'int_type' || param.code === 'int_parsing') found[field] = t('support.norms.wholeNumber');
    else found[field] = param.detail;
  }
  return found;
}

function NormForm({
  norm,
  onSaved,
  onCancel,
}: {
  norm: NormRead;
  onSaved: (norm: NormRead) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const intakeRef = useRef<HTMLInputElement>(null);
  const startRef = useRef<HTMLInputElement>(null);
  const [intake, setIntake] = useState(String(norm.intakeWithinDays));
  const [start, setStart] = useState(String(norm.startWithinDays));
  const [errors, setErrors] = useState<FieldErrors>({});
  const update = useUpdateNorm(norm.type, { onSuccess: onSaved });
  const serverErrors = useServerFieldErrors(update.error);
  const type = t(`consents.trajectoryTypes.${norm.type}`);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function check(value: string): { days: number | null; error?: string } {
    const days = wholeNumber(value);
    if (value.trim() === '') return { days: null, error: t('support.norms.required') };
    if (days === null) return { days: null, error: t('support.norms.wholeNumber') };
    if (days < NORM_MIN_DAYS) return { days: null, error: t('support.norms.tooFew', { min: NORM_MIN_DAYS }) };
    if (days > NORM_MAX_DAYS) return { days: null, error: t('support.norms.tooMany', { max: NORM_MAX_DAYS }) };
    return { days };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const intakeCheck = check(intake);
    const startCheck = check(start);
    const next: FieldErrors = { intakeWithinDays: intakeCheck.error, startWithinDays: startCheck.error };
    if (intakeCheck.days !== null && startCheck.days !== null && startCheck.days < intakeCheck.days) {
      next.startWithinDays = t('support.norms.startBeforeIntake', { intake: intakeCheck.days });
    }
    setErrors(next);
    if (next.intakeWithinDays) {
      intakeRef.current?.focus();
      return;
    }
    if (next.startWithinDays) {
      startRef.current?.focus();
      return;
    }
    update.mutate({ intakeWithinDays: intakeCheck.days!, startWithinDays: startCheck.days! });
  }

  const intakeError = errors.intakeWithinDays ?? serverErrors.intakeWithinDays;
  const startError = errors.startWithinDays ?? serverErrors.startWithinDays;

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-subform" aria-labelledby={headingId} data-testid="norm-form">
      <Heading level={2} id={headingId} ref={headingRef} tabIndex={-1}>
        {t('support.norms.formTitle', { type })}
      </Heading>
      <Paragraph>{t('support.norms.formHelp')}</Paragraph>
      <FormFieldTextbox
        inputRef={intakeRef}
        name="intakeWithinDays"
        type="number"
        min={NORM_MIN_DAYS}
        max={NORM_MAX_DAYS}
        step={1}
        label={t('support.norms.intakeLabel')}
        value={intake}
        onChange={(event) => setIntake((event.target as HTMLInputElement).value)}
        invalid={Boolean(intakeError)}
        errorMessage={intakeError}
        required
      />
      <FormFieldTextbox
        inputRef={startRef}
        name="startWithinDays"
        type="number"
        min={NORM_MIN_DAYS}
        max={NORM_MAX_DAYS}
        step={1}
        label={t('support.norms.startLabel')}
        value={start}
        onChange={(event) => setStart((event.target as HTMLInputElement).value)}
        invalid={Boolean(startError)}
        errorMessage={startError}
        required
      />
      {update.isError ? (
        <FormProblem
          error={update.error}
          messages={{ 403: t('support.norms.forbidden') }}
          fields={{
            intakeWithinDays: t('support.norms.intakeLabel'),
            startWithinDays: t('support.norms.startLabel'),
            '#': t('support.norms.bothFields'),
          }}
        />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={update.isPending} data-testid="norm-submit">
          {t('support.norms.submit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel} disabled={update.isPending}>
          {t('support.norms.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
