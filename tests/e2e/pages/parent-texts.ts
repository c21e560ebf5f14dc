/**
 * The parent app's texts, read from the SPA's own locale files (frontend/src/locales/<lang>.json),
 * in any of its six languages. The staff page objects copy their Dutch and English names into
 * texts.ts; the parent app also runs in Arabic, Turkish, Polish and Ukrainian, and a hand-made
 * copy of those would drift. A key that is not in the file throws, so a renamed key fails the
 * test at once instead of looking for a text that no longer exists.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ParentLanguage = 'nl' | 'en' | 'ar' | 'tr' | 'pl' | 'uk';

/** Each language named in itself, as the language switch shows it (lib/i18n.ts LANGUAGE_NAMES). */
export const LANGUAGE_NAMES: Record<ParentLanguage, string> = {
  nl: 'Nederlands',
  en: 'English',
  ar: 'العربية',
  tr: 'Türkçe',
  pl: 'Polski',
  uk: 'Українська',
};

const LOCALES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../frontend/src/locales');
type Tree = { [key: string]: string | Tree };
const cache = new Map<ParentLanguage, Tree>();

function load(language: ParentLanguage): Tree {
  let tree = cache.get(language);
  if (!tree) {
    tree = JSON.parse(readFileSync(join(LOCALES, `${language}.json`), 'utf8')) as Tree;
    cache.set(language, tree);
  }
  return tree;
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** i18next's way: `{{name}}` filled in (no escaping, as the app), plural forms by `count`. */
export class ParentTexts {
  constructor(readonly language: ParentLanguage) {}

  t(key: string, values: Record<string, string | number> = {}): string {
    const tree = load(this.language);
    let text: string | undefined;
    if (typeof values.count === 'number') {
      const form = new Intl.PluralRules(this.language).select(values.count);
      text = lookup(tree, `${key}_${form}`) ?? lookup(tree, `${key}_other`);
    }
    text ??= lookup(tree, key);
    if (text === undefined) throw new Error(`no text "${key}" in frontend/src/locales/${this.language}.json`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  }

  /** "Gegevens delen", "Hulp of begeleiding (traject): Logopedie": a consent as the app names it. */
  purpose(purpose: string, trajectoryType?: string | null): string {
    const name = this.t(`consents.purposes.${purpose}`);
    return purpose === 'trajectory' && trajectoryType
      ? this.t('consents.purposeWithType', { purpose: name, type: this.t(`consents.trajectoryTypes.${trajectoryType}`) })
      : name;
  }
}

/** A text as a pattern that matches it exactly (for names that run on, e.g. a radio with its help). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
