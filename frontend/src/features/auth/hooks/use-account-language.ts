import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { components } from '@/api/schema';
import { meQueryOptions, useMe, type Me } from '@/features/auth/api/get-me';
import { api, unwrap } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import {
  DEFAULT_LANGUAGE,
  i18n,
  isLanguage,
  STAFF_LANGUAGES,
  takeLanguageChoice,
  type Language,
} from '@/lib/i18n';

export type MeUpdate = components['schemas']['MeUpdate'];

/** PATCH /me: remembers the app's language for this account, on every device. */
export function updateMe(body: MeUpdate): Promise<Me> {
  return unwrap(api().PATCH('/me', { body }));
}

/**
 * Keeps the app's language and the account's remembered language (`language` of GET /me) in
 * step, for the screens behind the login. Call it once, in the layout around those screens,
 * with the languages that layout offers (staff: Dutch and English; parents: all six).
 *
 * - After login: a language chosen with the switch just before (on the login page) is
 *   remembered for the account; otherwise the account's language is shown. An account that
 *   never chose remembers the language on screen.
 * - A language the layout does not offer (Arabic left on a shared device, then a staff login)
 *   gives way to the account's language, or Dutch; that is not remembered as a choice.
 * - A choice with the switch while logged in is remembered for the account (PATCH /me).
 *
 * Nothing is sent while GET /me says nothing about languages (a backend without the field).
 */
export function useAccountLanguage(languages: readonly Language[] = STAFF_LANGUAGES): void {
  const { isAuthenticated } = useAuth();
  const me = useMe({ enabled: isAuthenticated });
  const queryClient = useQueryClient();
  const remember = useMutation({
    mutationFn: (language: Language) => updateMe({ language }),
    // The screen already shows the language; a failure only means other devices won't know.
    onSuccess: (updated) => queryClient.setQueryData(meQueryOptions().queryKey, updated),
  });
  const rememberLanguage = remember.mutate;
  const settledFor = useRef<string | null>(null);
  const offered = languages.join(',');

  const userId = me.data?.id ?? null;
  const saved: Language | null | undefined = me.data
    ? isLanguage(me.data.language)
      ? me.data.language
      : me.data.language === null
        ? null
        : undefined
    : undefined;

  // Once per login: settle the language between this device and the account.
  useEffect(() => {
    if (!userId || saved === undefined || settledFor.current === userId) return;
    settledFor.current = userId;
    const allowed = offered.split(',');
    const choice = takeLanguageChoice();
    const current = i18n.language;
    if (choice && allowed.includes(choice)) {
      if (choice !== saved) rememberLanguage(choice);
    } else if (saved && allowed.includes(saved)) {
      if (saved !== current) void i18n.changeLanguage(saved);
    } else if (!allowed.includes(current)) {
      void i18n.changeLanguage(DEFAULT_LANGUAGE);
    } else if (saved === null && isLanguage(current)) {
      rememberLanguage(current);
    }
  }, [userId, saved, offered, rememberLanguage]);

  // While logged in: each choice made with the switch is remembered for the account.
  useEffect(() => {
    if (!userId || saved === undefined) return;
    const onChanged = () => {
      const choice = takeLanguageChoice();
      if (choice) rememberLanguage(choice);
    };
    i18n.on('languageChanged', onChanged);
    return () => i18n.off('languageChanged', onChanged);
  }, [userId, saved, rememberLanguage]);
}
