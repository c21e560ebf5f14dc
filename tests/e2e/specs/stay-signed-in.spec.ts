/**
 * Staying signed in on a phone, safely (issue 14, docs/sessions.md). A parent who closes the
 * installed app and opens it again is still signed in: the refresh token lives in an HttpOnly,
 * Secure, SameSite=Strict cookie of the API on /api/v1/auth, the access token in the page's
 * memory only. No script of the page can read either from storage or document.cookie. "Overal
 * uitloggen" on the account page ends every device's session.
 *
 * A new page in the same browser context is the reopened app: it keeps the cookies, and starts
 * with an empty sessionStorage and no memory of the old page.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { API_BASE_URL, API_ORIGIN } from '../support/env';
import { LoginPage } from '../pages/login-page';

const COOKIE = '__Secure-kc_refresh';
const PARENT_HOME = /\/ouder$/;
// frontend/src/locales/nl.json: parent.home.title, security.devices.*
const HOME_TITLE = 'Overzicht';
const DEVICES = 'Apparaten';
const EVERYWHERE = 'Overal uitloggen';

/** The API's refresh cookie. (`cookies(url)` leaves Secure cookies out for an http:// URL, though
 * Chromium keeps and sends them on 127.0.0.1: look the cookie up by its host instead.) */
async function refreshCookie(context: BrowserContext) {
  const host = new URL(API_ORIGIN).hostname;
  return (await context.cookies()).find((cookie) => cookie.name === COOKIE && cookie.domain === host);
}

/** Everything a script of the page can read: cookies it may see, and both web storages. */
function readableByScripts(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify({
      cookie: document.cookie,
      session: { ...window.sessionStorage },
      local: { ...window.localStorage },
    }),
  );
}

/** The same app on another device: a browser context of its own, on the e2e stack's API. */
async function otherDevice(context: BrowserContext): Promise<BrowserContext> {
  const browser = context.browser()!;
  const device = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  await device.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ apiBaseUrl: API_BASE_URL }) }),
  );
  return device;
}

test.use({ viewport: { width: 360, height: 740 } });

test('a parent stays signed in after closing the app, the refresh token is out of reach of scripts, and "Overal uitloggen" ends every device', async ({
  context,
  loginPage,
  page,
}) => {
  // A second device of the same parent (a laptop), signed in as well.
  const laptop = await otherDevice(context);
  const laptopPage = await laptop.newPage();
  await new LoginPage(laptopPage).loginAs('parent');
  await expect(laptopPage).toHaveURL(PARENT_HOME);

  const bearers: string[] = [];
  page.on('request', (request) => {
    const header = request.headers()['authorization'];
    if (header?.startsWith('Bearer ')) bearers.push(header.slice('Bearer '.length));
  });
  await loginPage.loginAs('parent');
  await expect(page).toHaveURL(PARENT_HOME);
  await expect(page.getByRole('heading', { level: 1, name: HOME_TITLE })).toBeVisible();

  const cookie = await refreshCookie(context);
  expect(cookie, 'the API set the refresh cookie').toBeDefined();
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/v1/auth' });
  // Persistent, for the parent's 30 days: it outlives a closed app.
  expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000 + 29 * 24 * 3600);

  // Neither token is anywhere a script can read it.
  const readable = await readableByScripts(page);
  expect(readable).not.toContain(cookie!.value);
  expect(readable).not.toContain(COOKIE);
  expect(bearers.length, 'the page called the API with an access token').toBeGreaterThan(0);
  for (const token of new Set(bearers)) expect(readable).not.toContain(token);

  // The app is closed and opened again: a new page, same cookies, nothing else.
  await page.close();
  const reopened = await context.newPage();
  await reopened.goto('/ouder');
  await expect(reopened.getByRole('heading', { level: 1, name: HOME_TITLE })).toBeVisible();
  await expect(reopened).toHaveURL(PARENT_HOME);
  expect(await reopened.evaluate(() => window.sessionStorage.length)).toBe(0);
  // Refreshed on opening: the cookie rotated.
  expect((await refreshCookie(context))!.value).not.toBe(cookie!.value);

  // The account page lists the devices (both of these, and earlier tests' logins), this one
  // marked; sign out everywhere.
  await reopened.goto('/ouder/account');
  const devices = reopened.getByRole('list', { name: DEVICES });
  await expect(devices.getByText(/dit apparaat/)).toHaveCount(1);
  expect(await devices.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
  await reopened.getByRole('button', { name: EVERYWHERE, exact: true }).click();
  await expect(reopened).toHaveURL(/\/login$/);
  expect(await refreshCookie(context), 'the browser forgot the cookie').toBeUndefined();

  // Opened again: the login screen. And the laptop is signed out too, at its next request.
  const again = await context.newPage();
  await again.goto('/ouder');
  await expect(again).toHaveURL(/\/login$/);
  await laptopPage.reload();
  await expect(laptopPage).toHaveURL(/\/login$/);
  await laptop.close();
});
