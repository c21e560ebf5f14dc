import { LOCALES } from '@/lib/format';
import type { Language } from '@/lib/i18n';


/** A no-break space: "1.266 m²" and "45 %" never break between the number and the unit. */
const NBSP = '\u00a0';

export type NumberFormat = {
  /** 1234.56 → "1.234,6" (nl): hours, with one decimal at most. */
  hours: (value: number) => string;
  /** 0.453 → "45%" (nl); null → null. Whole percentages: a tenth of a percent says nothing here. */
  percent: (value: number | null) => string | null;
  /** 1266.36 → "1.266 m²"; `digits` decimals at most (the norm's 5,03 m² needs two). */
  m2: (value: number, digits?: number) => string;
  /** 212 → "212", 1234 → "1.234". */
  integer: (value: number) => string;
  /** 5.03 → "5,03", without thousands separators: the value a form field starts with. */
  plain: (value: number) => string;
};

/**
 * Numbers in the reader's language: Dutch (nl-NL: "1.266,5") by default, British English
 * otherwise. Rounding happens here only, never in the figures the API sent.
 */
export function numberFormat(language: Language): NumberFormat {
  const locale = LOCALES[language];
  const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });
  const areas = new Map<number, Intl.NumberFormat>();
  const area = (digits: number) => {
    let format = areas.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
      areas.set(digits, format);
    }
    return format;
  };
  return {
    hours: (value) => hours.format(value),
    percent: (value) => (value === null ? null : percent.format(value).replace(/\s/g, NBSP)),
    m2: (value, digits = 0) => `${area(digits).format(value)}${NBSP}m²`,
    integer: (value) => integer.format(value),
    plain: (value) => plain.format(value),
  };
}

/**
 * A number typed in a form: "5,03" in Dutch (a dot groups thousands: "1.266,5"), "5.03" in
 * English (a comma groups thousands). Null for anything that is not a number.
 */
export function parseDecimal(value: string, language: Language): number | null {
  const text = value.trim().replace(/\s/g, '');
  const [group, decimal] = language === 'nl' ? ['.', ','] : [',', '.'];
  const escapedGroup = group === '.' ? '\\.' : group;
  const escapedDecimal = decimal === '.' ? '\\.' : decimal;
  const grouped = new RegExp(`^\\d{1,3}(${escapedGroup}\\d{3})+(${escapedDecimal}\\d+)?$`);
  const bare = new RegExp(`^\\d+(${escapedDecimal}\\d+)?$`);
  if (grouped.test(text) || bare.test(text)) {
    return Number(text.split(group).join('').replace(decimal, '.'));
  }
  // The other decimal mark, without grouping ("5.03" in a Dutch form): clear enough to take.
  if (/^\d+[.,]\d{1,2}$/.test(text)) return Number(text.replace(',', '.'));
  return null;
}
