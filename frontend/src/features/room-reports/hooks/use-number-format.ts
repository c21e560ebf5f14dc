import { useMemo } from 'react';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import { numberFormat, type NumberFormat } from '@/features/room-reports/utils/format';

/** Numbers in the reader's language (nl-NL by default), and "12,5 uur" for hours. */
export function useNumberFormat(): NumberFormat & { hoursText: (value: number) => string } {
  const { t, language } = useRoomReportsTranslation();
  return useMemo(() => {
    const format = numberFormat(language);
    return { ...format, hoursText: (value: number) => t('hours', { count: value, hours: format.hours(value) }) };
  }, [language, t]);
}
