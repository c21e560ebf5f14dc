import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { API_BASE_URL } from '../support/env';

/**
 * The figures for the debate about square metres: the utilisation of the demo building over
 * the school year, as the API counts it, on the page a municipal civil servant opens from the
 * menu; and the floor area against the norm.
 */
const BUILDING = 'Hoofdgebouw';
const CHILDCARE = 'Kinderopvang De Regenboog';
const YEAR = { from: '2026-08-24', to: '2027-07-09' };
const hoursNl = (value: number) => `${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(value)} uur`;

test("the municipality's analyst reads how the rooms are used and what the norm says", async ({ api, request, loginPage, page }, testInfo) => {
  const headers = { Authorization: `Bearer ${await api.token('analyst')}` };
  const buildings = (await (await request.get(`${API_BASE_URL}/buildings`, { headers })).json()) as { id: string; name: string }[];
  const building = buildings.find((b) => b.name === BUILDING)!;
  const query = `buildingId=${building.id}&from=${YEAR.from}&to=${YEAR.to}`;
  const report = await (await request.get(`${API_BASE_URL}/reports/room-utilisation?${query}`, { headers })).json();
  const childcare = report.organisations.find((o: { organisationName: string }) => o.organisationName === CHILDCARE);
  expect(childcare.hoursInRoomsOfOthers, 'the demo has after-school care in the school’s rooms').toBeGreaterThan(0);

  await loginPage.loginAs('analyst');
  // No calendar for the analyst, who sees no child's day: "Ruimtes" leads to the reports.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Ruimtes' }).click();
  await expect(page).toHaveURL(/\/ruimtes\/gebruik/);
  await page.goto(`/ruimtes/gebruik?gebouw=${building.id}&van=${YEAR.from}&tot=${YEAR.to}`);
  const perOrganisation = page.getByRole('table', { name: 'Gebruik per organisatie, met dubbel gebruik' });
  const row = perOrganisation.getByRole('row').filter({ hasText: CHILDCARE });
  await expect(row).toContainText(hoursNl(childcare.bookedHours));
  await expect(row).toContainText(hoursNl(childcare.hoursInRoomsOfOthers));
  await expect(page.getByRole('table', { name: 'Geboekte uren per dag en per uur, van 7:00 tot 22:00' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, testInfo, 'rooms-utilisation');

  const floor = await (
    await request.get(`${API_BASE_URL}/reports/floor-area?buildingId=${building.id}&referenceDate=${YEAR.to}`, { headers })
  ).json();
  await page.goto(`/ruimtes/vierkante-meters?gebouw=${building.id}&peildatum=${YEAR.to}`);
  await expect(page.getByText('Normruimte volgens de verordening')).toBeVisible();
  await expect(page.getByText(new RegExp(`× ${floor.pupils} leerlingen = `))).toBeVisible();
  await expect(page.getByText('Dit komt overeen met', { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(page, testInfo, 'rooms-floor-area');
});
