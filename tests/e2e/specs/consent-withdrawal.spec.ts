import { test, expect } from '../support/fixtures';
import { API_BASE_URL } from '../support/env';
import { LoginPage } from '../pages/login-page';
import { ChildPage } from '../pages/child-page';
import { ChildrenListPage } from '../pages/children-list-page';
import { ParentChildPage, ParentConsentsPage, ParentHomePage } from '../pages/parent-app';

const PROVIDER = 'Zorgpartners Gooi (logopedie en jeugdhulp)';

/**
 * Consent is data: the parent withdraws the care provider's consents (in the parent app,
 * Toestemming), and the speech therapist of that provider — logged in at the same time in
 * another browser — loses the child at once.
 *
 * In the demo data she sees the parent's younger child twice over: as a member of its care team
 * (care-team consent) and as coordinator of its open speech-therapy trajectory (trajectory
 * consent for logopedie). Withdrawing the care-team consent alone leaves the second; once the
 * trajectory consent goes too, the child is gone from her list and its page is 404 for her.
 */
test('a parent withdraws consent and the speech therapist can no longer open the child', async ({
  api,
  browser,
  loginPage,
  page,
}) => {
  // Set-up through the API: the parent's younger child, which the speech therapist sees.
  const parentChildren = await api.children('parent');
  const parentChild = [...parentChildren].sort((a, b) => b.dateOfBirth.localeCompare(a.dateOfBirth))[0]!;
  const fullName = `${parentChild.givenName} ${parentChild.familyName}`;
  const before = (await api.children('speechTherapist')).map((c) => c.id);
  expect(before, `the speech therapist sees ${fullName} (demo data)`).toContain(parentChild.id);

  // The speech therapist, in a browser context of their own.
  const therapistContext = await browser.newContext();
  await therapistContext.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ apiBaseUrl: API_BASE_URL }) }),
  );
  const therapistPage = await therapistContext.newPage();
  const therapistLogin = new LoginPage(therapistPage);
  const therapistChildPage = new ChildPage(therapistPage);
  const therapistList = new ChildrenListPage(therapistPage);
  await therapistLogin.loginAs('speechTherapist');
  await therapistChildPage.goto(parentChild.id);
  await therapistChildPage.expectChild(fullName);

  // The parent opens the same child's consents and withdraws the care-team consent for the care provider.
  await loginPage.loginAs('parent');
  await new ParentHomePage(page).expectShown();
  const child = new ParentChildPage(page);
  await child.goto(parentChild.id);
  await child.expectChild(parentChild.givenName);
  await child.link(parentChild.givenName, 'consents').click();
  const consents = new ParentConsentsPage(page);
  await consents.expectShown(parentChild.givenName);
  const careTeam = consents.texts.purpose('care_team');
  const speechTherapy = consents.texts.purpose('trajectory', 'logopedie');
  await expect(consents.card(consents.inForce, PROVIDER, careTeam)).toBeVisible();
  await expect(consents.card(consents.inForce, PROVIDER, speechTherapy)).toBeVisible();
  await consents.withdraw(PROVIDER, careTeam);
  await expect(consents.card(consents.inForce, PROVIDER, careTeam)).toHaveCount(0);

  // She still coordinates the child's speech therapy, under the trajectory consent.
  await therapistPage.reload();
  await therapistChildPage.expectChild(fullName);

  // The parent withdraws that one as well.
  await consents.withdraw(PROVIDER, speechTherapy);
  await expect(consents.card(consents.inForce, PROVIDER, speechTherapy)).toHaveCount(0);

  // The therapist's very next request is refused: the child is no longer there for them.
  await therapistPage.reload();
  await expect(therapistChildPage.notFoundHeading).toBeVisible();
  await expect(therapistPage.getByText(fullName)).toHaveCount(0);
  await therapistList.goto();
  await expect(therapistList.childLink(fullName)).toHaveCount(0);
  const after = (await api.children('speechTherapist')).map((c) => c.id);
  expect(after).not.toContain(parentChild.id);
  expect(after).toHaveLength(before.length - 1);

  await therapistContext.close();
});
