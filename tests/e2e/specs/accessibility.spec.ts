import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import {
  ParentAccessLogPage,
  ParentAccountPage,
  ParentChildPage,
  ParentConsentsPage,
  ParentHomePage,
} from '../pages/parent-app';

/** Every screen, scanned once it has finished loading (no "Bezig met laden…" left). */
test.describe('accessibility (axe: wcag2a, wcag2aa, wcag21aa; no serious or critical violations)', () => {
  test('login screen, also with an error message', async ({ loginPage, page }, testInfo) => {
    await loginPage.goto();
    await expectNoSeriousA11yViolations(page, testInfo, 'login');
    await loginPage.login('leerkracht@regenboog.demo', 'not-the-password');
    await expect(loginPage.error).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo, 'login-error');
  });

  test('children list, child page, not-found screens', async ({ loginPage, childrenPage, childPage, page }, testInfo) => {
    const loading = page.getByRole('status').filter({ hasText: 'Bezig met laden' });

    await loginPage.loginAs('teacher');
    await childrenPage.expectLoaded();
    await expect(loading).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, testInfo, 'children-list');

    const link = childrenPage.childLinks.first();
    const name = (await link.getAttribute('aria-label'))!.replace(/^Bekijk /, '');
    await link.click();
    await childPage.expectChild(name);
    await expect(childPage.placementsTable).not.toContainText('Bezig met laden');
    await expect(loading).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, testInfo, 'child');

    // A child that does not exist (or is not visible): the child "not found" screen.
    await childPage.goto('00000000-0000-4000-8000-000000000000');
    await expect(childPage.notFoundHeading).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo, 'child-not-found');

    // An unknown address: the page "not found" screen.
    await page.goto('/this-page-does-not-exist');
    await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo, 'page-not-found');
  });

  // A parent gets the parent app (/ouder), not these staff screens. Its home, a child's page,
  // consents and access log here; every parent screen, in Dutch and in Arabic, in parent-app.spec.ts.
  test("a parent's home, child page, consents and access log, and account page", async ({ api, loginPage, page }, testInfo) => {
    const [child] = await api.children('parent');
    await loginPage.loginAs('parent');
    const home = new ParentHomePage(page);
    await home.expectShown();
    await expectNoSeriousA11yViolations(page, testInfo, 'parent-home');

    const childPage = new ParentChildPage(page);
    await childPage.goto(child!.id);
    await childPage.expectChild(child!.givenName);
    await expectNoSeriousA11yViolations(page, testInfo, 'parent-child');

    await childPage.link(child!.givenName, 'consents').click();
    const consents = new ParentConsentsPage(page);
    await consents.expectShown(child!.givenName);
    await expectNoSeriousA11yViolations(page, testInfo, 'parent-consents');

    const visits = new ParentAccessLogPage(page);
    await visits.goto(child!.id);
    await visits.expectShown(child!.givenName);
    await expectNoSeriousA11yViolations(page, testInfo, 'parent-access-log');

    // The parent's security settings (password, two-factor) are on the account page.
    const account = new ParentAccountPage(page);
    await account.goto();
    await home.expectSettled();
    await expectNoSeriousA11yViolations(page, testInfo, 'parent-account');
  });

  test('the security page', async ({ loginPage, page }, testInfo) => {
    await loginPage.loginAs('teacher');
    await page.goto('/security');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Bezig met laden' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, testInfo, 'security');
  });
});
