import { test, expect } from '../support/fixtures';

test('logging out returns to the login screen, and the back button shows no data', async ({
  api,
  loginPage,
  childrenPage,
  childPage,
  header,
  page,
}) => {
  await loginPage.loginAs('teacher');
  await childrenPage.expectLoaded();
  // History: /children → /children/<id> → /children (back link); the logout replaces the last.
  const link = childrenPage.childLinks.first();
  const name = (await link.getAttribute('aria-label'))!.replace(/^Bekijk /, '');
  await link.click();
  await childPage.expectChild(name);
  await childPage.backLink.click();
  await childrenPage.expectLoaded();
  const session = await page.evaluate(() => sessionStorage.getItem('kindcentraal.session'));
  expect(session, 'the SPA keeps its session in sessionStorage').not.toBeNull();
  const accessToken = (JSON.parse(session!) as { accessToken: string }).accessToken;
  expect(await api.meStatus(accessToken)).toBe(200);

  await header.logout.click();
  await expect(page).toHaveURL(/\/login$/);
  await loginPage.expectShown();
  await expect(loginPage.loggedOutMessage).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('kindcentraal.session'))).toBeNull();
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
