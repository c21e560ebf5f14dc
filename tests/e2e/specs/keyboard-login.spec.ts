import { test, expect } from '../support/fixtures';
import { DEMO_PASSWORD, USERS } from '../support/env';
import { ParentHomePage } from '../pages/parent-app';

test('logging in works with the keyboard only (Tab and Enter)', async ({ loginPage, childrenPage, page }) => {
  await loginPage.goto();

  // From the top of the page, Tab until the e-mail field has focus (skip link, name, language first).
  let tabs = 0;
  while (!(await loginPage.email.evaluate((el) => el === document.activeElement)) && tabs < 12) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  await expect(loginPage.email, `e-mail field reached with ${tabs} Tab presses`).toBeFocused();
  await page.keyboard.type(USERS.teacher);
  await page.keyboard.press('Tab');
  await expect(loginPage.password).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Tab');
  await expect(loginPage.submit).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/children$/);
  await childrenPage.expectLoaded();
});

test('Enter in the password field submits the login form', async ({ loginPage, page }) => {
  await loginPage.goto();
  await loginPage.email.focus();
  await page.keyboard.type(USERS.parent);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  // A parent lands on the parent app's home.
  await new ParentHomePage(page).expectShown();
});
