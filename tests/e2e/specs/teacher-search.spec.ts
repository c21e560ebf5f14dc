import { test, expect } from '../support/fixtures';

test('a teacher logs in, searches a child by name, opens it and sees guardians and placements', async ({
  api,
  loginPage,
  childrenPage,
  childPage,
  page,
}) => {
  // A child of the school whose full name no other child shares, taken from the API.
  const visible = await api.children('teacher');
  expect(visible.length, 'the teacher sees the school children').toBeGreaterThan(150);
  const fullName = (c: { givenName: string; familyName: string }) => `${c.givenName} ${c.familyName}`;
  const counts = new Map<string, number>();
  for (const c of visible) counts.set(fullName(c), (counts.get(fullName(c)) ?? 0) + 1);
  const child = visible.find((c) => counts.get(fullName(c)) === 1 && c.familyName !== 'de Ouder');
  expect(child, 'a child with a unique name').toBeDefined();
  const name = fullName(child!);
  const guardians = await api.guardianNames('teacher', child!.id);

  await loginPage.loginAs('teacher');
  await expect(page).toHaveURL(/\/children$/);
  await childrenPage.expectLoaded();
  const before = await childrenPage.childLinks.count();
  expect(before).toBeGreaterThan(1);

  await childrenPage.searchFor(name);
  await expect(childrenPage.childLinks).toHaveCount(1);
  await expect(childrenPage.childLink(name)).toBeVisible();

  await childrenPage.open(name);
  await expect(page).toHaveURL(new RegExp(`/children/${child!.id}$`));
  await childPage.expectChild(name);

  // Guardians: exactly the ones the API lists for this child.
  await expect(childPage.guardianRows).toHaveCount(guardians.length);
  for (const guardian of guardians) {
    await expect(childPage.guardiansTable.getByRole('cell', { name: guardian, exact: true })).toBeVisible();
  }
  // Placements: at least the school.
  await expect(childPage.placementRows.first()).toBeVisible();
  await expect(childPage.placementsTable).toContainText('Basisschool De Regenboog');
  // Contact person: a name is shown.
  await expect(childPage.contactPerson).toBeVisible();
  await expect(childPage.contactPerson).not.toHaveText('');
  await expect(childPage.contactPerson).not.toContainText('Er is geen contactpersoon');

  // Back to the list: the search is kept in the URL.
  await childPage.backLink.click();
  await expect(page).toHaveURL(/\/children/);
  await expect(childrenPage.heading).toBeVisible();
});
