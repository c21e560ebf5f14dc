import type { StaffLanguage } from '@/lib/i18n';
import type { UtilisationReport } from '@/features/room-reports/types';
// Only this feature's texts of the two files (named imports: the build leaves the rest out).
import { roomReports as enTexts } from '@/locales/en.json';
import { roomReports as nlTexts } from '@/locales/nl.json';

const TEXTS = { nl: nlTexts, en: enTexts } satisfies Record<StaffLanguage, unknown>;

/**
 * How a spreadsheet in the reader's language splits a CSV file. Excel reads a CSV with the
 * list separator and decimal mark of the computer's regional settings: a Dutch Windows uses
 * `;` between fields and `,` in numbers, so a comma-separated file with "12.5" lands in one
 * column with wrong numbers. The Dutch file therefore uses `;` and a decimal comma; the
 * English one the usual `,` and a decimal point. Numbers are never grouped ("1234,5", not
 * "1.234,5"), so no spreadsheet mistakes a thousands separator for a decimal mark.
 */
export type CsvDialect = { separator: ';' | ','; decimal: ',' | '.' };

export const CSV_DIALECTS: Record<StaffLanguage, CsvDialect> = {
  nl: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};


type Cell = string | number | null;

/** A number with two decimals at most, the dialect's decimal mark and no grouping; empty for null. */
export function csvNumber(value: number | null, dialect: CsvDialect, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return '';
  const rounded = Number(value.toFixed(digits));
  // -0 after rounding reads as "-0" in some spreadsheets.
  return String(rounded === 0 ? 0 : rounded).replace('.', dialect.decimal);
}

/**
 * One field: quoted when it holds the separator, a quote or a line break (RFC 4180, quotes
 * doubled). Text that a spreadsheet would run as a formula (=, +, -, @ first: a room named
 * "=HYPERLINK(…)") gets a leading apostrophe, so it shows as text (OWASP "CSV injection").
 */
export function csvField(value: Cell, dialect: CsvDialect): string {
  if (value === null) return '';
  if (typeof value === 'number') return csvNumber(value, dialect);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (text.includes(dialect.separator) || /["\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

function line(cells: Cell[], dialect: CsvDialect): string {
  return cells.map((cell) => csvField(cell, dialect)).join(dialect.separator);
}

/**
 * The utilisation report as CSV: the building and period, then a table per room and a table
 * per organisation, each under its own title and separated by an empty line. Lines end in
 * CRLF (RFC 4180). Hours as numbers; the occupancy as a percentage with one decimal.
 */
export function buildUtilisationCsv(
  report: UtilisationReport,
  buildingName: string,
  language: StaffLanguage,
): string {
  const dialect = CSV_DIALECTS[language];
  const texts = TEXTS[language];
  const csv = texts.utilisation.csv;
  const percent = (value: number | null) => (value === null ? null : csvNumber(value * 100, dialect, 1));
  const lines: Cell[][] = [
    [csv.building, buildingName],
    [csv.period, report.from, report.to],
    [],
    [csv.perRoom],
    [
      csv.room,
      csv.roomType,
      csv.floorArea,
      csv.opening,
      csv.booked,
      csv.utilisation,
      csv.afterSchool,
      csv.holidays,
      csv.noShow,
      csv.organisationCount,
    ],
    ...report.rooms.map((room) => [
      room.name,
      texts.roomTypes[room.type],
      room.floorAreaM2,
      room.openingHours,
      room.bookedHours,
      percent(room.utilisation),
      room.afterSchoolHours,
      room.holidayHours,
      room.noShowHours,
      room.organisationCount,
    ]),
    [],
    [csv.perOrganisation],
    [csv.organisation, csv.organisationType, csv.booked, csv.inRoomsOfOthers, csv.roomsUsed],
    ...report.organisations.map((organisation) => [
      organisation.organisationName,
      texts.organisationTypes[organisation.organisationType],
      organisation.bookedHours,
      organisation.hoursInRoomsOfOthers,
      organisation.roomsUsed,
    ]),
  ];
  return lines.map((cells) => line(cells, dialect)).join('\r\n') + '\r\n';
}

/** "ruimtegebruik_hoofdgebouw-de-regenboog_2026-08-01_2027-07-31.csv" */
export function csvFileName(prefix: string, buildingName: string, from: string, to: string): string {
  const slug = buildingName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${[prefix, slug, from, to].filter(Boolean).join('_')}.csv`;
}

/**
 * Hands the text to the browser as a file download. The byte order mark makes Excel read the
 * file as UTF-8 (otherwise "m²" and "Bibliothèque" arrive garbled).
 */
export function downloadCsv(fileName: string, content: string): void {
  const blob = new Blob(['\uFEFF', content], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download after click() returns: free the address a moment later.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
