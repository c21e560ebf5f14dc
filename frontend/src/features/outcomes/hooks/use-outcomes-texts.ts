import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaffLanguage, type StaffLanguage } from '@/lib/i18n';
import { numberFormatter, type FormatNumber } from '@/features/outcomes/utils/format';
import type { Translate } from '@/features/outcomes/utils/periods';

/**
 * The texts and number format of the outcome reports, in the reader's language (a staff
 * screen: Dutch or English). `t` takes whole keys: the reports also name groups with the
 * support and activity features' texts (`consents.trajectoryTypes.logopedie`).
 */
export function useOutcomesTexts(): { t: Translate; language: StaffLanguage; format: FormatNumber } {
  const { t: appT, i18n } = useTranslation();
  const language = isStaffLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nl';
  const t = useCallback<Translate>(
    (key, options) => (appT as unknown as (key: string, options?: Record<string, unknown>) => string)(key, options),
    [appT],
  );
  const format = useMemo(() => numberFormatter(language), [language]);
  return { t, language, format };
}
