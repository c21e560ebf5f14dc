import { describe, expect, it } from 'vitest';
import ar from '@/locales/ar.json';
import en from '@/locales/en.json';
import nl from '@/locales/nl.json';
import pl from '@/locales/pl.json';
import tr from '@/locales/tr.json';
import uk from '@/locales/uk.json';
import { LANGUAGES, PARENT_NAMESPACES, type Language } from '@/lib/i18n';

/*
 * The translations are complete:
 * - Dutch and English have the same keys (every screen, staff and parent);
 * - Arabic, Turkish, Polish and Ukrainian have every key under PARENT_NAMESPACES, with each
 *   plural form the language has (CLDR, as Intl.PluralRules and i18next know them);
 * - every language uses the same {{variables}} as Dutch;
 * - the keys the parent screens use are under PARENT_NAMESPACES (else they would show Dutch).
 */

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;
const placeholders = (text: string) => new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!));
const sorted = (values: Iterable<string>) => [...values].sort();

const LOCALES: Record<Language, Tree> = { nl, en, ar, tr, pl, uk } as Record<Language, Tree>;
const FAMILY_LANGUAGES = LANGUAGES.filter((language) => language !== 'nl' && language !== 'en');
const texts = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(LOCALES[l])])) as Record<
  Language,
  Map<string, string>
>;
const dutch = texts.nl;

/** Plural bases of Dutch: `age.years` for `age.years_one` and `age.years_other`. */
const dutchPluralBases = new Set(
  [...dutch.keys()].flatMap((key) => {
    const match = PLURAL.exec(key);
    return match && dutch.has(`${match[1]}_other`) ? [match[1]!] : [];
  }),
);

/** The key without its plural suffix, when Dutch has it as a plural. */
function baseOf(key: string): string {
  const match = PLURAL.exec(key);
  return match && dutchPluralBases.has(match[1]!) ? match[1]! : key;
}

const pluralForms = (language: Language) =>
  new Intl.PluralRules(language).resolvedOptions().pluralCategories as readonly string[];

function isParentKey(key: string): boolean {
  return PARENT_NAMESPACES.some((path) => key === path || key.startsWith(`${path}.`));
}

/** The keys a language must have for the parent app, plural forms as that language has them. */
function requiredParentKeys(language: Language): string[] {
  const required = new Set<string>();
  for (const key of dutch.keys()) {
    if (!isParentKey(key)) continue;
    const base = baseOf(key);
    if (base === key) required.add(key);
    else for (const form of pluralForms(language)) required.add(`${base}_${form}`);
  }
  return sorted(required);
}

/** Variables of a Dutch key; for a plural, of all its Dutch forms together. */
function dutchVariables(base: string): Set<string> {
  if (!dutchPluralBases.has(base)) return placeholders(dutch.get(base) ?? '');
  const all = new Set<string>();
  for (const [key, text] of dutch) if (baseOf(key) === base && key !== base) placeholders(text).forEach((v) => all.add(v));
  return all;
}

describe('Dutch and English', () => {
  it('have the same keys', () => {
    expect(sorted(texts.en.keys())).toEqual(sorted(dutch.keys()));
  });
});

describe('the parent namespaces', () => {
  it('each name a part of nl.json', () => {
    const missing = PARENT_NAMESPACES.filter((path) => ![...dutch.keys()].some((key) => key === path || key.startsWith(`${path}.`)));
    expect(missing).toEqual([]);
  });
});

describe.each(FAMILY_LANGUAGES)('%s', (language) => {
  const own = texts[language];

  it('has every key of the parent app, in each plural form of the language', () => {
    const missing = requiredParentKeys(language).filter((key) => !own.has(key));
    expect(missing).toEqual([]);
  });

  it('has no key that Dutch lacks, nor a plural form the language does not have', () => {
    const forms = pluralForms(language);
    const stray = [...own.keys()].filter((key) => {
      const base = baseOf(key);
      if (base === key) return !dutch.has(key);
      return !forms.includes(key.slice(base.length + 1));
    });
    expect(stray).toEqual([]);
  });
});

describe.each(LANGUAGES.filter((l) => l !== 'nl'))('%s', (language) => {
  it('uses the same {{variables}} as Dutch', () => {
    const wrong: string[] = [];
    for (const [key, text] of texts[language]) {
      const base = baseOf(key);
      if (!dutch.has(key) && !dutchPluralBases.has(base)) continue;
      const expected = dutchVariables(base);
      const actual = placeholders(text);
      // A plural form may leave out the number itself ("سنتان": two years; "eine Minute").
      if (base !== key) {
        expected.delete('count');
        actual.delete('count');
      }
      if (sorted(actual).join() !== sorted(expected).join()) {
        wrong.push(`${key}: {{${sorted(actual).join('}}, {{')}}} instead of {{${sorted(expected).join('}}, {{')}}}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the number in the general plural form', () => {
    const dropped = [...texts[language]]
      .filter(([key]) => key.endsWith('_other') && dutchPluralBases.has(baseOf(key)))
      .filter(([key, text]) => placeholders(dutch.get(key) ?? '').has('count') && !placeholders(text).has('count'))
      .map(([key]) => key);
    expect(dropped).toEqual([]);
  });
});

describe.each(LANGUAGES)('%s', (language) => {
  it('has no empty texts', () => {
    const empty = [...texts[language]].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });
});

/*
 * The keys the parent screens use. Starting from the parent app's own files, follow their
 * imports (`@/…` and relative) and collect every string that is a Dutch key ('parent.home.title')
 * or the start of one built at run time (`day.reasons.${reason}`). Files that only staff see
 * are not followed: the staff frame the parent routes sit in (protected-layout renders either
 * the staff or the parent frame).
 */
const SOURCES = import.meta.glob<string>(['/src/**/*.{ts,tsx}', '!/src/**/*.test.{ts,tsx}', '!/src/test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const PARENT_ENTRY = [
  /^\/src\/app\/routes\/parent-[^/]+\.tsx$/,
  // The login page offers all six languages, and 'not found' is also the parent app's.
  /^\/src\/app\/routes\/(login|not-found)\.tsx$/,
  /^\/src\/components\/layouts\/parent-layout\.tsx$/,
  /^\/src\/features\/(parent|parent-child|offline)\//,
];

/** Only staff see these; a parent file may import them for a type or to choose a frame. */
const STAFF_ONLY = new Set(['/src/app/routes/protected-layout.tsx', '/src/components/layouts/app-layout.tsx']);

function resolveImport(spec: string, from: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = `/src/${spec.slice(2)}`;
  else if (spec.startsWith('.')) {
    const parts = from.split('/').slice(0, -1);
    for (const part of spec.split('/')) {
      if (part === '..') parts.pop();
      else if (part !== '.') parts.push(part);
    }
    base = parts.join('/');
  } else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (candidate in SOURCES) return candidate;
  }
  return null;
}

function parentScreenKeys(): { keys: Map<string, string>; prefixes: Map<string, string> } {
  const queue = Object.keys(SOURCES).filter((file) => PARENT_ENTRY.some((pattern) => pattern.test(file)));
  const seen = new Set<string>();
  const keys = new Map<string, string>();
  const prefixes = new Map<string, string>();
  const knownKeys = new Set([...dutch.keys()].map(baseOf));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || STAFF_ONLY.has(file)) continue;
    seen.add(file);
    const source = SOURCES[file]!;
    for (const match of source.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)) {
      const target = resolveImport(match[1]!, file);
      if (target) queue.push(target);
    }
    for (const match of source.matchAll(/['"`]([a-zA-Z]\w*(?:\.\w+)+)['"`]/g)) {
      if (knownKeys.has(match[1]!)) keys.set(match[1]!, file);
    }
    for (const match of source.matchAll(/`([a-zA-Z]\w*(?:\.\w+)*\.)\$\{/g)) {
      if ([...knownKeys].some((key) => key.startsWith(match[1]!))) prefixes.set(match[1]!, file);
    }
  }
  return { keys, prefixes };
}

describe('the parent screens', () => {
  it('use only keys under PARENT_NAMESPACES (so every language has them)', () => {
    const { keys, prefixes } = parentScreenKeys();
    const outside = [
      ...[...keys].filter(([key]) => !isParentKey(key)).map(([key, file]) => `${key} (${file})`),
      ...[...prefixes]
        .filter(([prefix]) => {
          const under = [...dutch.keys()].filter((key) => key.startsWith(prefix));
          return under.some((key) => !isParentKey(key));
        })
        .map(([prefix, file]) => `${prefix}* (${file})`),
    ];
    expect(outside).toEqual([]);
  });
});
