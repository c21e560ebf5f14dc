import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { API_BASE_URL } from '../support/env';
import { ParentAbsencePage, ParentActivitiesPage, ParentHomePage } from '../pages/parent-app';

/** The rich school day's screens, scanned once loaded (axe: no serious or critical violations). */
test.describe('accessibility of the activities and day screens', () => {
  // A parent has the catalogue and the absence form in the parent app, per child.
  test("a parent's catalogue and absence form", async ({ api, loginPage, page }, testInfo) => {
    const [child] = await api.children('parent');
    await loginPage.loginAs('parent');
    await new ParentHomePage(page).expectShown();
    const activities = new ParentActivitiesPage(page);
    await activities.goto(child!.id);
    await activities.expectShown(child!.givenName);
    await expect(activities.open(child!.givenName).getByRole('listitem').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo, 'activities-catalogue-parent');

    const absence = new ParentAbsencePage(page);
    await absence.goto(child!.id);
    await absence.expectShown(child!.givenName);
    await expect(absence.from).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo, 'absence-form');
  });

  test("the BSO's Vandaag and an activity's page for the club", async ({ api, request, loginPage, header, page }, testInfo) => {
    const loading = page.getByRole('status').filter({ hasText: 'Bezig met laden' });
    await loginPage.loginAs('childcare');
    await page.goto('/vandaag');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(loading).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, testInfo, 'today-bso');

    const token = await api.token('parent');
    const activities = (await (
      await request.get(`${API_BASE_URL}/activities`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { id: string; organisationName: string }[];
    const own = activities.find((a) => a.organisationName === 'Kinderopvang De Regenboog') ?? activities[0]!;
    await header.logout.click();
    await loginPage.loginAs('admin');
    await page.goto(`/activiteiten/${own.id}`);
    await expect(page.getByTestId('activity-detail')).toBeVisible();
    await expect(loading).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, testInfo, 'activity-detail-admin');
  });
});
