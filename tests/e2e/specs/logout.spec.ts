import { test, expect } from '../support/fixtures';
import { API_ORIGIN } from '../support/env';

test('logging out returns to the login screen, and the back button shows no data', async ({
  api,
  loginPage,
  childrenPage,
  childPage,
  header,
  page,
}) => {
  // The access token lives in the page's memory only: read it off the API requests.
  const bearers: string[] = [];
  page.on('request', (request) => {
    const header = request.headers()['authorization'];
    if (header?.startsWith('Bearer ')) bearers.push(header.slice('Bearer '.length));
  });
  await loginPage.loginAs('teacher');
  await childrenPage.expectLoaded();
  // History: /children → /children/<id> → /children (back link); the logout replaces the last.
  const link = childrenPage.childLinks.first();
  const name = (await link.getAttribute('aria-label'))!.replace(/^Bekijk /, '');
  await link.click();
  await childPage.expectChild(name);
  await childPage.backLink.click();
  await childrenPage.expectLoaded();
  const accessToken = bearers.at(-1)!;
  expect(accessToken, 'the SPA called the API with an access token').toBeTruthy();
  expect(await api.meStatus(accessToken)).toBe(200);
  // cookies(url) leaves Secure cookies out for http:// URLs: look it up by host.
  const refreshCookie = async () =>
    (await page.context().cookies()).find(
      (cookie) => cookie.name === '__Secure-kc_refresh' && cookie.domain === new URL(API_ORIGIN).hostname,
    );
  expect(await refreshCookie(), 'the session lives in the HttpOnly refresh cookie').toBeDefined();

  await header.logout.click();
  await expect(page).toHaveURL(/\/login$/);
  await loginPage.expectShown();
  await expect(loginPage.loggedOutMessage).toBeVisible();
  expect(await refreshCookie(), 'the logout cleared the refresh cookie').toBeUndefined();
  // The server ended the session too: the old access token no longer works.
  expect(await api.meStatus(accessToken)).toBe(401);

  // Back to the child's page, then to the list: each time the login screen, never a child's data.
  let pagesBack = 0;
  for (let step = 0; step < 3; step++) {
    await page.goBack();
    if (page.url().startsWith('about:')) break;
    pagesBack++;
    await expect(page).toHaveURL(/\/login$/);
    await loginPage.expectShown();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByText(name)).toHaveCount(0);
    await expect(header.logout).toHaveCount(0);
  }
  expect(pagesBack, 'Back reached the child page and the list (both now the login screen)').toBe(2);

  // And typing a protected URL leads to the login screen as well.
  await page.goto('/children');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('table')).toHaveCount(0);
});
