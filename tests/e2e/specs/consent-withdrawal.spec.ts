import { test, expect } from '../support/fixtures';
import { API_BASE_URL } from '../support/env';
import { LoginPage } from '../pages/login-page';
import { ChildPage } from '../pages/child-page';

/**
 * Consent is data: the parent withdraws the care provider's consent, and the speech therapist
 * of that provider — logged in at the same time in another browser — loses the child at once.
 */
test('a parent withdraws consent and the speech therapist can no longer open the child', async ({
  api,
  browser,
  loginPage,
  childPage,
  page,
}) => {
  // The one child the speech therapist sees (care team + the parent's consent, in the demo data).
  const therapistChildren = await api.children('speechTherapist');
  expect(therapistChildren).toHaveLength(1);
  const child = therapistChildren[0]!;
  const fullName = `${child.givenName} ${child.familyName}`;

  // The speech therapist, in a browser context of their own.
  const therapistContext = await browser.newContext();
  await therapistContext.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ apiBaseUrl: API_BASE_URL }) }),
  );
  const therapistPage = await therapistContext.newPage();
  const therapistLogin = new LoginPage(therapistPage);
  const therapistChildPage = new ChildPage(therapistPage);
  await therapistLogin.loginAs('speechTherapist');
  await therapistChildPage.goto(child.id);
  await therapistChildPage.expectChild(fullName);

  // The parent opens the same child and withdraws the consent for the care provider.
  await loginPage.loginAs('parent');
  await childPage.goto(child.id);
  await childPage.expectChild(fullName);
  const consents = page.getByRole('region', { name: 'Toestemmingen' }).or(
    page.locator('section', { has: page.getByRole('heading', { name: 'Toestemmingen' }) }),
  );
  await expect(consents.first()).toContainText('Zorgpartners Gooi');
  await consents.first().getByRole('button', { name: 'Toestemming intrekken' }).first().click();
  await page.getByRole('button', { name: 'Ja, intrekken' }).click();
  await expect(consents.first()).toContainText(/ingetrokken/i);

  // The therapist's very next request is refused: the child is no longer there for them.
  await therapistPage.reload();
  await expect(therapistChildPage.notFoundHeading).toBeVisible();
  await expect(therapistPage.getByText(fullName)).toHaveCount(0);
  expect(await api.children('speechTherapist')).toHaveLength(0);

  await therapistContext.close();
});
