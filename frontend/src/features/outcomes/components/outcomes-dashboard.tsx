import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { Loading } from '@/components/ui/loading';
import { RouterLink } from '@/components/ui/router-link';
import type { Me } from '@/features/auth/api/get-me';
import { useOutcomes } from '@/features/outcomes/api/get-outcomes';
import { IndicatorSection } from '@/features/outcomes/components/indicator-section';
import { OutcomeFiltersForm } from '@/features/outcomes/components/outcome-filters';
import { OutcomesProblem } from '@/features/outcomes/components/outcomes-gate';
import { useOutcomeFilters } from '@/features/outcomes/hooks/use-outcome-filters';
import { useOutcomesTexts } from '@/features/outcomes/hooks/use-outcomes-texts';
import { pickableCentres } from '@/features/outcomes/utils/centres';
import { toQuery } from '@/features/outcomes/utils/filters';
import { indicatorTitle } from '@/features/outcomes/utils/indicators';
import { isoDay, schoolYearKey, schoolYearStart } from '@/features/outcomes/utils/periods';
import { isCentreManagement } from '@/features/outcomes/utils/management';
import { useNorms } from '@/features/support/api/norms';
import { formatDate } from '@/lib/format';
import '@/features/outcomes/components/outcomes.css';

/**
 * /rapportage: every indicator of the outcome report, filtered by centre, period, interval and
 * kind of support (the filters in the address). For the centre's management (with the
 * caseload) and the municipality's analyst (all centres).
 */
export function OutcomesDashboard({ me, today = new Date() }: { me: Me; today?: Date }) {
  const { t, language } = useOutcomesTexts();
  const { filters, apply, key } = useOutcomeFilters();
  const report = useOutcomes(toQuery(filters));
  const management = isCentreManagement(me);
  const norms = useNorms({ enabled: management });
  const startNorms = useMemo(
    () => Object.fromEntries((norms.data ?? []).map((norm) => [norm.type, norm.startWithinDays])),
    [norms.data],
  );
  const todayIso = isoDay(today);
  const municipality = me.roles.includes('municipality_analyst') && !management;
  const annualParams = new URLSearchParams({ schooljaar: schoolYearKey(schoolYearStart(todayIso) - 1) });
  if (filters.centreId) annualParams.set('centrum', filters.centreId);
  const data = report.data;

  return (
    <>
      <Heading level={1}>{t(municipality ? 'outcomes.titleMunicipality' : 'outcomes.titleCentre')}</Heading>
      <Paragraph>{t('outcomes.intro')}</Paragraph>
      <Paragraph>{t('outcomes.introHelp')}</Paragraph>
      <Paragraph>
        <RouterLink to={`/rapportage/jaarverslag?${annualParams.toString()}`}>{t('outcomes.annualLink')}</RouterLink>
      </Paragraph>
      <OutcomeFiltersForm
        key={key}
        filters={filters}
        centres={pickableCentres(data, me)}
        today={todayIso}
        onApply={apply}
      />
      {report.isError ? <OutcomesProblem error={report.error} /> : null}
      {report.isPending ? <Loading /> : null}
      {data ? (
        <div data-testid="outcomes-report" aria-busy={report.isPlaceholderData}>
          <Paragraph aria-live="polite" data-testid="outcomes-shown">
            {report.isPlaceholderData
              ? t('outcomes.updating')
              : t('outcomes.filters.shown', {
                  from: formatDate(data.from, language),
                  to: formatDate(data.to, language),
                  interval: t(`outcomes.filters.shownIntervals.${data.interval}`),
                })}
          </Paragraph>
          <nav aria-label={t('outcomes.contents')} className="kc-outcome__contents kc-no-print">
            <ul>
              {data.indicators.map((indicator) => (
                <li key={indicator.id}>
                  <a className="utrecht-link utrecht-link--html-a" href={`#indicator-${indicator.id}`}>
                    {indicatorTitle(indicator.id, t)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {data.indicators.map((indicator) => (
            <IndicatorSection key={indicator.id} indicator={indicator} report={data} startNorms={startNorms} />
          ))}
        </div>
      ) : null}
    </>
  );
}
