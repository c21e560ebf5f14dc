import { LOCALES } from '@/lib/format';
import type { StaffLanguage } from '@/lib/i18n';
import type { MeasureKind, OutcomeCell } from '@/features/outcomes/types';

/** A no-break space: "1.450 m²" and "78 %" never break between the number and the unit. */
const NBSP = '\u00a0';

export type Shown =
  /** Suppressed: a small group (or a cell that would give one away). Never a 0. */
  | { state: 'hidden' }
  /** Nothing to measure: no request, so no waiting time. Shown as "–". */
  | { state: 'none' }
  | { state: 'value'; value: number; text: string };

/** Formats numbers of each kind in the reader's language (rounding happens here only). */
export function numberFormatter(language: StaffLanguage) {
  const locale = LOCALES[language];
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return (value: number, kind: MeasureKind): string => {
    switch (kind) {
      case 'share':
        return percent.format(value).replace(/\s/g, NBSP);
      case 'm2':
        return `${whole.format(value)}${NBSP}m²`;
      default:
        return oneDecimal.format(value);
    }
  };
}

export type FormatNumber = ReturnType<typeof numberFormatter>;

/** What a cell shows: hidden, nothing to measure, or its value in the reader's language. */
export function showCell(cell: OutcomeCell | undefined, kind: MeasureKind, format: FormatNumber): Shown {
  if (cell?.suppressed) return { state: 'hidden' };
  if (cell === undefined || cell.value === null || !Number.isFinite(cell.value)) return { state: 'none' };
  return { state: 'value', value: cell.value, text: format(cell.value, kind) };
}
