import i18n, { type BackendModule, type i18n as I18n, type ReadCallback, type ResourceKey } from 'i18next';
import { useEffect, useState } from 'react';
import { initReactI18next } from 'react-i18next';
// Only the texts of the parent app's namespaces (a build-time split of nl.json: the localeParts
// plugin in scripts/vite-plugins.mjs); the staff texts load with loadStaffTexts().
import nlParent from '@/locales/nl.json?parent';

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
  // Messages and e-mail settings (issue 11): the thread screens are shared with staff
  'messages',
  'notificationSettings',
  'parentAnnouncements',
  'parentTalks',
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
  // All of it: the organisation-wide two-factor setting, for staff only, is securitySettings.
  'security',
] as const;

/**
 * Parent texts of screens past the first (/ouder): the parent app's home needs none of them. In
 * Dutch and English they are a part of their own (`?later`), fetched with the screen that needs
 * them (the router's `withLaterTexts`) and with the staff texts; in the other languages the one
 * locale file holds them. A key under none of these stays in the first part, so a new text is never
 * missing, at most early. Each path is also under PARENT_NAMESPACES (the completeness and B1
 * checks cover them as parent texts).
 */
export const PARENT_LATER_NAMESPACES = [
  'messages.parentIntro',
  'messages.empty',
  'messages.newMessage',
  'messages.list',
  'messages.thread',
  'messages.reply',
  'messages.compose',
  'messages.attach',
  'messages.new',
  'notificationSettings',
  'parentAnnouncements',
  'parentTalks',
  'parentChild',
  'activities.categories',
  'activities.ages',
  'activities.list',
  'activities.facts',
  'activities.enrol',
  'activities.cancel',
  'absence.form',
  'absence.codes',
  'consents.purposes',
  'consents.purposeWithType',
  // All of it: the organisation-wide two-factor setting, for staff only, is securitySettings.
  'security',
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

type Part = 'parent' | 'later' | 'staff';
/** The parts loaded on demand, in the order they are merged. */
type ExtraPart = Exclude<Part, 'parent'>;
type Texts = { [key: string]: string | Texts };
type Loader = () => Promise<{ default: ResourceKey }>;
export type TextSources = Partial<Record<Language, Partial<Record<Part, Loader>>>>;

/**
 * Where each language's texts come from, in three parts: the parent app's first screen (the keys
 * under PARENT_NAMESPACES but not PARENT_LATER_NAMESPACES), the parent texts of the screens past
 * it (PARENT_LATER_NAMESPACES) and the staff texts (all other keys). One locale file per
 * language; `?parent`, `?later` and `?staff` pick the part at build time (the localeParts plugin
 * in scripts/vite-plugins.mjs), so each part is a chunk of its own.
 *
 * - Dutch: the parent part is in the main bundle (the default and the fallback, the first
 *   screens need it); the later part loads with the screen that needs it (`loadLaterTexts`), and
 *   the staff part before the first staff screen (`loadStaffTexts`, which loads both).
 * - English: all three load on demand, the staff part only for staff.
 * - Arabic, Turkish, Polish, Ukrainian: parent texts only, each its own chunk, on demand.
 */
const TEXTS: TextSources = {
  nl: {
    parent: () => Promise.resolve({ default: nlParent }),
    later: () => import('@/locales/nl.json?later'),
    staff: () => import('@/locales/nl.json?staff'),
  },
  en: {
    parent: () => import('@/locales/en.json?parent'),
    later: () => import('@/locales/en.json?later'),
    staff: () => import('@/locales/en.json?staff'),
  },
  ar: { parent: () => import('@/locales/ar.json') },
  tr: { parent: () => import('@/locales/tr.json') },
  pl: { parent: () => import('@/locales/pl.json') },
  uk: { parent: () => import('@/locales/uk.json') },
};

/** What i18next starts with: the Dutch texts of the parent app (the rest loads on demand). */
const resources = { nl: { translation: nlParent } } as const;

/** `b` merged into a copy of `a`, object by object (the two parts of a language share e.g. `day`). */
function mergeTexts(a: Texts, b: Texts): Texts {
  const out: Texts = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = typeof mine === 'object' && typeof value === 'object' ? mergeTexts(mine, value) : value;
  }
  return out;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * The texts of an i18next instance, loaded in parts: `backend` (an i18next backend module) loads
 * a language's parent part when the language is chosen, and its later and staff parts too once
 * they are wanted; `loadLaterTexts()` and `loadStaffTexts()` want them, and add them to each
 * language already loaded. i18next switches to a language only once its read is done, so a
 * switch never shows half a language.
 */
export function createTextLoader(instance: I18n, sources: TextSources = TEXTS) {
  /** The parts beyond the first asked for so far: each language loaded gets them too. */
  const wanted = new Set<ExtraPart>();
  /** Per part, the languages that have it in the store (or have no such part). */
  const withPart: Record<ExtraPart, Set<string>> = { later: new Set(), staff: new Set() };
  const loads = new Map<string, Promise<void>>();
  const sourceOf = (language: string) => (isLanguage(language) ? sources[language] : undefined);
  const load = (language: string, part: Part): Promise<Texts | null> => {
    const loader = sourceOf(language)?.[part];
    return loader ? loader().then((module) => module.default as Texts) : Promise.resolve(null);
  };
  const extras = (): ExtraPart[] => (['later', 'staff'] as const).filter((part) => wanted.has(part));

  const backend: BackendModule = {
    type: 'backend',
    callbackApi: true,
    init() {},
    read(language: string, _namespace: string, callback: ReadCallback) {
      load(language, 'parent')
        .then((parent) => {
          // Asked only now, in the same turn as the callback: a part wanted before this point
          // is loaded here, one wanted after it finds the language in the store.
          const parts = extras();
          if (parts.length === 0) {
            callback(null, parent ?? {});
            return undefined;
          }
          return Promise.all(parts.map((part) => load(language, part))).then((loaded) => {
            parts.forEach((part) => withPart[part].add(language));
            callback(null, loaded.reduce<Texts>((all, texts) => mergeTexts(all, texts ?? {}), parent ?? {}));
          });
        })
        .catch((error: unknown) => callback(asError(error), false));
    },
  };

  const addPart = (language: string, part: ExtraPart): Promise<void> => {
    const key = `${language}:${part}`;
    let pending = loads.get(key);
    if (!pending) {
      pending = load(language, part).then((texts) => {
        if (texts) {
          // Merged into new objects: i18next's deep add would write into the imported modules.
          const current = (instance.getResourceBundle(language, 'translation') ?? {}) as Texts;
          instance.addResourceBundle(language, 'translation', mergeTexts(current, texts), false, true, {
            silent: false,
            skipCopy: true,
          });
        }
        withPart[part].add(language);
      });
      // A failed load (offline) may be tried again.
      pending.catch(() => loads.delete(key));
      loads.set(key, pending);
    }
    return pending;
  };

  const loaded = (): string[] => LANGUAGES.filter((language) => instance.hasResourceBundle(language, 'translation'));
  const loadParts = (parts: readonly ExtraPart[]): Promise<void> => {
    parts.forEach((part) => wanted.add(part));
    const missing = loaded().flatMap((language) =>
      parts.filter((part) => !withPart[part].has(language)).map((part) => [language, part] as const),
    );
    // Side by side: the parts hold different keys, so the order they arrive in does not matter.
    return Promise.all(missing.map(([language, part]) => addPart(language, part))).then(() => undefined);
  };
  const partLoaded = (part: ExtraPart): boolean =>
    wanted.has(part) && loaded().every((language) => withPart[part].has(language) || !sourceOf(language)?.[part]);

  return {
    backend,
    /** Loads the parent texts of the screens past the first (PARENT_LATER_NAMESPACES). */
    loadLaterTexts(): Promise<void> {
      return loadParts(['later']);
    },
    /** Loads the staff texts (and the later parent texts staff screens share), for every language loaded and each one after. */
    loadStaffTexts(): Promise<void> {
      return loadParts(['later', 'staff']);
    },
    laterTextsLoaded(): boolean {
      return partLoaded('later');
    },
    /** The staff texts are there, for every language loaded so far. */
    staffTextsLoaded(): boolean {
      return partLoaded('later') && partLoaded('staff');
    },
  };
}

const texts = createTextLoader(i18n);

/**
 * Loads the staff texts (the keys outside PARENT_NAMESPACES) before a staff screen is shown;
 * from then on a language switch loads them too. Parents never download them.
 */
export const loadStaffTexts = texts.loadStaffTexts;
export const staffTextsLoaded = texts.staffTextsLoaded;
/** The parent texts of the screens past the first; the router waits for them with those screens. */
export const loadLaterTexts = texts.loadLaterTexts;

export type StaffTextsState = 'loading' | 'ready' | 'failed';

/**
 * The staff texts for a staff screen: starts loading them when `enabled` and says when they are
 * there ('failed': not loaded, e.g. offline; tried again when the browser is back online).
 */
export function useStaffTexts(enabled: boolean): StaffTextsState {
  const [state, setState] = useState<StaffTextsState>(() => (staffTextsLoaded() ? 'ready' : 'loading'));
  useEffect(() => {
    if (!enabled || state === 'ready') return;
    let live = true;
    if (state === 'loading') {
      loadStaffTexts().then(
        () => live && setState('ready'),
        (error: unknown) => {
          console.error(error);
          if (live) setState('failed');
        },
      );
    }
    const retry = () => setState('loading');
    if (state === 'failed') window.addEventListener('online', retry);
    return () => {
      live = false;
      window.removeEventListener('online', retry);
    };
  }, [enabled, state]);
  return state;
}

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
      .use(texts.backend)
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
