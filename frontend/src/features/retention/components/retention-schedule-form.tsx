import {
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  Textbox,
  FormFieldDescription,
  FormFieldErrorMessage,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { ApiError } from '@/lib/api-client';
import {
  useRetentionSchedule,
  type RetentionTerm,
} from '@/features/retention/api/get-retention-schedule';
import { useUpdateRetentionSchedule } from '@/features/retention/api/update-retention-schedule';

/** The retention schedule of the municipality, for centre administrators: per category the
 * term, from when it runs and on which legal basis; the terms can be changed, never below a
 * legal minimum (the server decides and names the field). */
export function RetentionScheduleSection() {
  const { t } = useTranslation();
  const schedule = useRetentionSchedule();
  return (
    <section aria-labelledby="retention-schedule-heading" className="kc-section">
      <Heading level={2} id="retention-schedule-heading">
        {t('retention.schedule.title')}
      </Heading>
      <Paragraph>{t('retention.schedule.intro')}</Paragraph>
      {schedule.isPending ? <Loading /> : null}
      {schedule.isError ? <ProblemAlert error={schedule.error} /> : null}
      {schedule.data ? <RetentionScheduleForm items={schedule.data.items} /> : null}
    </section>
  );
}

function fieldErrors(error: unknown): Record<number, string> {
  if (!(error instanceof ApiError)) return {};
  const found: Record<number, string> = {};
  for (const item of error.problem?.errors ?? []) {
    const match = /^#\/items\/(\d+)\/months$/.exec(item.location ?? '');
    if (match) found[Number(match[1])] = item.code ?? '';
  }
  return found;
}

function RetentionScheduleForm({ items }: { items: RetentionTerm[] }) {
  const { t } = useTranslation();
  const [months, setMonths] = useState<Record<string, string>>(() =>
    Object.fromEntries(items.map((item) => [item.category, item.months?.toString() ?? ''])),
  );
  const [saved, setSaved] = useState(false);
  const update = useUpdateRetentionSchedule({ onSuccess: () => setSaved(true) });
  const editable = items.filter((item) => item.defaultMonths !== null);
  const errors = fieldErrors(update.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    setSaved(false);
    update.mutate({
      items: editable.map((item) => {
        const value = months[item.category]?.trim() ?? '';
        return { category: item.category, months: value === '' ? null : Number(value) };
      }),
    });
  }

  function errorText(item: RetentionTerm): string | null {
    const code = errors[editable.indexOf(item)];
    if (code === undefined) return null;
    if (code === 'belowLegalMinimum') {
      return t('retention.schedule.belowMinimum', { count: item.minimumMonths ?? 0 });
    }
    return t('retention.schedule.invalid');
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form">
      {update.isError && Object.keys(errors).length === 0 ? (
        <ProblemAlert error={update.error} />
      ) : null}
      <table className="kc-table">
        <caption className="kc-visually-hidden">{t('retention.schedule.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('retention.schedule.category')}</th>
            <th scope="col">{t('retention.schedule.term')}</th>
            <th scope="col">{t('retention.schedule.from')}</th>
            <th scope="col">{t('retention.schedule.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const inputId = `retention-${item.category}`;
            const error = errorText(item);
            return (
              <tr key={item.category}>
                <th scope="row">
                  <label htmlFor={item.defaultMonths === null ? undefined : inputId}>
                    {t(`retention.categories.${item.category}`)}
                  </label>
                </th>
                <td>
                  {item.defaultMonths === null ? (
                    t('retention.schedule.followsData')
                  ) : (
                    <>
                      <Textbox
                        id={inputId}
                        name={item.category}
                        type="number"
                        inputMode="numeric"
                        min={item.minimumMonths ?? 1}
                        max={1200}
                        value={months[item.category] ?? ''}
                        invalid={Boolean(error)}
                        aria-describedby={`${inputId}-help${error ? ` ${inputId}-error` : ''}`}
                        onChange={(event) => {
                          const value = (event.target as HTMLInputElement).value;
                          setMonths((current) => ({ ...current, [item.category]: value }));
                        }}
                      />
                      <FormFieldDescription id={`${inputId}-help`}>
                        {t('retention.schedule.months', { count: item.defaultMonths ?? 0 })}
                        {item.minimumMonths !== null
                          ? ` ${t('retention.schedule.minimum', { count: item.minimumMonths })}`
                          : ''}
                      </FormFieldDescription>
                      {error ? (
                        <FormFieldErrorMessage id={`${inputId}-error`}>{error}</FormFieldErrorMessage>
                      ) : null}
                    </>
                  )}
                </td>
                <td>{t(`retention.clocks.${item.clock}`, { defaultValue: item.clock })}</td>
                <td>{item.legalBasis}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={update.isPending}>
          {t('retention.schedule.submit')}
        </Button>
      </ButtonGroup>
      <div aria-live="polite">{saved ? <Paragraph>{t('retention.schedule.saved')}</Paragraph> : null}</div>
    </form>
  );
}
