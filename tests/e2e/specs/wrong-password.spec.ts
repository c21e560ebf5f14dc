import { test, expect } from '../support/fixtures';
import { USERS } from '../support/env';

test.describe('a failed login', () => {
  test('a wrong password shows an error message and keeps the user on the login screen', async ({ loginPage, page }) => {
    await loginPage.goto();
    await loginPage.login(USERS.childcare, 'not-the-password');
    await expect(loginPage.error).toBeVisible();
    await expect(loginPage.error).toContainText(loginPage.t.wrongCredentials);
    await expect(page).toHaveURL(/\/login$/);
    await expect(loginPage.submit).toBeEnabled();
    // No session came of it: no refresh cookie (docs/sessions.md).
    expect((await page.context().cookies()).some((cookie) => cookie.name === '__Secure-kc_refresh')).toBe(false);
  });

  test('an unknown e-mail address gets the very same message (no account discovery)', async ({ loginPage }) => {
    await loginPage.goto();
    await loginPage.login('niemand@regenboog.demo', 'not-the-password');
    await expect(loginPage.error).toContainText(loginPage.t.wrongCredentials);
  });
});
