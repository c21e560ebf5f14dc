import i18n, { type BackendModule, type ReadCallback, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '@/locales/en.json';
import nl from '@/locales/nl.json';

/**
 * Every language the app speaks. Staff screens offer Dutch and English; the parent app offers
 * all six (the families' own languages). Dutch is the default and the fallback: a key missing
 * in a language shows the Dutch text.
 */
export const LANGUAGES = ['nl', 'en', 'ar', 'tr', 'pl', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';
export const LANGUAGE_STORAGE_KEY = 'kindcentraal.language';

/** The languages of the staff screens: their texts exist in these two only. */
export const STAFF_LANGUAGES = ['nl', 'en'] as const satisfies readonly Language[];
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];

/** The languages of the parent app. */
export const PARENT_LANGUAGES: readonly Language[] = LANGUAGES;

/** Each language named in itself, so everyone finds their own whatever language is showing. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  nl: 'Nederlands',
  en: 'English',
  ar: 'العربية',
  tr: 'Türkçe',
  pl: 'Polski',
  uk: 'Українська',
};

/**
 * The parts of the locale files the parent app shows: a top-level key ("parent") or a path in it
 * ("day.kinds"). Every Dutch key under one of these must exist in every language (the
 * completeness test checks it); all other keys are staff texts in Dutch and English only. The
 * B1 check reads the Dutch texts under these paths.
 */
export const PARENT_NAMESPACES = [
  // The frame, the login and shared words
  'app',
  'header',
  'errors',
  'language',
  'login',
  'notFound',
  'age',
  'yesNo',
  'days',
  'relations',
  'roles',
  'notifications',
  // The parent app's own texts
  'offline',
  'parent',
  'parentChild',
  // Parts of staff features the parent screens reuse
  'day.absent',
  'day.absentWithReason',
  'day.reasons',
  'day.attendance',
  'day.timeline',
  'day.kinds',
  'absence.form',
  'absence.codes',
  'activities.categories',
  'activities.ages',
  'activities.list',
  'activities.facts',
  'activities.enrol',
  'activities.cancel',
  'consents.purposes',
  'consents.purposeWithType',
  'consents.trajectoryTypes',
  'security.title',
  'security.intro',
  'security.wrongPassword',
  'security.twoFactor',
  'security.enrolment',
  'security.recoveryCodes',
  'security.deactivate',
  'security.password',
] as const;

export type Direction = 'ltr' | 'rtl';

const RTL_LANGUAGES: readonly string[] = ['ar'];

/** 'rtl' for a language written right to left (Arabic), else 'ltr'; 'ar-MA' counts as 'ar'. */
export function languageDirection(language: string): Direction {
  const base = language.toLowerCase().split('-')[0] ?? '';
  return RTL_LANGUAGES.includes(base) ? 'rtl' : 'ltr';
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isStaffLanguage(value: unknown): value is StaffLanguage {
  return typeof value === 'string' && (STAFF_LANGUAGES as readonly string[]).includes(value);
}

/** Dutch and English ship in the main bundle (staff and default); they are typed from nl.json. */
export const resources = {
  nl: { translation: nl },
  en: { translation: en },
} as const;

/**
 * The families' languages load on demand, so a Dutch or English reader never downloads them:
 * each is its own chunk, fetched when the language is chosen (i18next waits for it before it
 * switches).
 */
const LAZY_LANGUAGES: Record<Exclude<Language, StaffLanguage>, () => Promise<{ default: ResourceKey }>> = {
  ar: () => import('@/locales/ar.json'),
  tr: () => import('@/locales/tr.json'),
  pl: () => import('@/locales/pl.json'),
  uk: () => import('@/locales/uk.json'),
};

const lazyLocales: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language: string, _namespace: string, callback: ReadCallback) {
    const load = (LAZY_LANGUAGES as Record<string, (() => Promise<{ default: ResourceKey }>) | undefined>)[
      language
    ];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** Keeps <html lang> and <html dir> with the language, and remembers it on this device. */
function applyLanguage(language: string): void {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    document.documentElement.dir = languageDirection(language);
  }
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // The choice then lasts until the page is closed.
  }
}

/** Starts i18next with the stored language (Dutch when none), and keeps <html lang> in step. */
export async function initI18n(language: Language | null = storedLanguage()): Promise<typeof i18n> {
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', applyLanguage);
    await i18n
      .use(lazyLocales)
      .use(initReactI18next)
      .init({
        resources,
        partialBundledLanguages: true,
        lng: language ?? DEFAULT_LANGUAGE,
        fallbackLng: DEFAULT_LANGUAGE,
        supportedLngs: [...LANGUAGES],
        load: 'languageOnly',
        interpolation: { escapeValue: false },
        returnNull: false,
      });
    applyLanguage(i18n.language);
  } else if (language && i18n.language !== language) {
    await i18n.changeLanguage(language);
  }
  return i18n;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

let pendingChoice: Language | null = null;
/** The pending choice also in this tab's sessionStorage: a reload of the login page keeps it. */
const CHOICE_STORAGE_KEY = 'kindcentraal.languageChoice';

/**
 * The person's own choice (the language switch): switches the language and notes the choice,
 * so it can be remembered for the account (see `takeLanguageChoice`). A family language is
 * fetched first, so the switch is never half done.
 */
export async function changeLanguage(language: Language): Promise<void> {
  if (i18n.language === language) return;
  pendingChoice = language;
  try {
    window.sessionStorage.setItem(CHOICE_STORAGE_KEY, language);
  } catch {
    // Then it lasts until the page is reloaded.
  }
  await i18n.changeLanguage(language);
}

/**
 * The language the person chose with the switch since this was last asked (null: none), e.g.
 * on the login page before the account was known, also across a reload of that page. Asking
 * clears it.
 */
export function takeLanguageChoice(): Language | null {
  let choice = pendingChoice;
  pendingChoice = null;
  try {
    const stored = window.sessionStorage.getItem(CHOICE_STORAGE_KEY);
    window.sessionStorage.removeItem(CHOICE_STORAGE_KEY);
    choice ??= isLanguage(stored) ? stored : null;
  } catch {
    // No sessionStorage: the choice in memory only.
  }
  return choice;
}

export { i18n };
