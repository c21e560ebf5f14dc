import { Heading, Paragraph } from '@utrecht/component-library-react';
import { formatDate } from '@/lib/format';
import { OutcomeChart } from '@/features/outcomes/components/outcome-chart';
import { OutcomeTable } from '@/features/outcomes/components/outcome-table';
import { useOutcomesTexts } from '@/features/outcomes/hooks/use-outcomes-texts';
import { byCentreChart, seriesChart } from '@/features/outcomes/utils/chart';
import { indicatorTitle } from '@/features/outcomes/utils/indicators';
import { reading } from '@/features/outcomes/utils/readings';
import { byCentreTable, seriesTable } from '@/features/outcomes/utils/table';
import type { Indicator, OutcomeReport } from '@/features/outcomes/types';

/**
 * One indicator: what it is about, the reading in one sentence, then the series over the
 * periods and the centres side by side, each a chart with its table beside it.
 */
export function IndicatorSection({
  indicator,
  report,
  startNorms,
}: {
  indicator: Indicator;
  report: OutcomeReport;
  startNorms?: Partial<Record<string, number>>;
}) {
  const { t, language, format } = useOutcomesTexts();
  const context = { report, t, language, format };
  const headingId = `indicator-${indicator.id}-heading`;
  const hiddenText = t('outcomes.hidden.cell');
  const series = seriesChart(indicator, context);
  const centres = byCentreChart(indicator, context);
  return (
    <section
      aria-labelledby={headingId}
      id={`indicator-${indicator.id}`}
      className="kc-outcome"
      data-testid={`indicator-${indicator.id}`}
    >
      <Heading level={2} id={headingId}>
        {indicatorTitle(indicator.id, t)}
      </Heading>
      <Paragraph>{t(`outcomes.indicators.${indicator.id}.intro`)}</Paragraph>
      <Paragraph className="kc-outcome__reading" data-testid="reading">
        <strong>{t('outcomes.readings.label')}: </strong>
        {reading(indicator, { ...context, startNorms })}
      </Paragraph>
      <Heading level={3}>{t('outcomes.table.seriesTitle')}</Heading>
      <div className="kc-outcome__pair">
        <OutcomeChart bars={series.bars} kind={series.kind} caption={series.caption} hiddenText={hiddenText} />
        <OutcomeTable model={seriesTable(indicator, context)} threshold={report.smallCellThreshold} />
      </div>
      <Heading level={3}>{t('outcomes.table.byCentreTitle')}</Heading>
      <Paragraph>{t('outcomes.table.byCentreHelp', {
          from: formatDate(report.from, language),
          to: formatDate(report.to, language),
        })}</Paragraph>
      <div className="kc-outcome__pair">
        <OutcomeChart bars={centres.bars} kind={centres.kind} caption={centres.caption} hiddenText={hiddenText} />
        <OutcomeTable model={byCentreTable(indicator, context)} threshold={report.smallCellThreshold} />
      </div>
    </section>
  );
}
