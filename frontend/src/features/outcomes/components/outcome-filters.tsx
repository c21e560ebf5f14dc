import { Button, Fieldset, FieldsetLegend, FormFieldTextbox } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { useOutcomesTexts } from '@/features/outcomes/hooks/use-outcomes-texts';
import { periodProblem, type FilterProblem, type OutcomeFilters } from '@/features/outcomes/utils/filters';
import { recentSchoolYears, schoolYearKey, schoolYearRange } from '@/features/outcomes/utils/periods';
import { INTERVALS, TRAJECTORY_TYPES, type CentreRef, type Interval, type TrajectoryType } from '@/features/outcomes/types';

const DEFAULT = 'default';
const CUSTOM = 'custom';

/** Which choice of the period list the filters are: the default, a school year, or an own period. */
function periodChoice(filters: OutcomeFilters, years: number[]): string {
  if (!filters.from || !filters.to) return DEFAULT;
  const year = years.find((start) => {
    const range = schoolYearRange(start);
    return range.from === filters.from && range.to === filters.to;
  });
  return year === undefined ? CUSTOM : String(year);
}

/**
 * Centre, period (a school year or an own period), figures per month, term or school year, and
 * the kind of support. Applied with "Toon de cijfers", not on every change: a half-typed date
 * would otherwise ask for a report each time.
 */
export function OutcomeFiltersForm({
  filters,
  centres,
  today,
  onApply,
}: {
  filters: OutcomeFilters;
  centres: CentreRef[];
  today: string;
  onApply: (filters: OutcomeFilters) => void;
}) {
  const { t } = useOutcomesTexts();
  const years = recentSchoolYears(today);
  const [centreId, setCentreId] = useState(filters.centreId ?? '');
  const [period, setPeriod] = useState(() => periodChoice(filters, years));
  const [from, setFrom] = useState(filters.from ?? schoolYearRange(years[1] ?? years[0]!).from);
  const [to, setTo] = useState(filters.to ?? today);
  const [per, setPer] = useState<Interval>(filters.interval);
  const [type, setType] = useState<TrajectoryType | ''>(filters.trajectoryType ?? '');
  const [error, setError] = useState<FilterProblem | null>(null);
  const fromRef = useRef<HTMLInputElement>(null);
  const toRef = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let range: { from: string | null; to: string | null } = { from: null, to: null };
    if (period === CUSTOM) {
      const problem = periodProblem(from, to, per);
      if (problem) {
        setError(problem);
        (problem.field === 'from' ? fromRef : toRef).current?.focus();
        return;
      }
      range = { from, to };
    } else if (period !== DEFAULT) {
      range = schoolYearRange(Number(period));
    }
    setError(null);
    onApply({ centreId: centreId || null, ...range, interval: per, trajectoryType: type || null });
  }

  const message = (field: 'from' | 'to') =>
    error?.field === field ? t(`outcomes.filters.${error.problem}`) : undefined;

  return (
    <form onSubmit={submit} noValidate className="kc-no-print" data-testid="outcome-filters">
      <Fieldset>
        <FieldsetLegend>{t('outcomes.filters.legend')}</FieldsetLegend>
        <div className="kc-outcome__filters">
          <SelectField
            label={t('outcomes.filters.centre')}
            name="centre"
            value={centreId}
            onChange={setCentreId}
            options={[
              { value: '', label: t('outcomes.filters.allCentres') },
              ...centres.map((centre) => ({ value: centre.centreId, label: centre.name })),
            ]}
          />
          <SelectField
            label={t('outcomes.filters.period')}
            name="period"
            value={period}
            onChange={setPeriod}
            options={[
              { value: DEFAULT, label: t('outcomes.filters.periodDefault') },
              ...years.map((year) => ({
                value: String(year),
                label: t('outcomes.filters.schoolYear', { year: schoolYearKey(year) }),
              })),
              { value: CUSTOM, label: t('outcomes.filters.custom') },
            ]}
          />
          <SelectField
            label={t('outcomes.filters.interval')}
            name="interval"
            value={per}
            onChange={(value) => setPer(value as Interval)}
            options={INTERVALS.map((value) => ({ value, label: t(`outcomes.filters.intervals.${value}`) }))}
          />
          <SelectField
            label={t('outcomes.filters.trajectoryType')}
            name="trajectoryType"
            value={type}
            onChange={(value) => setType(value as TrajectoryType | '')}
            description={t('outcomes.filters.trajectoryTypeHelp')}
            options={[
              { value: '', label: t('outcomes.filters.allTypes') },
              ...TRAJECTORY_TYPES.map((value) => ({ value, label: t(`consents.trajectoryTypes.${value}`) })),
            ]}
          />
        </div>
        {period === CUSTOM ? (
          <div className="kc-outcome__filters">
            <FormFieldTextbox
              inputRef={fromRef}
              name="from"
              type="date"
              label={t('outcomes.filters.from')}
              value={from}
              onChange={(event) => setFrom((event.target as HTMLInputElement).value)}
              invalid={error?.field === 'from'}
              errorMessage={message('from')}
              required
            />
            <FormFieldTextbox
              inputRef={toRef}
              name="to"
              type="date"
              label={t('outcomes.filters.to')}
              value={to}
              onChange={(event) => setTo((event.target as HTMLInputElement).value)}
              invalid={error?.field === 'to'}
              errorMessage={message('to')}
              required
            />
          </div>
        ) : null}
        <Button type="submit" appearance="primary-action-button">
          {t('outcomes.filters.submit')}
        </Button>
      </Fieldset>
    </form>
  );
}
