import { test, expect } from '../support/fixtures';
import type { Page } from '@playwright/test';

const WIDTH = 360;
test.use({ viewport: { width: WIDTH, height: 740 } });

async function expectNoHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
  }));
  expect(widths.document, 'document.documentElement.scrollWidth').toBeLessThanOrEqual(WIDTH + 1);
  expect(widths.body, 'document.body.scrollWidth').toBeLessThanOrEqual(WIDTH + 1);
}

test('the children list works at 360 px wide, without horizontal scrolling', async ({ loginPage, childrenPage, childPage, page }) => {
  await loginPage.goto();
  await expectNoHorizontalScroll(page);
  await loginPage.loginAs('teacher');
  await childrenPage.expectLoaded();
  await expectNoHorizontalScroll(page);

  // Still usable: the search narrows the list, and a child opens.
  const link = childrenPage.childLinks.first();
  const name = (await link.getAttribute('aria-label'))!.replace(/^Bekijk /, '');
  await childrenPage.searchFor(name);
  await expect(childrenPage.childLink(name).first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await childrenPage.childLink(name).first().click();
  await childPage.expectChild(name);
  await expectNoHorizontalScroll(page);
});
