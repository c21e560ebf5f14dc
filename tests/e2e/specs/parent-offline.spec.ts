/**
 * The parent app offline (issue 10, docs/pwa.md): the service worker opens the app shell
 * without a network, the screen says "geen verbinding" instead of loading forever, data that
 * was on screen carries a "Niet actueel" mark, and no API answer ever comes from a cache.
 * Service workers need the production build: the stack serves frontend/dist with `vite preview`.
 */
import type { Page, Response } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { API_ORIGIN } from '../support/env';

// frontend/src/locales/nl.json
const TEXTS = {
  /** offline.bannerTitle + offline.bannerText */
  banner: 'Geen verbinding. U ziet wat er al geladen was; dit is niet actueel.',
  /** offline.notCurrent · offline.updatedAt */
  notCurrent: /^Niet actueel · bijgewerkt om \d{2}:\d{2}$/,
  /** errors.network */
  noConnection: 'Er is geen verbinding met KindCentraal. Controleer uw internet en probeer het opnieuw.',
  /** app.loading */
  loading: 'Bezig met laden…',
  /** parent.home.title */
  homeTitle: 'Overzicht',
};
const PARENT_HOME = /\/ouder$/;

test.use({ viewport: { width: 360, height: 740 } });

function isApiUrl(url: string): boolean {
  return url.startsWith(API_ORIGIN) || new URL(url).pathname.startsWith('/api/');
}

/** Every API answer the page gets, and whether the service worker gave it. */
function watchApiResponses(page: Page): { url: string; fromServiceWorker: boolean }[] {
  const seen: { url: string; fromServiceWorker: boolean }[] = [];
  page.on('response', (response: Response) => {
    if (isApiUrl(response.url())) seen.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() });
  });
  return seen;
}

/** Every URL in the page's Cache Storage, per cache. */
function cachedUrls(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const all: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      all[name] = (await cache.keys()).map((request) => request.url);
    }
    return all;
  });
}

/** Until the service worker controls the page and holds config.json for a start offline. */
async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect
    .poll(async () => Object.values(await cachedUrls(page)).flat().some((url) => url.endsWith('/config.json')))
    .toBe(true);
}

test.describe('the parent app without a connection', () => {
  test('marks the data on screen as not current when the connection drops, and clears it when it is back', async ({
    api,
    loginPage,
    page,
    context,
  }) => {
    const names = (await api.children('parent')).map((child) => child.givenName);
    expect(names).toHaveLength(2);

    await loginPage.loginAs('parent');
    await expect(page).toHaveURL(PARENT_HOME);
    for (const name of names) await expect(page.getByText(name).first()).toBeVisible();
    const banner = page.getByRole('status').filter({ hasText: TEXTS.banner });
    const mark = page.getByText(TEXTS.notCurrent);
    await expect(mark).toHaveCount(0);
    await expect(banner).toHaveCount(0);

    await context.setOffline(true);
    await expect(banner).toBeVisible();
    await expect(mark).toBeVisible();
    // The data stays, marked: the mark sits above it.
    for (const name of names) await expect(page.getByText(name).first()).toBeVisible();
    const markBox = await mark.boundingBox();
    const firstChild = await page.getByText(names[0]!).first().boundingBox();
    expect(markBox!.y).toBeLessThan(firstChild!.y);

    await context.setOffline(false);
    await expect(banner).toHaveCount(0);
    await expect(mark).toHaveCount(0);
  });

  test('opens from the service worker with a "geen verbinding" state, and never serves an API answer from a cache', async ({
    api,
    loginPage,
    page,
    context,
  }) => {
    const names = (await api.children('parent')).map((child) => child.givenName);
    const apiResponses = watchApiResponses(page);

    await loginPage.loginAs('parent');
    await expect(page).toHaveURL(PARENT_HOME);
    for (const name of names) await expect(page.getByText(name).first()).toBeVisible();
    await waitForOfflineReady(page);

    await context.setOffline(true);
    const reload = await page.reload();
    // The app shell, from the service worker: not Chromium's "no internet" page.
    expect(reload?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
    await expect(page).toHaveTitle(/KindCentraal/);
    await expect(page.getByRole('status').filter({ hasText: TEXTS.banner })).toBeVisible();
    await expect(page.getByText(TEXTS.noConnection).first()).toBeVisible();
    // Said plainly, not an endless "Bezig met laden…"; and no child's data from anywhere.
    await expect(page.getByText(TEXTS.loading)).toHaveCount(0);
    for (const name of names) await expect(page.getByText(name)).toHaveCount(0);

    // Every API answer came from the network, none from the service worker or a cache.
    expect(apiResponses.length, 'the page asked the API while online').toBeGreaterThan(0);
    expect(apiResponses.filter((response) => response.fromServiceWorker)).toEqual([]);
    const caches = await cachedUrls(page);
    const everything = Object.values(caches).flat();
    expect(everything.some((url) => new URL(url).pathname === '/index.html')).toBe(true);
    expect(everything.filter(isApiUrl)).toEqual([]);

    // Back online, the screen fills itself: no reload needed (the probe asks again every 5 s).
    await context.setOffline(false);
    for (const name of names) await expect(page.getByText(name).first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('status').filter({ hasText: TEXTS.banner })).toHaveCount(0);
    expect(apiResponses.filter((response) => response.fromServiceWorker)).toEqual([]);
  });
});
