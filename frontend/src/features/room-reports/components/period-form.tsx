import { Button, Fieldset, FieldsetLegend, FormFieldTextbox, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import { MAX_PERIOD_DAYS, periodProblem, type Period } from '@/features/room-reports/utils/period';

/**
 * The first and last day of the report. It applies on "Toon overzicht", not on every change
 * of a date field: a half-typed date would otherwise ask the server for a report each time.
 */
export function PeriodForm({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const { t } = useRoomReportsTranslation();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [error, setError] = useState<{ field: 'from' | 'to'; message: string } | null>(null);
  const fromRef = useRef<HTMLInputElement>(null);
  const toRef = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = periodProblem(from, to);
    if (problem) {
      setError({ field: problem.field, message: t(`utilisation.period.${problem.problem}`, { max: MAX_PERIOD_DAYS }) });
      (problem.field === 'from' ? fromRef : toRef).current?.focus();
      return;
    }
    setError(null);
    onChange({ from, to });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="period-form">
      <Fieldset>
        <FieldsetLegend>{t('utilisation.period.legend')}</FieldsetLegend>
        <Paragraph>{t('utilisation.period.help')}</Paragraph>
        <div className="kc-reports__period">
          <FormFieldTextbox
            inputRef={fromRef}
            name="from"
            type="date"
            label={t('utilisation.period.from')}
            value={from}
            onChange={(event) => setFrom((event.target as HTMLInputElement).value)}
            invalid={error?.field === 'from'}
            errorMessage={error?.field === 'from' ? error.message : undefined}
            required
          />
          <FormFieldTextbox
            inputRef={toRef}
            name="to"
            type="date"
            label={t('utilisation.period.to')}
            value={to}
            onChange={(event) => setTo((event.target as HTMLInputElement).value)}
            invalid={error?.field === 'to'}
            errorMessage={error?.field === 'to' ? error.message : undefined}
            required
          />
          <Button type="submit" appearance="secondary-action-button">
            {t('utilisation.period.submit')}
          </Button>
        </div>
      </Fieldset>
    </form>
  );
}
