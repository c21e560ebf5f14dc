import { test, expect } from '../support/fixtures';
import { ParentHomePage } from '../pages/parent-app';
import { ChildrenListPage } from '../pages/children-list-page';

/**
 * The parent app uses the phone's own typeface: no web font is fetched for it (docs/performance.md,
 * "The parent app"). The staff screens get Noto Sans, the NL Design System Utrecht theme's typeface,
 * loaded with them (src/lib/staff-font.ts).
 */
const fontRequests = (urls: string[]) => urls.filter((url) => /\.woff2?(\?|$)/.test(url));
/** The state of each Noto Sans face the page declares ('unloaded', 'loading', 'loaded'). */
const notoSans = () => {
  const states: string[] = [];
  document.fonts.forEach((face) => {
    if (face.family.includes('Noto Sans')) states.push(face.status);
  });
  return states;
};

test('a parent gets no web font; staff screens are set in Noto Sans', async ({ loginPage, page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));

  await loginPage.loginAs('parent');
  await new ParentHomePage(page).expectShown();
  await page.waitForLoadState('networkidle');
  expect(fontRequests(requested), 'the parent app fetched a font').toEqual([]);
  expect(await page.evaluate(notoSans), 'the parent app declares Noto Sans').toEqual([]);

  // Another session in the same browser: a teacher.
  await page.context().clearCookies();
  await loginPage.loginAs('teacher');
  await expect(new ChildrenListPage(page).heading).toBeVisible();
  await expect.poll(() => page.evaluate(notoSans), { message: 'Noto Sans used on the staff screens' }).toContain('loaded');
  expect(fontRequests(requested).some((url) => url.includes('noto-sans'))).toBe(true);
});
