import { test, expect } from '../support/fixtures';
import { ParentChildPage, ParentExportPage, ParentHomePage } from '../pages/parent-app';

/**
 * A parent sees their own children and no one else's. A parent (a guardian without a membership)
 * lands in the parent app (/ouder) and never gets the staff screens, so never the staff list of
 * all children; the parent app shows exactly the children the API gives this parent.
 */
test.describe('a parent', () => {
  test('sees exactly their own two children and can open them', async ({ api, loginPage, page }) => {
    const own = await api.children('parent');
    expect(own, 'the demo parent has two children').toHaveLength(2);
    const fullNames = own.map((c) => `${c.givenName} ${c.familyName}`).sort();
    for (const name of fullNames) expect(name).toMatch(/^\S+ de Ouder$/);

    await loginPage.loginAs('parent');
    const home = new ParentHomePage(page);
    await home.expectShown();

    // One card per own child, named by its full name: exactly these two.
    await expect(home.childCards).toHaveCount(2);
    for (const name of fullNames) await expect(home.childCard(name)).toBeVisible();

    // The staff list of all children is not for a parent: its address leads back to the parent app.
    await page.goto('/children');
    await home.expectShown();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(home.childCards).toHaveCount(2);

    // Open the first: Mijn kind, with its school among the people around the child.
    const first = own[0]!;
    await home.childLink(first.givenName).click();
    await expect(page).toHaveURL(new RegExp(`/ouder/kinderen/${first.id}$`));
    const child = new ParentChildPage(page);
    await child.expectChild(first.givenName);
    await expect(child.people(first.givenName)).toContainText('Basisschool De Regenboog');

    // The switcher offers exactly the parent's two children.
    await expect(child.switcher.getByRole('link')).toHaveCount(2);
    for (const c of own) await expect(child.switchLink(c.givenName)).toBeVisible();
  });

  test("gets 'not found' when opening another child's URL directly", async ({ api, loginPage, page }) => {
    // An id the parent may not see, taken from the API as the teacher.
    const ownChildren = await api.children('parent');
    const own = new Set(ownChildren.map((c) => c.id));
    expect(own.size).toBe(2);
    // Not one who shares a given name with the parent's own (those are on screen in the switcher).
    const ownNames = new Set(ownChildren.map((c) => c.givenName));
    const other = (await api.children('teacher')).find((c) => !own.has(c.id) && !ownNames.has(c.givenName));
    expect(other).toBeDefined();
    const otherName = `${other!.givenName} ${other!.familyName}`;

    await loginPage.loginAs('parent');
    await new ParentHomePage(page).expectShown();

    // Mijn kind for that child: "not found", in plain words, and nothing of the child.
    const child = new ParentChildPage(page);
    await child.goto(other!.id);
    await expect(child.heading(child.t('parentChild.title'))).toBeVisible();
    await expect(page.getByText(child.t('parentChild.notFound'), { exact: true })).toBeVisible();
    await expect(page.getByText(other!.givenName, { exact: true })).toHaveCount(0);
    await expect(page.getByText(otherName)).toHaveCount(0);
    await expect(child.people(other!.givenName)).toHaveCount(0);
    await expect(child.today).toHaveCount(0);
    // No way to switch to it either: the switcher holds the parent's own two children.
    await expect(child.switchLink(other!.givenName)).toHaveCount(0);
    await expect(page.getByRole('link', { name: child.t('parentChild.backHome'), exact: true })).toBeVisible();

    // Its data export is not offered.
    const myData = new ParentExportPage(page);
    await myData.goto(other!.id);
    await expect(page.getByText(myData.t('parent.notYourChild'), { exact: true })).toBeVisible();
    await expect(myData.start(other!.givenName)).toHaveCount(0);

    // The staff child page at its address leads back to the parent app, without the child.
    await page.goto(`/children/${other!.id}`);
    await new ParentHomePage(page).expectShown();
    await expect(page.getByText(otherName)).toHaveCount(0);
  });
});
