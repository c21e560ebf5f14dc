import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
  FormFieldTextarea,
  FormFieldTextbox,
  Paragraph,
  RadioButton,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useReportAbsence } from '@/features/day/api/absences';
import { ABSENCE_REASONS, type AbsenceRead, type AbsenceReason } from '@/features/day/types';
import {
  ABSENCE_FIELDS,
  absenceBody,
  absenceServerErrors,
  emptyAbsence,
  localAbsenceErrors,
  NOTE_MAX,
  withFrom,
  type AbsenceField,
  type AbsenceValues,
  type LocalError,
  type ServerFieldError,
} from '@/features/day/utils/absence-form';
import '@/features/day/components/day.css';

type AbsenceFormProps = {
  childId: string;
  /** Today in the Netherlands: the first day offered, and the earliest the API takes. */
  today: string;
  onReported: (absence: AbsenceRead) => void;
};

/**
 * Report a child absent, phone first: the first and last day (the same day by default), why in
 * three big choices, a note if wanted. Checked here first; what the server refuses (a day in
 * the past: `#/from`, `inThePast`) appears at its field in our words.
 */
export function AbsenceForm({ childId, today, onReported }: AbsenceFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<AbsenceValues>(() => emptyAbsence(today));
  const [errors, setErrors] = useState<Partial<Record<AbsenceField, LocalError>>>({});
  const report = useReportAbsence(childId, { onSuccess: onReported });
  const fromRef = useRef<HTMLInputElement>(null);
  const toRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const refs = useMemo(() => ({ from: fromRef, to: toRef, reason: reasonRef, note: noteRef }), []);

  const server = useMemo(() => absenceServerErrors(report.error), [report.error]);
  const fieldError = (field: AbsenceField): string | undefined => {
    const local = errors[field];
    if (local) return t(`absence.form.errors.${local}`);
    const found = server.filter((error) => error.field === field);
    return found.length > 0 ? found.map((error) => codeText(error)).join(' ') : undefined;
  };
  function codeText(error: ServerFieldError): string {
    if (error.code === 'inThePast') return t('absence.codes.inThePast');
    return t('absence.codes.other', { detail: error.detail });
  }

  // After the server refused, go to the first field it names.
  const latest = useRef(server);
  latest.current = server;
  useEffect(() => {
    if (!report.error) return;
    const first = ABSENCE_FIELDS.find((field) => latest.current.some((error) => error.field === field));
    if (first) refs[first].current?.focus();
  }, [report.error, refs]);

  const set = (next: AbsenceValues) => setValues(next);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (report.isPending) return;
    const found = localAbsenceErrors(values);
    setErrors(found);
    const first = ABSENCE_FIELDS.find((field) => found[field]);
    if (first) {
      report.reset();
      refs[first].current?.focus();
      return;
    }
    report.mutate(absenceBody(values));
  }

  const unplaced = server.filter((error) => error.field === null);
  const hasFieldErrors = ABSENCE_FIELDS.some((field) => fieldError(field));
  const otherProblem = report.isError && server.length === 0;
  const reasonError = fieldError('reason');

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-absence" data-testid="absence-form">
      <div className="kc-absence__dates">
        <FormFieldTextbox
          inputRef={fromRef}
          name="from"
          type="date"
          label={t('absence.form.from')}
          min={today}
          value={values.from}
          onChange={(event) => set(withFrom(values, (event.target as HTMLInputElement).value))}
          invalid={Boolean(fieldError('from'))}
          errorMessage={fieldError('from')}
          required
        />
        <FormFieldTextbox
          inputRef={toRef}
          name="to"
          type="date"
          label={t('absence.form.to')}
          description={t('absence.form.toHelp')}
          min={values.from || today}
          value={values.to}
          onChange={(event) => set({ ...values, to: (event.target as HTMLInputElement).value })}
          invalid={Boolean(fieldError('to'))}
          errorMessage={fieldError('to')}
          required
        />
      </div>
      <Fieldset invalid={Boolean(reasonError)} aria-describedby={reasonError ? `${id}-reason-error` : undefined}>
        <FieldsetLegend>{t('absence.form.reason')}</FieldsetLegend>
        {reasonError ? <FormFieldErrorMessage id={`${id}-reason-error`}>{reasonError}</FormFieldErrorMessage> : null}
        <div className="kc-absence__reasons">
          {ABSENCE_REASONS.map((reason: AbsenceReason, index) => (
            <label key={reason} className="kc-absence__reason" htmlFor={`${id}-reason-${reason}`}>
              <RadioButton
                ref={index === 0 ? reasonRef : undefined}
                id={`${id}-reason-${reason}`}
                name="reason"
                value={reason}
                checked={values.reason === reason}
                invalid={Boolean(reasonError)}
                aria-describedby={`${id}-reason-${reason}-help`}
                onChange={() => set({ ...values, reason })}
              />
              <span className="kc-absence__reason-text">
                <span>{t(`absence.form.reasons.${reason}`)}</span>
                <span id={`${id}-reason-${reason}-help`} className="kc-absence__reason-help">
                  {t(`absence.form.reasonHelp.${reason}`)}
                </span>
              </span>
            </label>
          ))}
        </div>
      </Fieldset>
      <FormFieldTextarea
        inputRef={noteRef}
        name="note"
        label={t('absence.form.note')}
        description={t('absence.form.noteHelp')}
        rows={3}
        maxLength={NOTE_MAX}
        value={values.note}
        onChange={(event) => set({ ...values, note: event.target.value })}
        invalid={Boolean(fieldError('note'))}
        errorMessage={fieldError('note')}
      />
      {hasFieldErrors || unplaced.length > 0 ? (
        <Alert type="error" className="kc-alert" data-testid="absence-error-summary">
          <Paragraph>{t('absence.form.errorSummary')}</Paragraph>
          {unplaced.length > 0 ? (
            <UnorderedList>
              {unplaced.map((error, index) => (
                <UnorderedListItem key={`${error.code}-${index}`}>{codeText(error)}</UnorderedListItem>
              ))}
            </UnorderedList>
          ) : null}
        </Alert>
      ) : null}
      {otherProblem ? (
        <ProblemAlert error={report.error} messages={{ 403: t('absence.form.forbidden') }} />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={report.isPending} className="kc-absence__submit">
          {report.isPending ? t('absence.form.busy') : t('absence.form.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
