import { test, expect } from '../support/fixtures';

test.describe('a parent', () => {
  test('sees exactly their own two children and can open them', async ({ loginPage, childrenPage, childPage, page }) => {
    await loginPage.loginAs('parent');
    await childrenPage.expectLoaded();

    await expect(childrenPage.childLinks).toHaveCount(2);
    await expect(childrenPage.rows).toHaveCount(2);
    expect(await childrenPage.column(childrenPage.t.familyName)).toEqual(['de Ouder', 'de Ouder']);
    const linkNames = await childrenPage.childLinks.evaluateAll((links) =>
      links.map((link) => link.getAttribute('aria-label') ?? link.textContent ?? ''),
    );
    for (const linkName of linkNames) expect(linkName).toMatch(/^Bekijk \S+ de Ouder$/);

    const first = linkNames[0]!.replace(/^Bekijk /, '');
    await childrenPage.open(first);
    await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
    await childPage.expectChild(first);
    await expect(childPage.guardiansTable.getByRole('cell', { name: 'Olga de Ouder', exact: true })).toBeVisible();
    await expect(childPage.placementsTable).toContainText('Basisschool De Regenboog');
  });

  test("gets 'not found' when opening another child's URL directly", async ({ api, loginPage, childPage, page }) => {
    // An id the parent may not see, taken from the API as the teacher.
    const own = new Set((await api.children('parent')).map((c) => c.id));
    expect(own.size).toBe(2);
    const other = (await api.children('teacher')).find((c) => !own.has(c.id));
    expect(other).toBeDefined();

    await loginPage.loginAs('parent');
    await childPage.goto(other!.id);
    await expect(childPage.notFoundHeading).toBeVisible();
    await expect(page.getByText(`${other!.givenName} ${other!.familyName}`)).toHaveCount(0);
    await expect(childPage.guardiansTable).toHaveCount(0);
    await expect(childPage.placementsTable).toHaveCount(0);
    await expect(childPage.backLink).toBeVisible();
  });
});
