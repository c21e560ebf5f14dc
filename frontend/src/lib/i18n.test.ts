import { describe, expect, it } from 'vitest';
import en from '@/locales/en.json';
import nl from '@/locales/nl.json';
import { changeLanguage, i18n, LANGUAGE_STORAGE_KEY } from '@/lib/i18n';

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

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const nlKeys = flatten(nl as Tree);
  const enKeys = flatten(en as Tree);

  it('has the same keys in Dutch and English', () => {
    expect([...enKeys.keys()].sort()).toEqual([...nlKeys.keys()].sort());
  });

  it('has no empty texts', () => {
    for (const [key, value] of [...nlKeys, ...enKeys]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, value] of nlKeys) {
      expect(placeholders(enKeys.get(key) ?? ''), key).toEqual(placeholders(value));
    }
  });

  it('has the labels the browser tests look for', () => {
    expect(nl.login.email).toBe('E-mailadres');
    expect(nl.login.password).toBe('Wachtwoord');
    expect(nl.login.submit).toBe('Inloggen');
    expect(en.login.email).toBe('Email address');
    expect(en.login.password).toBe('Password');
    expect(en.login.submit).toBe('Log in');
    expect(nl.children.search).toBe('Zoeken op naam');
    expect(nl.header.logout).toBe('Uitloggen');
    expect(nl.children.tableCaption).toBe('Kinderen');
    expect(nl.children.loadMore).toBe('Meer laden');
    expect(nl.consents.title).toBe('Toestemmingen');
    expect(nl.consents.withdraw).toBe('Toestemming intrekken');
    expect(en.consents.withdraw).toBe('Withdraw consent');
    expect(nl.consents.withdrawConfirm).toBe('Ja, intrekken');
    expect(en.consents.withdrawConfirm).toBe('Yes, withdraw');
    expect(nl.consents.form.submit).toBe('Toestemming geven');
    expect(en.consents.form.submit).toBe('Give consent');
    expect(nl.consents.form.childAlsoConsents).toBe('Mijn kind (12 jaar of ouder) geeft ook toestemming');
    expect(nl.careTeam.title).toBe('Zorgteam');
    expect(nl.accessLog.title).toBe('Wie heeft het dossier bekeken');
    expect(nl.login.totp).toBe('Code uit je authenticator-app');
    expect(en.login.totp).toBe('Code from your authenticator app');
    expect(nl.security.title).toBe('Beveiliging');
    expect(nl.security.enrolment.start).toBe('Tweestapsverificatie instellen');
    expect(nl.security.settings.title).toBe('Tweestapsverificatie verplicht voor rollen');
  });
});

describe('language switch', () => {
  it('starts in Dutch', () => {
    expect(i18n.language).toBe('nl');
    expect(document.documentElement.lang).toBe('nl');
    expect(i18n.t('login.submit')).toBe('Inloggen');
  });

  it('switches to English, sets <html lang> and remembers the choice', async () => {
    await changeLanguage('en');
    expect(i18n.t('login.submit')).toBe('Log in');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('chooses Dutch or English plural forms', async () => {
    expect(i18n.t('age.months', { count: 1 })).toBe('1 maand');
    expect(i18n.t('age.months', { count: 7 })).toBe('7 maanden');
    await changeLanguage('en');
    expect(i18n.t('age.years', { count: 1 })).toBe('1 year');
    expect(i18n.t('age.years', { count: 4 })).toBe('4 years');
  });
});
