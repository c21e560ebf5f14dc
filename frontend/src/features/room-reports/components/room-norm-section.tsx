import { Alert, Button, FormFieldTextbox, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert, useProblemText } from '@/components/ui/problem-alert';
import { ApiError } from '@/lib/api-client';
import { useRoomNorm, useUpdateRoomNorm } from '@/features/room-reports/api/room-norm';
import { useNumberFormat } from '@/features/room-reports/hooks/use-number-format';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import { NORM_FIELDS, type NormField, type RoomNormRead } from '@/features/room-reports/types';
import { checkNorm, normValues, serverNormErrors, type NormErrors, type NormValues } from '@/features/room-reports/utils/norm-form';

/**
 * The norm the figures are worked out with, for every reader; for a centre administrator a
 * form to set the municipality's own (PUT /room-norm).
 */
export function RoomNormSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useRoomReportsTranslation();
  const format = useNumberFormat();
  const norm = useRoomNorm();
  const headingId = useId();
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);

  return (
    <section aria-labelledby={headingId} className="kc-section" data-testid="room-norm">
      <Heading level={2} id={headingId}>
        {t('norm.title')}
      </Heading>
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status" data-testid="norm-message">
        {message ? <Paragraph>{message}</Paragraph> : null}
      </div>
      {norm.isPending ? <Loading /> : null}
      {norm.isError ? <ProblemAlert error={norm.error} /> : null}
      {norm.isSuccess ? (
        <>
          <dl className="kc-figures">
            <div className="kc-figures__item">
              <dt>{t('norm.base')}</dt>
              <dd data-testid="norm-base">{format.m2(norm.data.baseM2, 2)}</dd>
            </div>
            <div className="kc-figures__item">
              <dt>{t('norm.perPupil')}</dt>
              <dd data-testid="norm-per-pupil">{format.m2(norm.data.perPupilM2, 2)}</dd>
            </div>
            <div className="kc-figures__item">
              <dt>{t('norm.afterSchool')}</dt>
              <dd data-testid="norm-after-school">
                {t('norm.afterSchoolValue', {
                  weekdays: norm.data.afterSchoolFrom,
                  wednesday: norm.data.wednesdayAfternoonFrom,
                })}
              </dd>
            </div>
          </dl>
          <Paragraph data-testid="norm-source">{norm.data.isDefault ? t('norm.isDefault') : t('norm.isOwn')}</Paragraph>
          {canEdit ? (
            <NormForm
              norm={norm.data}
              onSaved={() => {
                setMessage(t('norm.form.saved'));
                statusRef.current?.focus();
              }}
              onChanged={() => setMessage('')}
            />
          ) : (
            <Paragraph data-testid="norm-only-admins">{t('norm.onlyAdmins')}</Paragraph>
          )}
        </>
      ) : null}
    </section>
  );
}

function NormForm({
  norm,
  onSaved,
  onChanged,
}: {
  norm: RoomNormRead;
  onSaved: () => void;
  onChanged: () => void;
}) {
  const { t, language } = useRoomReportsTranslation();
  const headingId = useId();
  const [values, setValues] = useState<NormValues>(() => normValues(norm, language));
  const [errors, setErrors] = useState<NormErrors>({});
  const refs: Record<NormField, RefObject<HTMLInputElement | null>> = {
    baseM2: useRef<HTMLInputElement>(null),
    perPupilM2: useRef<HTMLInputElement>(null),
    afterSchoolFrom: useRef<HTMLInputElement>(null),
    wednesdayAfternoonFrom: useRef<HTMLInputElement>(null),
  };
  const update = useUpdateRoomNorm({
    onSuccess: (saved) => {
      setValues(normValues(saved, language));
      onSaved();
    },
  });
  const problems = update.error instanceof ApiError && update.error.status === 400 ? (update.error.problem?.errors ?? []) : [];
  const server = serverNormErrors(problems, language, t);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const checked = checkNorm(values, language, t);
    setErrors(checked.errors);
    const first = NORM_FIELDS.find((field) => checked.errors[field]);
    if (first || !checked.body) {
      if (first) refs[first].current?.focus();
      return;
    }
    update.mutate(checked.body, {
      onError: (error) => {
        if (!(error instanceof ApiError) || error.status !== 400) return;
        // Focus the first field the server refused, as for our own checks.
        const found = serverNormErrors(error.problem?.errors ?? [], language, t).fields;
        const refused = NORM_FIELDS.find((field) => found[field]);
        if (refused) refs[refused].current?.focus();
      },
    });
  }

  const set = (field: NormField) => (event: { target: EventTarget }) => {
    const value = (event.target as HTMLInputElement).value;
    setValues((current) => ({ ...current, [field]: value }));
    // A refusal is about the values sent: once they change, it no longer applies.
    if (update.isError) update.reset();
    onChanged();
  };
  const errorOf = (field: NormField) => errors[field] ?? server.fields[field];
  const field = (name: NormField, type: 'text' | 'time') => (
    <FormFieldTextbox
      inputRef={refs[name]}
      name={name}
      type={type}
      label={t(`norm.form.${name}`)}
      value={values[name]}
      onChange={set(name)}
      invalid={Boolean(errorOf(name))}
      errorMessage={errorOf(name)}
      required
    />
  );

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-subform" aria-labelledby={headingId} data-testid="norm-form">
      <Heading level={3} id={headingId}>
        {t('norm.form.title')}
      </Heading>
      <Paragraph>{t('norm.form.help')}</Paragraph>
      {field('baseM2', 'text')}
      {field('perPupilM2', 'text')}
      {field('afterSchoolFrom', 'time')}
      {field('wednesdayAfternoonFrom', 'time')}
      {update.isError ? <NormProblem error={update.error} other={server.other} /> : null}
      <div>
        <Button type="submit" appearance="primary-action-button" busy={update.isPending} data-testid="norm-submit">
          {t('norm.form.submit')}
        </Button>
      </div>
    </form>
  );
}

/** Why the norm was not saved: a 403 in our words, a 400 at its fields (and any rest here). */
function NormProblem({ error, other }: { error: unknown; other: string[] }) {
  const { t } = useRoomReportsTranslation();
  const { message } = useProblemText(error, { 400: t('norm.form.failed'), 403: t('norm.form.forbidden') });
  return (
    <Alert type="error" className="kc-alert" data-testid="norm-problem">
      <Paragraph>{message}</Paragraph>
      {other.length > 0 ? (
        <UnorderedList>
          {other.map((detail, index) => (
            <UnorderedListItem key={index}>{detail}</UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
    </Alert>
  );
}
