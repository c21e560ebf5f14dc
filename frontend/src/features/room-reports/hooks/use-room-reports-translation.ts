import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaffLanguage, type StaffLanguage } from '@/lib/i18n';
import type nl from '@/locales/nl.json';

type WithoutPlural<K extends string> = K extends `${infer Base}_one`
  ? Base
  : K extends `${infer Base}_other`
    ? Base
    : K;

type Keys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${WithoutPlural<K>}` : Keys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of this feature's texts, such as `floorArea.norm` (plural forms without `_one`/`_other`). */
export type RoomReportsKey = Keys<(typeof nl)['roomReports']>;
export type RoomReportsT = (key: RoomReportsKey, options?: Record<string, unknown>) => string;

type UntypedT = (key: string, options?: Record<string, unknown>) => string;

/**
 * `t` for this feature's texts (`roomReports.` in the locale files, plural keys without
 * `_one`/`_other`), and the reader's language.
 */
export function useRoomReportsTranslation(): { t: RoomReportsT; language: StaffLanguage } {
  const { t: appT, i18n } = useTranslation();
  // A staff screen: its texts exist in Dutch and English only.
  const language = isStaffLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nl';
  const t = useCallback<RoomReportsT>(
    (key, options) => (appT as unknown as UntypedT)(`roomReports.${key}`, options),
    [appT],
  );
  return { t, language };
}
