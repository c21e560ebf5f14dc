import { describe, expect, it } from 'vitest';
import en from '@/locales/en.json';
import nl from '@/locales/nl.json';
import {
  changeLanguage,
  i18n,
  LANGUAGE_NAMES,
  LANGUAGE_STORAGE_KEY,
  LANGUAGES,
  languageDirection,
  takeLanguageChoice,
} from '@/lib/i18n';

describe('translations', () => {
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
    expect(nl.securitySettings.title).toBe('Tweestapsverificatie verplicht voor rollen');
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

describe('the families\' languages', () => {
  it('offers six languages, each named in itself', () => {
    expect([...LANGUAGES]).toEqual(['nl', 'en', 'ar', 'tr', 'pl', 'uk']);
    expect(LANGUAGE_NAMES).toEqual({
      nl: 'Nederlands',
      en: 'English',
      ar: 'العربية',
      tr: 'Türkçe',
      pl: 'Polski',
      uk: 'Українська',
    });
  });

  it('writes Arabic right to left and the others left to right', () => {
    expect(languageDirection('ar')).toBe('rtl');
    expect(languageDirection('ar-MA')).toBe('rtl');
    for (const language of ['nl', 'en', 'tr', 'pl', 'uk']) expect(languageDirection(language)).toBe('ltr');
  });

  it('loads Arabic when chosen and mirrors the page: <html lang="ar" dir="rtl">', async () => {
    expect(i18n.hasResourceBundle('ar', 'translation')).toBe(false);
    await changeLanguage('ar');
    expect(i18n.hasResourceBundle('ar', 'translation')).toBe(true);
    expect(i18n.t('login.submit')).toBe('تسجيل الدخول');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');
    await changeLanguage('nl');
    expect(document.documentElement.dir).toBe('ltr');
    takeLanguageChoice();
  });

  it('chooses the Arabic, Polish and Ukrainian plural forms (CLDR)', async () => {
    await changeLanguage('ar');
    expect(i18n.t('age.years', { count: 0 })).toBe('0 سنة');
    expect(i18n.t('age.years', { count: 1 })).toBe('سنة واحدة');
    expect(i18n.t('age.years', { count: 2 })).toBe('سنتان');
    expect(i18n.t('age.years', { count: 4 })).toBe('4 سنوات');
    expect(i18n.t('age.years', { count: 11 })).toBe('11 سنة');
    await changeLanguage('pl');
    expect(i18n.t('age.years', { count: 1 })).toBe('1 rok');
    expect(i18n.t('age.years', { count: 3 })).toBe('3 lata');
    expect(i18n.t('age.years', { count: 5 })).toBe('5 lat');
    expect(i18n.t('age.years', { count: 22 })).toBe('22 lata');
    await changeLanguage('uk');
    expect(i18n.t('age.months', { count: 1 })).toBe('1 місяць');
    expect(i18n.t('age.months', { count: 21 })).toBe('21 місяць');
    expect(i18n.t('age.months', { count: 3 })).toBe('3 місяці');
    expect(i18n.t('age.months', { count: 11 })).toBe('11 місяців');
    await changeLanguage('tr');
    expect(i18n.t('age.years', { count: 4 })).toBe('4 yaş');
    takeLanguageChoice();
  });

  it('shows the Dutch text for a staff text that has no translation', async () => {
    await changeLanguage('tr');
    expect(i18n.t('children.search')).toBe('Zoeken op naam');
    takeLanguageChoice();
  });

  it('notes a choice made with the switch once, and not a switch by the app itself', async () => {
    takeLanguageChoice();
    await changeLanguage('pl');
    expect(takeLanguageChoice()).toBe('pl');
    expect(takeLanguageChoice()).toBeNull();
    await i18n.changeLanguage('uk');
    expect(takeLanguageChoice()).toBeNull();
    await changeLanguage('uk');
    expect(takeLanguageChoice()).toBeNull();
  });
});
