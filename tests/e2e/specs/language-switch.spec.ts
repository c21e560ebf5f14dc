import { test, expect } from '../support/fixtures';
import { LoginPage } from '../pages/login-page';
import { ChildrenListPage } from '../pages/children-list-page';
import { AppHeader } from '../pages/app-header';
import { DEMO_PASSWORD, USERS } from '../support/env';

test('switching the language to English changes the login screen, and it stays English', async ({ page, loginPage, header }) => {
  await loginPage.goto();
  await expect(loginPage.submit).toHaveText('Inloggen');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  await header.languageButton('English').click();
  const english = new LoginPage(page, 'en');
  await expect(english.submit).toHaveText('Log in');
  await expect(english.email).toBeVisible();
  await expect(english.password).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(header.languageButton('English')).toHaveAttribute('aria-pressed', 'true');

  // The choice survives a reload, and logging in in English works.
  await page.reload();
  await expect(english.submit).toHaveText('Log in');
  await english.login(USERS.teacher, DEMO_PASSWORD);
  const children = new ChildrenListPage(page, 'en');
  await children.expectLoaded();
  await expect(new AppHeader(page, 'en').logout).toBeVisible();

  // And back to Dutch.
  await header.languageButton('Nederlands').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kinderen' })).toBeVisible();
  await expect(header.logout).toBeVisible();
});
