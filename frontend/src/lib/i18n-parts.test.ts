import { createInstance, type i18n as I18n } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '@/locales/en.json';
import enLater from '@/locales/en.json?later';
import enParent from '@/locales/en.json?parent';
import enStaff from '@/locales/en.json?staff';
import nl from '@/locales/nl.json';
import nlLater from '@/locales/nl.json?later';
import nlParent from '@/locales/nl.json?parent';
import nlStaff from '@/locales/nl.json?staff';
import { createTextLoader, PARENT_LATER_NAMESPACES, PARENT_NAMESPACES, type TextSources } from '@/lib/i18n';

/*
 * The locale files in two parts (the localeParts build plugin, lib/i18n.ts): the parent app's
 * texts ship in the main bundle (Dutch) and the staff texts load before the first staff screen.
 */

type Tree = { [key: string]: unknown };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'object' && value !== null ? keys(value as Tree, path) : [path];
  });
}

const under = (paths: readonly string[]) => (key: string) => paths.some((path) => key === path || key.startsWith(`${path}.`));
const isParentKey = under(PARENT_NAMESPACES);
const isLaterKey = under(PARENT_LATER_NAMESPACES);

describe.each([
  ['nl', nl, nlParent, nlLater, nlStaff],
  ['en', en, enParent, enLater, enStaff],
] as const)('%s.json in three parts', (_language, whole, parent, later, staff) => {
  const all = keys(whole as Tree);

  it('?parent holds exactly the texts under PARENT_NAMESPACES but not PARENT_LATER_NAMESPACES', () => {
    expect(keys(parent).sort()).toEqual(all.filter((key) => isParentKey(key) && !isLaterKey(key)).sort());
    expect(keys(parent).length).toBeGreaterThan(100);
    // The first screen's own: the unread count beside "Berichten" stays, the thread screen's texts go.
    expect(keys(parent)).toContain('messages.nav.unread_one');
    expect(keys(parent)).not.toContain('parentTalks.title');
  });

  it('?later holds exactly the texts under PARENT_LATER_NAMESPACES, all of them parent texts', () => {
    expect(keys(later).sort()).toEqual(all.filter(isLaterKey).sort());
    expect(keys(later).every(isParentKey)).toBe(true);
    expect(keys(later)).toContain('parentTalks.title');
  });

  it('?staff holds all the other texts', () => {
    expect(keys(staff).sort()).toEqual(all.filter((key) => !isParentKey(key)).sort());
    expect(keys(staff)).toContain('children.search');
    expect(keys(staff)).not.toContain('login.submit');
  });

  it('splits a top-level key with texts on both sides (day: the timeline for parents, the rest for staff)', () => {
    expect(keys((parent as Tree).day as Tree)).toContain('timeline.wholeDay');
    expect(keys((staff as Tree).day as Tree)).toContain('title');
    expect(keys((parent as Tree).day as Tree)).not.toContain('title');
    // The same text as in the whole file.
    expect(((parent as Tree).login as Tree).submit).toBe((whole as unknown as { login: { submit: string } }).login.submit);
  });
});

/** Sources that count the loads and can be made to fail once. */
function countingSources() {
  const loads: string[] = [];
  let failNext = false;
  const part =
    <T>(name: string, texts: T) =>
    () => {
      loads.push(name);
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error(`${name} did not load`));
      }
      return Promise.resolve({ default: texts as never });
    };
  const sources: TextSources = {
    nl: { parent: part('nl.parent', nlParent), staff: part('nl.staff', nlStaff) },
    en: { parent: part('en.parent', enParent), staff: part('en.staff', enStaff) },
  };
  return { sources, loads, failOnce: () => (failNext = true) };
}

async function start(sources: TextSources): Promise<{ i18n: I18n; texts: ReturnType<typeof createTextLoader> }> {
  const i18n = createInstance();
  const texts = createTextLoader(i18n, sources);
  await i18n.use(texts.backend).init({
    resources: { nl: { translation: nlParent } },
    partialBundledLanguages: true,
    lng: 'nl',
    fallbackLng: 'nl',
    supportedLngs: ['nl', 'en', 'ar', 'tr', 'pl', 'uk'],
    interpolation: { escapeValue: false },
  });
  return { i18n, texts };
}

describe('loading the texts in parts', () => {
  it('starts with the parent texts only; the staff texts come with loadStaffTexts()', async () => {
    const { sources, loads } = countingSources();
    const { i18n, texts } = await start(sources);
    expect(i18n.t('login.submit')).toBe('Inloggen');
    expect(i18n.t('children.search')).toBe('children.search');
    expect(texts.staffTextsLoaded()).toBe(false);
    expect(loads).toEqual([]);

    await texts.loadStaffTexts();
    expect(loads).toEqual(['nl.staff']);
    expect(texts.staffTextsLoaded()).toBe(true);
    expect(i18n.t('children.search')).toBe('Zoeken op naam');
    // Both parts of a shared top-level key are there.
    expect(i18n.t('day.title')).toBe(nl.day.title);
    expect(i18n.t('day.timeline.wholeDay')).toBe(nl.day.timeline.wholeDay);
    // The imported module is left as it was.
    expect(keys(nlParent)).not.toContain('children.search');

    await texts.loadStaffTexts();
    expect(loads).toEqual(['nl.staff']);
  });

  it('loads English when chosen, without the staff texts for a parent', async () => {
    const { sources, loads } = countingSources();
    const { i18n } = await start(sources);
    await i18n.changeLanguage('en');
    expect(loads).toEqual(['en.parent']);
    expect(i18n.t('login.submit')).toBe('Log in');
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(true);
    expect(i18n.t('children.search')).toBe('children.search');
  });

  it('adds the English staff texts to English loaded before, and loads both parts of English chosen after', async () => {
    const before = await start(countingSources().sources);
    await before.i18n.changeLanguage('en');
    await before.texts.loadStaffTexts();
    expect(before.i18n.t('children.search')).toBe(en.children.search);
    expect(before.i18n.t('login.submit')).toBe('Log in');
    expect(before.texts.staffTextsLoaded()).toBe(true);

    const { sources, loads } = countingSources();
    const after = await start(sources);
    await after.texts.loadStaffTexts();
    await after.i18n.changeLanguage('en');
    expect(loads).toEqual(['nl.staff', 'en.parent', 'en.staff']);
    expect(after.i18n.t('children.search')).toBe(en.children.search);
    expect(after.i18n.t('day.timeline.wholeDay')).toBe(en.day.timeline.wholeDay);
    expect(after.i18n.t('day.title')).toBe(en.day.title);
  });

  it('gives English its staff texts when they are asked for while English is still loading', async () => {
    const { sources, loads } = countingSources();
    const { i18n, texts } = await start(sources);
    const switching = i18n.changeLanguage('en');
    await texts.loadStaffTexts();
    await switching;
    expect(loads).toEqual(['en.parent', 'nl.staff', 'en.staff']);
    expect(i18n.language).toBe('en');
    expect(i18n.t('children.search')).toBe(en.children.search);
    expect(texts.staffTextsLoaded()).toBe(true);
  });

  it('fails when the staff texts do not load, and loads them when asked again', async () => {
    const { sources, loads, failOnce } = countingSources();
    const { i18n, texts } = await start(sources);
    failOnce();
    await expect(texts.loadStaffTexts()).rejects.toThrow('nl.staff did not load');
    expect(texts.staffTextsLoaded()).toBe(false);
    await texts.loadStaffTexts();
    expect(loads).toEqual(['nl.staff', 'nl.staff']);
    expect(i18n.t('children.search')).toBe('Zoeken op naam');
  });
});

describe('the later parent texts', () => {
  function sourcesWithLater() {
    const loads: string[] = [];
    const part = (name: string, texts: unknown) => () => {
      loads.push(name);
      return Promise.resolve({ default: texts as never });
    };
    const sources: TextSources = {
      nl: { parent: part('nl.parent', nlParent), later: part('nl.later', nlLater), staff: part('nl.staff', nlStaff) },
      en: { parent: part('en.parent', enParent), later: part('en.later', enLater), staff: part('en.staff', enStaff) },
    };
    return { sources, loads };
  }

  it('come with loadLaterTexts(), without the staff texts, and with every language chosen after', async () => {
    const { sources, loads } = sourcesWithLater();
    const { i18n, texts } = await start(sources);
    expect(i18n.t('parentTalks.title')).toBe('parentTalks.title');
    await texts.loadLaterTexts();
    expect(loads).toEqual(['nl.later']);
    expect(i18n.t('parentTalks.title')).toBe(nl.parentTalks.title);
    expect(i18n.t('messages.nav.unread', { count: 2 })).toBe('2 nieuwe berichten');
    expect(i18n.t('children.search')).toBe('children.search');
    expect(texts.laterTextsLoaded()).toBe(true);
    expect(texts.staffTextsLoaded()).toBe(false);

    await i18n.changeLanguage('en');
    expect(loads).toEqual(['nl.later', 'en.parent', 'en.later']);
    expect(i18n.t('parentTalks.title')).toBe(en.parentTalks.title);
  });

  it('come with the staff texts too: staff screens share the parent screens past the first', async () => {
    const { sources, loads } = sourcesWithLater();
    const { i18n, texts } = await start(sources);
    await texts.loadStaffTexts();
    expect(loads).toEqual(['nl.later', 'nl.staff']);
    expect(texts.staffTextsLoaded()).toBe(true);
    expect(i18n.t('messages.thread.withdrawn')).toBe(nl.messages.thread.withdrawn);
    expect(i18n.t('children.search')).toBe('Zoeken op naam');
  });
});
