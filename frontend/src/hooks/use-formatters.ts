import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { calculateAge, formatDate, formatDateTime, formatTime } from '@/lib/format';
import { isLanguage, DEFAULT_LANGUAGE } from '@/lib/i18n';

/** Date, time and age texts in the language the person chose. */
export function useFormatters() {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;

  const date = useCallback((value: string) => formatDate(value, language), [language]);
  const dateTime = useCallback((value: string) => formatDateTime(value, language), [language]);
  const time = useCallback((value: string) => formatTime(value, language), [language]);

  const age = useCallback(
    (dateOfBirth: string, today: Date = new Date()) => {
      const { years, months } = calculateAge(dateOfBirth, today);
      // Under two, months say more about a child than years do.
      if (years === 0) return t('age.months', { count: months });
      if (years < 2 && months > 0) {
        return t('age.yearsAndMonths', {
          years: t('age.years', { count: years }),
          months: t('age.months', { count: months }),
        });
      }
      return t('age.years', { count: years });
    },
    [t],
  );

  return { date, dateTime, time, age, language };
}
