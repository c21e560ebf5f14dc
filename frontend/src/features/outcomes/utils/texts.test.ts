import { describe, expect, it } from 'vitest';
import en from '@/locales/en.json';
import nl from '@/locales/nl.json';
import { INDICATOR_IDS, INTERVALS } from '@/features/outcomes/types';

/*
 * Every `outcomes.` key this feature names exists in Dutch and English: the staff texts are a
 * chunk of their own, and a missing key would show as the key itself.
 */

const sources = import.meta.glob(['../**/*.{ts,tsx}', '../../../app/routes/outcomes*.tsx', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part] ?? node[`${part}_other`];
  }
  return node;
}

/** Keys written out in full, and the start of those built at run time (`outcomes.indicators.${id}.title`). */
function keysUsed(): { full: Set<string>; built: Set<string> } {
  const full = new Set<string>();
  const built = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const match of text.matchAll(/['`](outcomes\.[A-Za-z0-9_.]+)(\$\{)?/g)) {
      (match[2] ? built : full).add(match[1]!.replace(/\.$/, ''));
    }
  }
  return { full, built };
}

describe('the texts of the outcome reports', () => {
  it('has every key the feature names, in Dutch and English', () => {
    const { full, built } = keysUsed();
    expect(full.size).toBeGreaterThan(40);
    for (const key of full) {
      // A text, or (the names of the age bands) the texts a group's code picks from.
      expect(lookup(nl as Tree, key), `nl: ${key}`).toBeDefined();
      expect(typeof lookup(en as Tree, key), `en: ${key}`).toBe(typeof lookup(nl as Tree, key));
    }
    for (const prefix of built) {
      expect(typeof lookup(nl as Tree, prefix), `nl: ${prefix}`).toBe('object');
    }
  });

  it('names every indicator and interval, and reads each indicator', () => {
    for (const language of [nl, en] as Tree[]) {
      for (const id of INDICATOR_IDS) {
        for (const part of ['title', 'intro', 'file']) {
          expect(typeof lookup(language, `outcomes.indicators.${id}.${part}`), `${id}.${part}`).toBe('string');
        }
        expect(lookup(language, `outcomes.readings.${id}`), `reading of ${id}`).toBeDefined();
      }
      for (const interval of INTERVALS) {
        expect(typeof lookup(language, `outcomes.filters.intervals.${interval}`)).toBe('string');
        expect(typeof lookup(language, `outcomes.filters.shownIntervals.${interval}`)).toBe('string');
      }
    }
  });
});
