import type { StaffLanguage } from '@/lib/i18n';
import {
  ANNUAL_MEASURES,
  groupByLabel,
  groupLabel,
  indicatorTitle,
  measureKind,
  measureLabel,
} from '@/features/outcomes/utils/indicators';
import { periodLabel, type Translate } from '@/features/outcomes/utils/periods';
import type { Indicator, MeasureKind, OutcomeCell, OutcomeReport, OutcomeRow } from '@/features/outcomes/types';

/*
 * A table of the report, once: the page renders it, "Download CSV" writes it. So the file holds
 * exactly what the table shows, in the same order, with the same names.
 */

export type TableColumn = {
  key: string;
  label: string;
  /** Figures (right-aligned); the first columns name the row. */
  numeric: boolean;
  /** A column of one measure: its kind (a share's CSV header says "(%)"). */
  kind?: MeasureKind;
};

export type TableCell =
  | { text: string; /** In the CSV file, when it says more there (a unit). */ csvText?: string }
  | { cell: OutcomeCell | undefined; kind: MeasureKind };

export type TableRow = { key: string; cells: TableCell[] };

export type TableModel = {
  /** Unique on the page. */
  id: string;
  caption: string;
  /** Without ".csv": "wachttijden-per-periode-2024-08-01-2026-12-01". */
  fileName: string;
  columns: TableColumn[];
  rows: TableRow[];
};

export function isFigure(cell: TableCell): cell is Extract<TableCell, { cell: unknown }> {
  return 'kind' in cell;
}

/** True when a cell of the table is suppressed: the table then explains why. */
export function hasHidden(model: TableModel): boolean {
  return model.rows.some((row) => row.cells.some((cell) => isFigure(cell) && cell.cell?.suppressed === true));
}

type Context = { report: OutcomeReport; t: Translate; language: StaffLanguage };

/** "wachttijden-per-periode-2024-08-01-2026-12-01" */
export function fileName(indicator: string, part: string, from: string, to: string): string {
  return [indicator, part, from, to]
    .join('-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The rows a reader wants: with a trajectory type chosen, the waiting times of that type only
 * (the API still lists the others, empty).
 */
export function visibleRows(report: OutcomeReport, indicator: Indicator, rows: OutcomeRow[]): OutcomeRow[] {
  if (indicator.groupBy === 'trajectoryType' && report.trajectoryType) {
    return rows.filter((row) => row.group === report.trajectoryType);
  }
  return rows;
}

function measureColumns(indicator: Indicator, t: Translate): TableColumn[] {
  return indicator.measures.map((measure) => ({
    key: measure,
    label: measureLabel(measure, t),
    numeric: true,
    kind: measureKind(measure),
  }));
}

function figures(indicator: Indicator, row: OutcomeRow): TableCell[] {
  return indicator.measures.map((measure) => ({ cell: row.values[measure], kind: measureKind(measure) }));
}

/** The indicator over the periods: a row per period (and group). */
export function seriesTable(indicator: Indicator, { report, t, language }: Context): TableModel {
  const title = indicatorTitle(indicator.id, t);
  const groupBy = indicator.groupBy;
  return {
    id: `${indicator.id}-series`,
    caption: t('outcomes.table.seriesCaption', { indicator: title }),
    fileName: fileName(t(`outcomes.indicators.${indicator.id}.file`), t('outcomes.csv.perPeriod'), report.from, report.to),
    columns: [
      { key: 'period', label: t('outcomes.table.period'), numeric: false },
      ...(groupBy ? [{ key: 'group', label: groupByLabel(groupBy, t), numeric: false }] : []),
      ...measureColumns(indicator, t),
    ],
    rows: visibleRows(report, indicator, indicator.series).map((row) => ({
      key: `${row.period}/${row.group ?? ''}`,
      cells: [
        { text: periodLabel(row.period ?? '', t, language), csvText: row.period ?? '' },
        ...(groupBy ? [{ text: groupLabel(groupBy, row, t) }] : []),
        ...figures(indicator, row),
      ],
    })),
  };
}

/** The comparison: a row per centre (and group), over the report's whole window. */
export function byCentreTable(indicator: Indicator, { report, t }: Context): TableModel {
  const title = indicatorTitle(indicator.id, t);
  const groupBy = indicator.groupBy;
  const names = new Map(report.centres.map((centre) => [centre.centreId, centre.name]));
  return {
    id: `${indicator.id}-centres`,
    caption: t('outcomes.table.byCentreCaption', { indicator: title }),
    fileName: fileName(t(`outcomes.indicators.${indicator.id}.file`), t('outcomes.csv.perCentre'), report.from, report.to),
    columns: [
      { key: 'centre', label: t('outcomes.table.centre'), numeric: false },
      ...(groupBy ? [{ key: 'group', label: groupByLabel(groupBy, t), numeric: false }] : []),
      ...measureColumns(indicator, t),
    ],
    rows: visibleRows(report, indicator, indicator.byCentre).map((row) => ({
      key: `${row.centreId}/${row.group ?? ''}`,
      cells: [
        { text: names.get(row.centreId ?? '') ?? row.centreId ?? '' },
        ...(groupBy ? [{ text: groupLabel(groupBy, row, t) }] : []),
        ...figures(indicator, row),
      ],
    })),
  };
}

/**
 * The yearly report's key figures: the school year next to the year before. Without groups a
 * row per measure; with groups a row per group, and per key measure both years.
 */
export function annualTable(
  indicator: Indicator,
  years: { previous: string; current: string },
  { report, t }: Context,
): TableModel {
  const title = indicatorTitle(indicator.id, t);
  const groupBy = indicator.groupBy;
  const base = {
    id: `${indicator.id}-annual`,
    caption: t('outcomes.annual.caption', { indicator: title, previous: years.previous, year: years.current }),
    fileName: fileName(t(`outcomes.indicators.${indicator.id}.file`), t('outcomes.csv.annual'), years.previous, years.current),
  };
  const rows = visibleRows(report, indicator, indicator.series);
  const at = (period: string, group: string | null) => rows.find((row) => row.period === period && row.group === group);
  if (!groupBy) {
    return {
      ...base,
      columns: [
        { key: 'measure', label: t('outcomes.annual.figure'), numeric: false },
        { key: years.previous, label: years.previous, numeric: true },
        { key: years.current, label: years.current, numeric: true },
      ],
      rows: indicator.measures.map((measure) => {
        const kind = measureKind(measure);
        const label = measureLabel(measure, t);
        return {
          key: measure,
          cells: [
            { text: label, csvText: kind === 'share' ? `${label} (%)` : label },
            { cell: at(years.previous, null)?.values[measure], kind },
            { cell: at(years.current, null)?.values[measure], kind },
          ],
        };
      }),
    };
  }
  const measures = (ANNUAL_MEASURES[indicator.id] ?? indicator.measures).filter((m) => indicator.measures.includes(m));
  const groups: OutcomeRow[] = [];
  for (const row of rows) {
    if ((row.period === years.previous || row.period === years.current) && !groups.some((g) => g.group === row.group)) {
      groups.push(row);
    }
  }
  return {
    ...base,
    columns: [
      { key: 'group', label: groupByLabel(groupBy, t), numeric: false },
      ...measures.flatMap((measure) =>
        [years.previous, years.current].map((year) => ({
          key: `${measure}/${year}`,
          label: t('outcomes.annual.measureInYear', { measure: measureLabel(measure, t), year }),
          numeric: true,
          kind: measureKind(measure),
        })),
      ),
    ],
    rows: groups.map((group) => ({
      key: group.group ?? '',
      cells: [
        { text: groupLabel(groupBy, group, t) },
        ...measures.flatMap((measure) =>
          [years.previous, years.current].map((year) => ({
            cell: at(year, group.group)?.values[measure],
            kind: measureKind(measure),
          })),
        ),
      ],
    })),
  };
}
