#!/usr/bin/env node
/**
 * The B1 check: the Dutch texts of the parent app are plain Dutch (B1 level: short, no jargon).
 *
 *   node scripts/b1-check.mjs [--locale src/locales/nl.json] [--jargon scripts/b1-jargon.txt]
 *
 * It reads the Dutch texts under PARENT_NAMESPACES (taken from src/lib/i18n.ts) and flags:
 * - a text of more than 20 words;
 * - a text with a word from the jargon list (scripts/b1-jargon.txt).
 * An explanation may be longer and may name a difficult word in order to explain it: a key with
 * a path segment that contains "explain" or "explanation", or ends in "help" (`parent.explain.consent`,
 * `people.careExplain`, `consents.explainWord`, `form.noteHelp`, `purposeHelp.care_team`) is
 * exempt from both, but each of its sentences still has at most 20 words.
 * A {{variable}} counts as one word.
 *
 * Prints each offending key path with the reason and exits 1; exits 0 when all is plain.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FRONTEND = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const MAX_WORDS = 20;

/** A key for an explanation: a segment containing "explain" or "explanation", or ending in "help". */
export function isExplanationKey(key) {
  return key.split('.').some((segment) => /explain|explanation/i.test(segment) || /help$/i.test(segment));
}

/** The parent namespaces as written in src/lib/i18n.ts (the one place they are defined). */
export function readParentNamespaces(source, name = 'PARENT_NAMESPACES', { optional = false } = {}) {
  const match = new RegExp(`export const ${name}\\s*=\\s*\\[([^\\]]*)\\]`).exec(source);
  if (!match && optional) return [];
  if (!match) throw new Error(`${name} not found in src/lib/i18n.ts`);
  const body = match[1].replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const paths = [...body.matchAll(/'([^']+)'|"([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  const stray = body.replace(/'[^']*'|"[^"]*"/g, '').replace(/[\s,]/g, '');
  if (stray) throw new Error(`${name} holds something other than strings: ${stray}`);
  if (paths.length === 0) throw new Error(`${name} is empty`);
  return paths;
}

/** Entries of the jargon list: comments and empty lines left out. */
export function parseJargon(text) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const compound = line.startsWith('*');
      const word = compound ? line.slice(1) : line;
      return { word, compound, abbreviation: word === word.toUpperCase() && /[A-Z]/.test(word) };
    });
}

export function flatten(tree, prefix = '') {
  const out = [];
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.push([path, value]);
    else out.push(...flatten(value, path));
  }
  return out;
}

/** The words of a text; a {{variable}} is one word, punctuation is not. */
export function words(text) {
  return text
    .replace(/\{\{[^}]*\}\}/g, 'X')
    .split(/\s+/)
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
}

/** Sentences: split after . ! ? (and ; :) followed by a space. */
export function sentences(text) {
  return text.split(/(?<=[.!?;:])\s+/).filter((s) => s.trim() !== '');
}

const INFLECTIONS = ['', 's', 'en', 'n', 'e', "'s", '’s'];

/** The jargon words a text uses. */
export function jargonIn(text, jargon) {
  const found = new Set();
  const tokens = text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .split(/[^\p{L}\p{N}'’-]+/u)
    .flatMap((token) => [token, ...token.split('-')])
    .filter(Boolean);
  const lower = ` ${text.toLowerCase().replace(/\s+/g, ' ')} `;
  for (const entry of jargon) {
    if (entry.word.includes(' ')) {
      if (lower.includes(` ${entry.word.toLowerCase()}`)) found.add(entry.word);
      continue;
    }
    for (const token of tokens) {
      const candidate = entry.abbreviation ? token : token.toLowerCase();
      const word = entry.abbreviation ? entry.word : entry.word.toLowerCase();
      const matches = INFLECTIONS.some((ending) =>
        entry.compound ? candidate.endsWith(word + ending) : candidate === word + ending,
      );
      if (matches) found.add(entry.word);
    }
  }
  return [...found];
}

/** The problems of the parent app's Dutch texts, as "key: reason" lines. */
export function check(locale, namespaces, jargon) {
  const problems = [];
  const inParentApp = (key) => namespaces.some((path) => key === path || key.startsWith(`${path}.`));
  for (const [key, text] of flatten(locale)) {
    if (!inParentApp(key)) continue;
    if (isExplanationKey(key)) {
      for (const sentence of sentences(text)) {
        const count = words(sentence).length;
        if (count > MAX_WORDS) problems.push(`${key}: a sentence of ${count} words (at most ${MAX_WORDS}): "${sentence}"`);
      }
      continue;
    }
    const count = words(text).length;
    if (count > MAX_WORDS) problems.push(`${key}: ${count} words (at most ${MAX_WORDS})`);
    const used = jargonIn(text, jargon);
    if (used.length > 0) problems.push(`${key}: jargon ${used.map((w) => `"${w}"`).join(', ')}`);
  }
  return problems;
}

function main(argv) {
  const option = (name, fallback) => {
    const index = argv.indexOf(name);
    return index === -1 ? fallback : resolve(argv[index + 1]);
  };
  const localePath = option('--locale', resolve(FRONTEND, 'src/locales/nl.json'));
  const jargonPath = option('--jargon', resolve(FRONTEND, 'scripts/b1-jargon.txt'));
  const namespaces = readParentNamespaces(readFileSync(resolve(FRONTEND, 'src/lib/i18n.ts'), 'utf8'));
  const locale = JSON.parse(readFileSync(localePath, 'utf8'));
  const jargon = parseJargon(readFileSync(jargonPath, 'utf8'));
  const problems = check(locale, namespaces, jargon);
  const checked = flatten(locale).filter(([key]) =>
    namespaces.some((path) => key === path || key.startsWith(`${path}.`)),
  ).length;
  if (problems.length > 0) {
    console.error(`B1 check: ${problems.length} Dutch text(s) of the parent app are not plain enough:`);
    for (const problem of problems) console.error(`  ${problem}`);
    console.error('Shorten the text, use an everyday word, or move an explanation under an explanation key (docs/i18n.md).');
    return 1;
  }
  console.log(`B1 check: ${checked} Dutch texts of the parent app, all at most ${MAX_WORDS} words and free of jargon.`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
