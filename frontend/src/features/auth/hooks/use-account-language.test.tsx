import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAccountLanguage } from '@/features/auth/hooks/use-account-language';
import { changeLanguage, i18n, PARENT_LANGUAGES, takeLanguageChoice, type Language } from '@/lib/i18n';
import { json, mockFetch, problem, renderWithProviders, setupApi, testMe } from '@/test/utils';

function Probe({ languages }: { languages?: readonly Language[] }) {
  useAccountLanguage(languages);
  return <p>{i18n.language}</p>;
}

/** GET /me with the account's language; PATCH /me answers the account with the new language. */
function accountApi(language: Language | null | undefined) {
  let saved = language;
  const sent: { language: string }[] = [];
  const me = () => testMe([], language === undefined ? {} : { language: saved ?? null });
  const { requests } = mockFetch(async (request) => {
    const path = new URL(request.url).pathname.replace('/api/v1', '');
    if (path !== '/me') return problem(404, 'Not found');
    if (request.method === 'PATCH') {
      const body = (await request.json()) as { language: Language };
      sent.push(body);
      saved = body.language;
    }
    return json(me());
  });
  return { requests, patches: () => [...sent] };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

afterEach(() => {
  takeLanguageChoice();
});

describe('useAccountLanguage', () => {
  it('shows the language the account remembered, without writing it back', async () => {
    const api = accountApi('ar');
    renderWithProviders(<Probe languages={PARENT_LANGUAGES} />, setupApi());
    await waitFor(() => expect(i18n.language).toBe('ar'));
    expect(document.documentElement.dir).toBe('rtl');
    await settle();
    expect(api.patches()).toEqual([]);
  });

  it('remembers the language on screen for an account that never chose one', async () => {
    const api = accountApi(null);
    renderWithProviders(<Probe languages={PARENT_LANGUAGES} />, setupApi());
    await waitFor(() => expect(api.patches()).toEqual([{ language: 'nl' }]));
  });

  it('keeps a language chosen just before logging in and remembers it for the account', async () => {
    await changeLanguage('tr');
    const api = accountApi('nl');
    renderWithProviders(<Probe languages={PARENT_LANGUAGES} />, setupApi());
    await waitFor(() => expect(api.patches()).toEqual([{ language: 'tr' }]));
    expect(i18n.language).toBe('tr');
  });

  it('remembers each choice made with the switch while logged in', async () => {
    const api = accountApi('nl');
    renderWithProviders(<Probe languages={PARENT_LANGUAGES} />, setupApi());
    await waitFor(() => expect(api.requests.some((r) => r.method === 'GET')).toBe(true));
    await settle();
    await changeLanguage('pl');
    await waitFor(() => expect(api.patches()).toEqual([{ language: 'pl' }]));
    await changeLanguage('uk');
    await waitFor(() => expect(api.patches()).toEqual([{ language: 'pl' }, { language: 'uk' }]));
  });

  it('gives way on a staff screen when the language is one staff screens do not offer, without remembering it', async () => {
    await i18n.changeLanguage('ar');
    const api = accountApi('ar');
    renderWithProviders(<Probe />, setupApi());
    await waitFor(() => expect(i18n.language).toBe('nl'));
    expect(document.documentElement.dir).toBe('ltr');
    await settle();
    expect(api.patches()).toEqual([]);
  });

  it('sends nothing when GET /me says nothing about languages', async () => {
    const api = accountApi(undefined);
    renderWithProviders(<Probe languages={PARENT_LANGUAGES} />, setupApi());
    await waitFor(() => expect(api.requests.length).toBeGreaterThan(0));
    await changeLanguage('en');
    await settle();
    expect(api.patches()).toEqual([]);
  });
});
