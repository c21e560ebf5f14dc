import { describe, expect, it } from 'vitest';
import { utilisationReport } from '@/features/room-reports/testing/fixtures';
import { buildUtilisationCsv, CSV_DIALECTS, csvField, csvFileName } from '@/features/room-reports/utils/csv';

describe('the utilisation CSV', () => {
  it('is what Dutch Excel splits: semicolons, a decimal comma, no grouping, per room and per organisation', () => {
    const csv = buildUtilisationCsv(utilisationReport(), 'Hoofdgebouw De Regenboog', 'nl');
    expect(csv.split('\r\n')).toEqual([
      'Gebouw;Hoofdgebouw De Regenboog',
      'Periode;2026-08-01;2027-07-31',
      '',
      'Per ruimte',
      'Ruimte;Soort ruimte;Oppervlakte (m²);Uren open;Uren geboekt;Bezetting (%);Uren na schooltijd;Uren in vakanties;Uren geboekt, niet gebruikt;Aantal organisaties',
      'Gymzaal;Gymzaal;300;2750;1500,5;54,6;300;40;3;2',
      'Lokaal 3;Lokaal;60;;34;;10,25;2;0;1',
      '',
      'Per organisatie',
      'Organisatie;Soort organisatie;Uren geboekt;Uren in ruimtes van anderen;Aantal ruimtes',
      'Basisschool De Regenboog;School;1300;0;1',
      'BSO Zonnestraal;Kinderopvang;234,5;234,5;2',
      '',
    ]);
  });

  it('uses commas and a decimal point in English, quoting a field that holds a comma', () => {
    const report = utilisationReport();
    report.organisations[1]!.organisationName = 'BSO Zon, Maan & Sterren';
    const lines = buildUtilisationCsv(report, 'Main building', 'en').split('\r\n');
    expect(lines[5]).toBe('Gymzaal,Gym,300,2750,1500.5,54.6,300,40,3,2');
    expect(lines[11]).toBe('"BSO Zon, Maan & Sterren",Childcare,234.5,234.5,2');
  });

  it('quotes quotes and line breaks, and keeps a spreadsheet from running a name as a formula', () => {
    const nl = CSV_DIALECTS.nl;
    expect(csvField('Lokaal "de Uil"', nl)).toBe('"Lokaal ""de Uil"""');
    expect(csvField('twee\nregels', nl)).toBe('"twee\nregels"');
    expect(csvField('a;b', nl)).toBe('"a;b"');
    expect(csvField('=HYPERLINK("http://x")', nl)).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)', nl)).toBe("'@SUM(A1)");
    expect(csvField(-0.001, nl)).toBe('0');
    expect(csvField(null, nl)).toBe('');
  });

  it('names the file after the building and the period', () => {
    expect(csvFileName('ruimtegebruik', 'Hoofdgebouw Dé Regenboog!', '2026-08-01', '2027-07-31')).toBe(
      'ruimtegebruik_hoofdgebouw-de-regenboog_2026-08-01_2027-07-31.csv',
    );
  });
});
