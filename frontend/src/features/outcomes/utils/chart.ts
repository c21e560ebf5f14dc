import type { StaffLanguage } from '@/lib/i18n';
import { groupByLabel, groupLabel, HEADLINES, measureKind, measureLabel } from '@/features/outcomes/utils/indicators';
import { showCell, type FormatNumber, type Shown } from '@/features/outcomes/utils/format';
import { periodLabel, type Translate } from '@/features/outcomes/utils/periods';
import type { Indicator, MeasureKind, OutcomeReport, OutcomeRow } from '@/features/outcomes/types';

export type Bar = { key: string; label: string; shown: Shown };

export type ChartModel = { bars: Bar[]; kind: MeasureKind; caption: string };

type Context = { report: OutcomeReport; t: Translate; language: StaffLanguage; format: FormatNumber };

/** The group a chart draws: the chosen trajectory type for the waiting times, else the headline's. */
function chartGroup(indicator: Indicator, report: OutcomeReport): string | null | 'each' {
  if (indicator.id === 'waitingTime') return report.trajectoryType ?? null;
  return HEADLINES[indicator.id].group;
}

/**
 * The series as bars: the headline figure per period; for an indicator without a total (the
 * caseload), every group of the latest period that has figures.
 */
export function seriesChart(indicator: Indicator, { report, t, language, format }: Context): ChartModel {
  const { measure } = HEADLINES[indicator.id];
  const kind = measureKind(measure);
  const group = chartGroup(indicator, report);
  const bar = (key: string, label: string, row: OutcomeRow | undefined): Bar => ({
    key,
    label,
    shown: showCell(row?.values[measure], kind, format),
  });
  if (group === 'each') {
    const withGroups = indicator.series.filter((row) => row.group !== null);
    const latest = [...report.periods].reverse().find((period) => withGroups.some((row) => row.period === period.key));
    const rows = latest ? withGroups.filter((row) => row.period === latest.key) : [];
    return {
      bars: rows.map((row) => bar(row.group ?? '', groupLabel(indicator.groupBy, row, t), row)),
      kind,
      caption: t('outcomes.chart.groups', {
        measure: measureLabel(measure, t).toLocaleLowerCase(),
        group: groupByLabel(indicator.groupBy ?? '', t).toLocaleLowerCase(),
        period: latest ? periodLabel(latest.key, t, language) : '',
      }),
    };
  }
  return {
    bars: report.periods.map((period) =>
      bar(
        period.key,
        periodLabel(period.key, t, language),
        indicator.series.find((row) => row.period === period.key && row.group === group),
      ),
    ),
    kind,
    caption: t('outcomes.chart.periods', { measure: measureLabel(measure, t).toLocaleLowerCase() }),
  };
}

/** The comparison as bars: the headline figure per centre (per centre and group without a total). */
export function byCentreChart(indicator: Indicator, { report, t, format }: Context): ChartModel {
  const { measure } = HEADLINES[indicator.id];
  const kind = measureKind(measure);
  const group = chartGroup(indicator, report);
  const names = new Map(report.centres.map((centre) => [centre.centreId, centre.name]));
  const rows =
    group === 'each'
      ? indicator.byCentre.filter((row) => row.group !== null)
      : indicator.byCentre.filter((row) => row.group === group);
  const centres = new Set(rows.map((row) => row.centreId));
  return {
    bars: rows.map((row) => {
      const centre = names.get(row.centreId ?? '') ?? '';
      const name = groupLabel(indicator.groupBy, row, t);
      // One centre (the management's own): the group says enough.
      const label = group !== 'each' ? centre : centres.size > 1 ? `${centre}: ${name}` : name;
      return { key: `${row.centreId}/${row.group ?? ''}`, label, shown: showCell(row.values[measure], kind, format) };
    }),
    kind,
    caption:
      group === 'each'
        ? t('outcomes.chart.groupsByCentre', {
            measure: measureLabel(measure, t).toLocaleLowerCase(),
            group: groupByLabel(indicator.groupBy ?? '', t).toLocaleLowerCase(),
          })
        : t('outcomes.chart.centres', { measure: measureLabel(measure, t).toLocaleLowerCase() }),
  };
}
