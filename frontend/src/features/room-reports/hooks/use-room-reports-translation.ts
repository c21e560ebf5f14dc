import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@/lib/i18n';
import type { nl } from '@/features/room-reports/locales/nl';
import { ensureRoomReportsTexts, ROOM_REPORTS_KEY } from '@/features/room-reports/locales/register';

type WithoutPlural<K extends string> = K extends `${infer Base}_one`
  ? Base
  : K extends `${infer Base}_other`
    ? Base
    : K;

type Keys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${WithoutPlural<K>}` : Keys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of this feature's texts, such as `floorArea.norm` (plural forms without `_one`/`_other`). */
export type RoomReportsKey = Keys<typeof nl>;
export type RoomReportsT = (key: RoomReportsKey, options?: Record<string, unknown>) => string;

type UntypedT = (key: string, options?: Record<string, unknown>) => string;

/**
 * `t` for this feature's texts, checked against locales/nl.ts (the app's typed keys come from
 * the shared nl.json, which does not hold them), and the reader's language.
 */
export function useRoomReportsTranslation(): { t: RoomReportsT; language: Language } {
  ensureRoomReportsTexts();
  const { t: appT, i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  const t = useCallback<RoomReportsT>(
    (key, options) => (appT as unknown as UntypedT)(`${ROOM_REPORTS_KEY}.${key}`, options),
    [appT],
  );
  return { t, language };
}
