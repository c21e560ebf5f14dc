import { Button, ButtonGroup, Fieldset, FieldsetLegend, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { RouterLink } from '@/components/ui/router-link';
import { SelectField } from '@/components/ui/select-field';
import type { Me } from '@/features/auth/api/get-me';
import type { CentreRef } from '@/features/outcomes/types';
import { useOutcomes } from '@/features/outcomes/api/get-outcomes';
import { OutcomeTable } from '@/features/outcomes/components/outcome-table';
import { OutcomesProblem } from '@/features/outcomes/components/outcomes-gate';
import { useOutcomesTexts } from '@/features/outcomes/hooks/use-outcomes-texts';
import { pickableCentres } from '@/features/outcomes/utils/centres';
import { indicatorTitle } from '@/features/outcomes/utils/indicators';
import {
  annualWindow,
  isoDay,
  parseSchoolYear,
  recentSchoolYears,
  schoolYearKey,
  schoolYearStart,
} from '@/features/outcomes/utils/periods';
import { reading } from '@/features/outcomes/utils/readings';
import { annualTable } from '@/features/outcomes/utils/table';
import { useNorms } from '@/features/support/api/norms';
import { isCentreManagement } from '@/features/outcomes/utils/management';
import { formatDate } from '@/lib/format';
import '@/features/outcomes/components/outcomes.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * /rapportage/jaarverslag?schooljaar=2025-2026[&centrum=]: the yearly report for the municipal
 * council. Per indicator the key figures of the school year next to the year before, a reading
 * and a table; printed on A4 without the menu or buttons, each indicator on a page of its own.
 */
export function AnnualReport({ me, today = new Date() }: { me: Me; today?: Date }) {
  const { t, language, format } = useOutcomesTexts();
  const [params, setParams] = useSearchParams();
  const todayIso = isoDay(today);
  const years = recentSchoolYears(todayIso);
  const chosenYear = parseSchoolYear(params.get('schooljaar'));
  const year = chosenYear !== null && years.includes(chosenYear) ? chosenYear : schoolYearStart(todayIso) - 1;
  const centreParam = params.get('centrum');
  const centreId = centreParam && UUID.test(centreParam) ? centreParam : undefined;
  const span = annualWindow(year, todayIso);
  const report = useOutcomes({ interval: 'schoolYear', from: span.from, to: span.to, centreId });
  const norms = useNorms({ enabled: isCentreManagement(me) });
  const startNorms = Object.fromEntries((norms.data ?? []).map((norm) => [norm.type, norm.startWithinDays]));

  const current = schoolYearKey(year);
  const previous = schoolYearKey(year - 1);
  const data = report.isPlaceholderData ? undefined : report.data;
  // Without a centre chosen: every centre for the analyst, the centres it manages for the management.
  const centreName = centreId
    ? data?.centres.find((centre) => centre.centreId === centreId)?.name
    : me.roles.includes('municipality_analyst')
      ? undefined
      : pickableCentres(data, me)
          .map((centre) => centre.name)
          .join(', ') || undefined;

  return (
    <div className="kc-annual">
      <div className="kc-no-print">
        <Paragraph>
          <RouterLink to="/rapportage">{t('outcomes.annual.back')}</RouterLink>
        </Paragraph>
      </div>
      <Heading level={1}>{t('outcomes.annual.title', { year: current })}</Heading>
      <Paragraph className="kc-annual__subtitle" data-testid="annual-centre">
        {centreName ?? t('outcomes.annual.allCentres')}
      </Paragraph>
      <AnnualForm
        key={`${year}/${centreId ?? ''}`}
        year={year}
        years={years}
        centreId={centreId}
        centres={pickableCentres(data, me)}
        onApply={(next) => {
          const search = new URLSearchParams({ schooljaar: schoolYearKey(next.year) });
          if (next.centreId) search.set('centrum', next.centreId);
          setParams(search);
        }}
      />
      <Paragraph>{t('outcomes.annual.intro', { year: current, previous })}</Paragraph>
      {span.running ? (
        <Paragraph>{t('outcomes.annual.running', { year: current, date: formatDate(span.to, language) })}</Paragraph>
      ) : null}
      {report.isError ? <OutcomesProblem error={report.error} /> : null}
      {!data && !report.isError ? <Loading /> : null}
      {data ? (
        <div data-testid="annual-report">
          {data.indicators.map((indicator) => (
            <section
              key={indicator.id}
              aria-labelledby={`annual-${indicator.id}`}
              className="kc-annual__section"
              data-testid={`indicator-${indicator.id}`}
            >
              <Heading level={2} id={`annual-${indicator.id}`}>
                {indicatorTitle(indicator.id, t)}
              </Heading>
              <Paragraph className="kc-outcome__reading" data-testid="reading">
                {reading(indicator, { report: data, t, language, format, startNorms })}
              </Paragraph>
              <OutcomeTable
                model={annualTable(indicator, { previous, current }, { report: data, t, language })}
                threshold={data.smallCellThreshold}
              />
            </section>
          ))}
          <Paragraph className="kc-outcome__note">
            {t('outcomes.annual.made', { date: formatDate(todayIso, language) })}
          </Paragraph>
        </div>
      ) : null}
    </div>
  );
}

/** The school year and centre of the report, and "Afdrukken" (the browser's print dialog). */
function AnnualForm({
  year,
  years,
  centreId,
  centres,
  onApply,
}: {
  year: number;
  years: number[];
  centreId: string | undefined;
  centres: CentreRef[];
  onApply: (next: { year: number; centreId: string | null }) => void;
}) {
  const { t } = useOutcomesTexts();
  const [chosenYear, setChosenYear] = useState(String(year));
  const [centre, setCentre] = useState(centreId ?? '');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({ year: Number(chosenYear), centreId: centre || null });
  }

  return (
    <form onSubmit={submit} className="kc-no-print" data-testid="annual-form">
      <Fieldset>
        <FieldsetLegend>{t('outcomes.annual.legend')}</FieldsetLegend>
        <div className="kc-outcome__filters">
          <SelectField
            label={t('outcomes.annual.schoolYear')}
            name="schoolYear"
            value={chosenYear}
            onChange={setChosenYear}
            options={years.map((start) => ({ value: String(start), label: schoolYearKey(start) }))}
          />
          <SelectField
            label={t('outcomes.filters.centre')}
            name="centre"
            value={centre}
            onChange={setCentre}
            options={[
              { value: '', label: t('outcomes.filters.allCentres') },
              ...centres.map((option) => ({ value: option.centreId, label: option.name })),
            ]}
          />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button">
            {t('outcomes.annual.submit')}
          </Button>
          <Button type="button" appearance="primary-action-button" onClick={() => window.print()}>
            {t('outcomes.annual.print')}
          </Button>
        </ButtonGroup>
      </Fieldset>
    </form>
  );
}
