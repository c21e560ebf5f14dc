import type { StaffLanguage } from '@/lib/i18n';
import { isFigure, type TableModel } from '@/features/outcomes/utils/table';

/**
 * How a spreadsheet in the reader's language splits the file: a Dutch Excel expects `;`
 * between fields and a decimal comma, an English one `,` and a decimal point. Numbers are
 * never grouped ("1450", not "1.450"), so no spreadsheet mistakes a thousands separator.
 */
export const CSV_DIALECTS = {
  nl: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
} as const satisfies Record<StaffLanguage, { separator: string; decimal: string }>;

type Dialect = (typeof CSV_DIALECTS)[StaffLanguage];

/** A number with `digits` decimals at most, the dialect's decimal mark, no grouping. */
export function csvNumber(value: number, dialect: Dialect, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  return String(rounded === 0 ? 0 : rounded).replace('.', dialect.decimal);
}

/**
 * One field: quoted when it holds the separator, a quote or a line break (RFC 4180). Text a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe (OWASP
 * "CSV injection"): a professional's or centre's name is typed by people.
 */
export function csvText(value: string, dialect: Dialect): string {
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (text.includes(dialect.separator) || /["\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

/**
 * The table as CSV: a header row with the column names, then a row per table row; lines end
 * in CRLF. Shares are percentages (0.476 → 47,6). A suppressed cell says `hiddenText`
 * ("verborgen"), never 0; a cell with nothing to measure is empty.
 */
export function buildCsv(model: TableModel, language: StaffLanguage, hiddenText: string): string {
  const dialect = CSV_DIALECTS[language];
  const header = model.columns.map((column) =>
    csvText(column.kind === 'share' ? `${column.label} (%)` : column.label, dialect),
  );
  const lines = model.rows.map((row) =>
    row.cells.map((cell) => {
      if (!isFigure(cell)) return csvText(cell.csvText ?? cell.text, dialect);
      if (cell.cell?.suppressed) return csvText(hiddenText, dialect);
      const value = cell.cell?.value;
      if (value === null || value === undefined || !Number.isFinite(value)) return '';
      return cell.kind === 'share' ? csvNumber(value * 100, dialect, 1) : csvNumber(value, dialect);
    }),
  );
  return [header, ...lines].map((cells) => cells.join(dialect.separator)).join('\r\n') + '\r\n';
}

/**
 * Hands the text to the browser as a download. The byte order mark makes Excel read UTF-8
 * ("m²", "Zoë").
 */
export function downloadCsv(fileName: string, content: string): void {
  const blob = new Blob(['\uFEFF', content], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.endsWith('.csv') ? fileName : `${fileName}.csv`;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download after click() returns: free the address a moment later.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
