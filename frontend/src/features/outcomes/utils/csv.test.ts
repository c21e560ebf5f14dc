import { describe, expect, it } from 'vitest';
import { indicatorOf, outcomeReport, testT } from '@/features/outcomes/testing/fixtures';
import { buildCsv, csvText, CSV_DIALECTS } from '@/features/outcomes/utils/csv';
import { annualTable, byCentreTable, fileName, seriesTable } from '@/features/outcomes/utils/table';

const t = testT;
const nl = { t, language: 'nl' as const };

function lines(csv: string): string[] {
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(0, -2).split('\r\n');
}

describe('the CSV of a table', () => {
  it('has a header row and a row per table row, semicolons and decimal commas in Dutch', () => {
    const report = outcomeReport();
    const model = seriesTable(indicatorOf(report, 'waitingTime'), { report, ...nl });
    const [header, ...rows] = lines(buildCsv(model, 'nl', 'verborgen'));
    expect(header).toBe(
      'Periode;Soort hulp;Aanvragen;Werkdagen tot de intake (mediaan);Werkdagen tot de intake (9 van de 10 binnen);' +
        'Intake binnen de norm (%);Werkdagen tot de start (mediaan);Werkdagen tot de start (9 van de 10 binnen);Start binnen de norm (%)',
    );
    expect(rows).toHaveLength(8);
    expect(rows[0]).toBe('2024-2025;Logopedie;21;8;14;90;12,5;20;64');
  });

  it('writes a hidden cell as "verborgen", never as 0, and an empty one as an empty field', () => {
    const report = outcomeReport();
    const model = seriesTable(indicatorOf(report, 'waitingTime'), { report, ...nl });
    const rows = lines(buildCsv(model, 'nl', 'verborgen'));
    expect(rows[2]).toBe('2024-2025;Passend onderwijs;verborgen;verborgen;verborgen;verborgen;verborgen;verborgen;verborgen');
    expect(rows[3]).toBe('2024-2025;Fysiotherapie;0;;;;;;');
  });

  it('keeps only the chosen kind of support among the waiting times', () => {
    const report = outcomeReport({ trajectoryType: 'logopedie' });
    const model = seriesTable(indicatorOf(report, 'waitingTime'), { report, ...nl });
    const rows = lines(buildCsv(model, 'nl', 'verborgen')).slice(1);
    expect(rows.map((line) => line.split(';').slice(0, 2).join(';'))).toEqual(['2024-2025;Logopedie', '2025-2026;Logopedie']);
  });

  it('compares the centres, each by name', () => {
    const report = outcomeReport();
    const model = byCentreTable(indicatorOf(report, 'referrals'), { report, ...nl });
    expect(lines(buildCsv(model, 'nl', 'verborgen'))).toEqual([
      'Kindcentrum;Naar;Doorverwijzingen;Per 100 kinderen',
      'IKC De Regenboog;Totaal;27;5,2',
    ]);
    expect(model.fileName).toBe('doorverwijzingen-per-kindcentrum-2024-08-01-2026-07-31');
  });

  it('uses commas and decimal points in English', () => {
    const report = outcomeReport();
    const model = seriesTable(indicatorOf(report, 'floorArea'), { report, ...nl });
    const [header, first] = lines(buildCsv(model, 'en', 'hidden'));
    expect(header).toBe('Periode,Leerlingen,Norm (m²),Werkelijk (m²),Verschil met de norm (m²)');
    expect(first).toBe('2024-2025,135,879.1,1450,570.9');
  });

  it('puts the year before beside the school year in the yearly report', () => {
    const report = outcomeReport();
    const model = annualTable(indicatorOf(report, 'parents'), { previous: '2024-2025', current: '2025-2026' }, { report, ...nl });
    expect(lines(buildCsv(model, 'nl', 'verborgen'))).toEqual([
      'Cijfer;2024-2025;2025-2026',
      'Kinderen;135;157',
      'Kinderen met een contactpersoon (%);50;verborgen',
      'Vragen van ouders;0;0',
      'Uren tot het eerste antwoord (mediaan);;',
      'Geldige toestemmingen;20;45',
    ]);
    expect(model.fileName).toBe('ouders-jaarverslag-2024-2025-2025-2026');
    const grouped = annualTable(indicatorOf(report, 'referrals'), { previous: '2024-2025', current: '2025-2026' }, { report, ...nl });
    expect(lines(buildCsv(grouped, 'nl', 'verborgen'))).toEqual([
      'Naar;Doorverwijzingen 2024-2025;Doorverwijzingen 2025-2026;Per 100 kinderen 2024-2025;Per 100 kinderen 2025-2026',
      'Specialistische jeugdhulp;verborgen;10;verborgen;4,1',
      'Totaal;12;15;6,3;4,1',
    ]);
  });

  it('quotes separators and defuses formulas in names', () => {
    expect(csvText('Zorg; en meer', CSV_DIALECTS.nl)).toBe('"Zorg; en meer"');
    expect(csvText('Zeg "hoi"', CSV_DIALECTS.nl)).toBe('"Zeg ""hoi"""');
    expect(csvText('=HYPERLINK("x")', CSV_DIALECTS.en)).toBe('"\'=HYPERLINK(""x"")"');
  });

  it('names the file after the indicator, the part and the period', () => {
    expect(fileName('Wachttijden', 'per periode', '2024-08-01', '2026-12-01')).toBe('wachttijden-per-periode-2024-08-01-2026-12-01');
    expect(fileName('Eén team', 'per kindcentrum', '2024-08-01', '2026-12-01')).toBe('een-team-per-kindcentrum-2024-08-01-2026-12-01');
  });
});
