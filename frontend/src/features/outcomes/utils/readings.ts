import { formatDate } from '@/lib/format';
import type { StaffLanguage } from '@/lib/i18n';
import { groupLabel, HEADLINES, measureKind } from '@/features/outcomes/utils/indicators';
import { showCell, type FormatNumber, type Shown } from '@/features/outcomes/utils/format';
import { periodLabel, type Translate } from '@/features/outcomes/utils/periods';
import type { Indicator, OutcomeReport, OutcomeRow, ReportPeriod } from '@/features/outcomes/types';

/*
 * The reading: one sentence in plain Dutch (or English) that says what an indicator's latest
 * period shows, and how it compares with the period before. "In 2025-2026 begon 78% van de
 * logopedie binnen de norm van 10 werkdagen, tegen 64% in 2024-2025."
 */

export type ReadingContext = {
  report: OutcomeReport;
  t: Translate;
  language: StaffLanguage;
  format: FormatNumber;
  /** Working days within which support should start, per trajectory type (when known). */
  startNorms?: Partial<Record<string, number>>;
};

/** The last day of the period a key names; a period cut short by the report's end ends earlier. */
export function naturalEnd(key: string): string | null {
  const year = /^(\d{4})-(\d{4})$/.exec(key);
  if (year) return `${year[2]}-07-31`;
  const term = /^(\d{4})-(\d{4})-T([123])$/.exec(key);
  if (term) return ['', `${term[1]}-11-30`, `${term[2]}-03-31`, `${term[2]}-07-31`][Number(term[3])] ?? null;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0));
    return last.toISOString().slice(0, 10);
  }
  return null;
}

/** "2025-2026", or "2026-2027 (tot en met 1 december 2026)" for a period still running. */
export function periodText(period: ReportPeriod, { t, language }: Pick<ReadingContext, 't' | 'language'>): string {
  const label = periodLabel(period.key, t, language);
  const end = naturalEnd(period.key);
  if (end && period.to < end) return t('outcomes.readings.until', { period: label, date: formatDate(period.to, language) });
  return label;
}

function rowAt(indicator: Indicator, period: string, group: string | null): OutcomeRow | undefined {
  return indicator.series.find((row) => row.period === period && row.group === group);
}

/** Lower-case first letter: "Logopedie" in the middle of a sentence is "logopedie". */
function inSentence(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

/** The headline figure of one period (the funnel's: the share of signals that led to a request). */
function headlineAt(indicator: Indicator, period: string, group: string | null, format: FormatNumber): Shown {
  const { measure } = HEADLINES[indicator.id];
  const row = rowAt(indicator, period, group);
  if (indicator.id === 'signalFunnel') {
    const raised = row?.values.raised;
    const requested = row?.values.supportRequested;
    if (raised?.suppressed || requested?.suppressed) return { state: 'hidden' };
    if (!raised?.value || requested?.value === null || requested?.value === undefined) return { state: 'none' };
    const share = requested.value / raised.value;
    return { state: 'value', value: share, text: format(share, 'share') };
  }
  return showCell(row?.values[measure], measureKind(measure), format);
}

/** The group the reading is about: the chosen trajectory type for the waiting times, else the headline's. */
function readingGroup(indicator: Indicator, report: OutcomeReport): string | null {
  const { group } = HEADLINES[indicator.id];
  if (indicator.id === 'waitingTime') return report.trajectoryType ?? null;
  return group === 'each' ? null : group;
}

/** The largest figure among the groups of one period (the busiest professional). */
function largestGroup(indicator: Indicator, period: string, format: FormatNumber) {
  const { measure } = HEADLINES[indicator.id];
  const kind = measureKind(measure);
  let best: { row: OutcomeRow; shown: Extract<Shown, { state: 'value' }> } | null = null;
  let hidden = false;
  for (const row of indicator.series) {
    if (row.period !== period || row.group === null) continue;
    const shown = showCell(row.values[measure], kind, format);
    if (shown.state === 'hidden') hidden = true;
    if (shown.state === 'value' && (!best || shown.value > best.shown.value)) best = { row, shown };
  }
  return { best, hidden };
}

/** The sentence for one indicator. */
export function reading(indicator: Indicator, context: ReadingContext): string {
  const { report, t, format } = context;
  const last = report.periods.at(-1);
  if (!last) return t('outcomes.readings.noPeriods');
  const previous = report.periods.at(-2);
  const period = periodText(last, context);
  const key = `outcomes.readings.${indicator.id}`;

  if (HEADLINES[indicator.id].group === 'each') {
    const { best, hidden } = largestGroup(indicator, last.key, format);
    // No figure, or none above 0 ("the most children took part in sport: 0%" says nothing).
    if (!best || best.shown.value === 0) {
      return t(hidden ? 'outcomes.readings.hidden' : 'outcomes.readings.none', { period });
    }
    const name = groupLabel(indicator.groupBy, best.row, t);
    const named = indicator.id === 'participation' ? inSentence(name) : name;
    const sentence = t(key, { period, name: named, value: best.shown.text, count: best.shown.value });
    // A hidden figure may be larger than the largest shown: say the sentence is about those shown.
    return `${sentence}${hidden ? t('outcomes.readings.amongShown') : ''}.`;
  }

  const group = readingGroup(indicator, report);
  const now = headlineAt(indicator, last.key, group, format);
  if (now.state === 'hidden') return t('outcomes.readings.hidden', { period });
  if (now.state === 'none') return t('outcomes.readings.none', { period });

  let sentence: string;
  if (indicator.id === 'waitingTime') {
    if (group === null) {
      sentence = t(`${key}.all`, { period, value: now.text });
    } else {
      const type = inSentence(groupLabel(indicator.groupBy, { group, label: null }, t));
      const days = context.startNorms?.[group];
      sentence =
        days === undefined
          ? t(`${key}.type`, { period, value: now.text, type })
          : t(`${key}.typeWithNorm`, { period, value: now.text, type, count: days });
    }
  } else if (indicator.id === 'floorArea') {
    const pupils = rowAt(indicator, last.key, null)?.values.pupils?.value;
    const size = format(Math.abs(now.value), 'm2');
    sentence = t(now.value >= 0 ? `${key}.more` : `${key}.less`, { period, value: size, count: pupils ?? 0 });
  } else {
    sentence = t(key, { period, value: now.text, count: now.value });
  }

  if (HEADLINES[indicator.id].compare && previous) {
    const before = headlineAt(indicator, previous.key, group, format);
    if (before.state === 'value') {
      sentence += t('outcomes.readings.compared', {
        previous: before.text,
        previousPeriod: periodLabel(previous.key, t, context.language),
      });
    }
  }
  return `${sentence}.`;
}
