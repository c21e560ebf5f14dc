// node --test scripts/b1-check.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { check, isExplanationKey, jargonIn, parseJargon, readParentNamespaces, words } from './b1-check.mjs';

const jargon = parseJargon(`
# a note
*indicatie
interventie
AVG
sociaal domein
`);

const long = 'Dit is een hele lange zin met veel te veel woorden die een ouder niet in een keer kan lezen op een telefoon.';

test('counts words, a {{variable}} as one, punctuation not', () => {
  assert.equal(words('{{name}} is afgemeld — voor {{when}}.').length, 5);
  assert.equal(words(long).length, 23);
});

test('flags a text of more than 20 words in a parent namespace, not in a staff one', () => {
  const locale = { parent: { intro: long, short: 'Kort en duidelijk.' }, support: { intro: long } };
  assert.deepEqual(check(locale, ['parent'], jargon), ['parent.intro: 23 words (at most 20)']);
});

test('checks a dotted namespace only below that path', () => {
  const locale = { day: { timeline: { x: long }, group: { x: long } } };
  assert.deepEqual(check(locale, ['day.timeline'], jargon), ['day.timeline.x: 23 words (at most 20)']);
});

test('finds jargon with its inflections and, for a *word, at the end of a compound', () => {
  assert.deepEqual(jargonIn('Er zijn twee interventies gepland.', jargon), ['interventie']);
  assert.deepEqual(jargonIn('Uw kind heeft een jeugdhulpindicatie.', jargon), ['indicatie']);
  assert.deepEqual(jargonIn('Een interventiebeleid.', jargon), []);
  assert.deepEqual(jargonIn('Uw rechten volgens de AVG.', jargon), ['AVG']);
  assert.deepEqual(jargonIn('Ik heb een gave dag gehad.', jargon), []);
  assert.deepEqual(jargonIn('Het sociaal domein van de gemeente.', jargon), ['sociaal domein']);
  assert.deepEqual(jargonIn('{{indicatie}} is een naam.', jargon), []);
});

test('an explanation may be long and name a hard word, but each sentence has at most 20 words', () => {
  assert.ok(isExplanationKey('parent.explain.consent'));
  assert.ok(isExplanationKey('parentChild.people.careExplain'));
  assert.ok(isExplanationKey('security.twoFactor.explanation'));
  assert.ok(isExplanationKey('consents.purposeHelp.care_team'));
  assert.ok(!isExplanationKey('parent.helper.title'));
  const locale = {
    parent: {
      indicationExplain: 'Een indicatie is een besluit over hulp. De gemeente neemt het besluit. Daarna kan de hulp beginnen.',
      tooLongHelp: `Kort. ${long}`,
      indication: 'Uw kind heeft een indicatie.',
    },
  };
  assert.deepEqual(check(locale, ['parent'], jargon), [
    `parent.tooLongHelp: a sentence of 23 words (at most 20): "${long}"`,
    'parent.indication: jargon "indicatie"',
  ]);
});

test('reads PARENT_NAMESPACES from src/lib/i18n.ts, comments left out', () => {
  const source = "export const PARENT_NAMESPACES = [\n  // the app's frame\n  'app',\n  'day.timeline', // reused\n] as const;";
  assert.deepEqual(readParentNamespaces(source), ['app', 'day.timeline']);
  assert.throws(() => readParentNamespaces('export const OTHER = [];'));
  const real = readParentNamespaces(readFileSync(new URL('../src/lib/i18n.ts', import.meta.url), 'utf8'));
  assert.ok(real.includes('parent') && real.includes('parentChild'));
});
