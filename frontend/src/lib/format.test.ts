import { describe, expect, it } from 'vitest';
import {
  calculateAge,
  formatDate,
  formatDateTime,
  formatNumber,
  formatTime,
  parseIsoDate,
  sortWeekdays,
  todayIsoDate,
} from '@/lib/format';

describe('formatDate', () => {
  it('writes a date the Dutch way', () => {
    expect(formatDate('2019-03-05', 'nl')).toBe('5 maart 2019');
    expect(formatDate('2020-12-31', 'nl')).toBe('31 december 2020');
  });

  it('writes a date the British English way', () => {
    expect(formatDate('2019-03-05', 'en')).toBe('5 March 2019');
  });

  it('keeps the calendar day whatever the time zone (no shift to the day before)', () => {
    expect(formatDate('2021-01-01', 'nl')).toBe('1 januari 2021');
  });

  it('shows the day of a timestamp (such as "since" of a contact person)', () => {
    expect(formatDate('2023-08-28T12:00:00+02:00', 'nl')).toBe('28 augustus 2023');
    expect(() => formatDate('gisteren', 'nl')).toThrow(RangeError);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => parseIsoDate('2021-02-30')).toThrow(RangeError);
    expect(() => parseIsoDate('05-03-2019')).toThrow(RangeError);
  });
});

describe('formatDateTime', () => {
  it('writes date and time the Dutch and the English way', () => {
    const local = new Date(2026, 2, 3, 14, 5).toISOString();
    expect(formatDateTime(local, 'nl')).toBe('3 maart 2026 om 14:05');
    expect(formatDateTime(local, 'en')).toBe('3 March 2026 at 14:05');
    expect(() => formatDateTime('gisteren', 'nl')).toThrow(RangeError);
  });
});

describe('formatTime', () => {
  it('writes the time of day, 24-hour, in both languages', () => {
    const local = new Date(2026, 2, 3, 9, 5).toISOString();
    expect(formatTime(local, 'nl')).toBe('09:05');
    expect(formatTime(local, 'en')).toBe('09:05');
    expect(() => formatTime('straks', 'nl')).toThrow(RangeError);
  });
});

describe('todayIsoDate', () => {
  it('gives the local calendar day', () => {
    expect(todayIsoDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('calculateAge', () => {
  const on = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12);

  it('counts a year only from the birthday on', () => {
    expect(calculateAge('2018-06-15', on(2024, 6, 14))).toEqual({ years: 5, months: 11 });
    expect(calculateAge('2018-06-15', on(2024, 6, 15))).toEqual({ years: 6, months: 0 });
  });

  it('gives months for a baby', () => {
    expect(calculateAge('2024-01-20', on(2024, 4, 19))).toEqual({ years: 0, months: 2 });
    expect(calculateAge('2024-01-20', on(2024, 4, 20))).toEqual({ years: 0, months: 3 });
  });

  it('treats a leap-day child as a year older on 1 March in other years', () => {
    expect(calculateAge('2016-02-29', on(2023, 2, 28))).toEqual({ years: 6, months: 11 });
    expect(calculateAge('2016-02-29', on(2023, 3, 1))).toEqual({ years: 7, months: 0 });
  });

  it('never goes below zero for a date in the future', () => {
    expect(calculateAge('2030-01-01', on(2024, 1, 1))).toEqual({ years: 0, months: 0 });
  });
});

describe('sortWeekdays', () => {
  it('puts Monday first', () => {
    expect(sortWeekdays(['friday', 'monday', 'wednesday'])).toEqual([
      'monday',
      'wednesday',
      'friday',
    ]);
  });
});

describe('dates and numbers in the families\' languages', () => {
  it('writes a date in Arabic, Turkish, Polish and Ukrainian', () => {
    // Arabic: Latin or Arabic-Indic digits, as the browser's Intl data has it.
    expect(formatDate('2019-03-05', 'ar')).toMatch(/^[5٥] مارس (2019|٢٠١٩)$/);
    expect(formatDate('2019-03-05', 'tr')).toBe('5 Mart 2019');
    expect(formatDate('2019-03-05', 'pl')).toBe('5 marca 2019');
    expect(formatDate('2019-03-05', 'uk')).toMatch(/^5 березня 2019( р\.)?$/);
  });

  it('writes a time and a number the way each language does', () => {
    expect(formatTime('2026-03-03T13:05:00Z', 'tr')).toMatch(/^\d{2}:05$/);
    expect(formatNumber(1234.5, 'nl')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'tr')).toBe('1.234,5');
    expect(formatNumber(12345.5, 'pl')).toMatch(/^12\s345,5$/);
  });
});
