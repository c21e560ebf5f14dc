import { describe, expect, it } from 'vitest';
import { numberFormat, parseDecimal } from '@/features/room-reports/utils/format';

const nbsp = (text: string) => text.replace(/ /g, '\u00a0');

describe('numbers in the reports', () => {
  it('are Dutch by default: a dot groups thousands, a comma marks decimals', () => {
    const format = numberFormat('nl');
    expect(format.hours(1234.56)).toBe('1.234,6');
    expect(format.m2(1266.36)).toBe(nbsp('1.266 m²'));
    expect(format.m2(5.03, 2)).toBe(nbsp('5,03 m²'));
    expect(format.percent(0.4489)).toBe('45%');
    expect(format.percent(null)).toBeNull();
    expect(format.plain(1234.5)).toBe('1234,5');
  });

  it('are British in English', () => {
    const format = numberFormat('en');
    expect(format.hours(1234.56)).toBe('1,234.6');
    expect(format.m2(1266.36)).toBe(nbsp('1,266 m²'));
  });

  it('are read from a form the reader’s way', () => {
    expect(parseDecimal('5,03', 'nl')).toBe(5.03);
    expect(parseDecimal(' 1.266,5 ', 'nl')).toBe(1266.5);
    expect(parseDecimal('1.266', 'nl')).toBe(1266);
    expect(parseDecimal('5.03', 'nl')).toBe(5.03);
    expect(parseDecimal('200', 'nl')).toBe(200);
    expect(parseDecimal('5.03', 'en')).toBe(5.03);
    expect(parseDecimal('1,266.5', 'en')).toBe(1266.5);
    for (const wrong of ['', 'vijf', '5,0,3', '-5', '1e3']) expect(parseDecimal(wrong, 'nl')).toBeNull();
  });
});
