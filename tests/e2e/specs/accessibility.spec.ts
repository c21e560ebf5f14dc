import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';

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

  test('children list of a parent', async ({ loginPage, childrenPage, page }, testInfo) => {
    await loginPage.loginAs('parent');
    await childrenPage.expectLoaded();
    await expect(page.getByRole('status').filter({ hasText: 'Bezig met laden' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, testInfo, 'children-list-parent');
  });

  test("a parent's child page with consents and access log, and the security page", async ({ api, loginPage, childPage, page }, testInfo) => {
    const loading = page.getByRole('status').filter({ hasText: 'Bezig met laden' });
    const [child] = await api.children('parent');
    await loginPage.loginAs('parent');
    await childPage.goto(child!.id);
    await childPage.expectChild(`${child!.givenName} ${child!.familyName}`);
    await expect(page.getByRole('heading', { name: 'Toestemmingen' })).toBeVisible();
    await expect(loading).toHaveCount(0);
    // The access log loads when opened: scan the page with it open.
    await childPage.openAccessLog();
    await expect(loading).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, testInfo, 'child-parent-consents');

    await page.goto('/security');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(loading).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, testInfo, 'security');
  });
});
