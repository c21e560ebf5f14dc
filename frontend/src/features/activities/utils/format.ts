import type { TFunction } from 'i18next';
import { LOCALES, sortWeekdays, WEEKDAYS, type Weekday } from '@/lib/format';
import type { Language } from '@/lib/i18n';
import type { ActivityRead } from '@/features/activities/types';


/** "€ 12,50"; null when it is free (no cost, or 0). */
export function costText(costCents: number | null, language: Language): string | null {
  if (!costCents) return null;
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'EUR' }).format(costCents / 100);
}

/** "8 tot en met 12 jaar", "vanaf 8 jaar", "tot en met 12 jaar" or "alle leeftijden". */
export function ageRangeText(t: TFunction, activity: Pick<ActivityRead, 'minAge' | 'maxAge'>): string {
  const { minAge, maxAge } = activity;
  if (minAge !== null && maxAge !== null) {
    return minAge === maxAge ? t('activities.ages.exactly', { age: minAge }) : t('activities.ages.between', { min: minAge, max: maxAge });
  }
  if (minAge !== null) return t('activities.ages.from', { min: minAge });
  if (maxAge !== null) return t('activities.ages.upTo', { max: maxAge });
  return t('activities.ages.all');
}

/** "dinsdag en donderdag", Monday first; null when no session is planned yet. */
export function weekdaysText(t: TFunction, weekdays: readonly string[]): string | null {
  const known = sortWeekdays(weekdays.filter((day): day is Weekday => (WEEKDAYS as readonly string[]).includes(day)));
  if (known.length === 0) return null;
  const names = known.map((day) => t(`days.${day}`));
  if (names.length === 1) return names[0]!;
  return t('activities.list.and', { first: names.slice(0, -1).join(', '), last: names[names.length - 1] });
}
