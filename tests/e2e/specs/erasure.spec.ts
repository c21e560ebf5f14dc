import { expect, type APIRequestContext } from '@playwright/test';
import { test } from '../support/fixtures';
import { API_BASE_URL } from '../support/env';

type Enrolment = { status: string };

/** Set-up through the API as the centre's admin: a new child with one activity enrolment. */
async function childWithAnActivity(request: APIRequestContext, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  // The admin's own centre: that of a child they see (the demo also has a comparison centre).
  const seen = await request.get(`${API_BASE_URL}/children`, { headers, params: { limit: '1' } });
  expect(seen.status(), await seen.text()).toBe(200);
  const centre = { id: ((await seen.json()) as { items: { centreId: string }[] }).items[0]!.centreId };
  const born = new Date();
  born.setFullYear(born.getFullYear() - 8, 0, 15);
  const created = await request.post(`${API_BASE_URL}/children`, {
    headers,
    data: {
      centreId: centre.id,
      givenName: 'Eva',
      familyName: 'Wisverzoek',
      dateOfBirth: born.toISOString().slice(0, 10),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const child = (await created.json()) as { id: string };
  const activities = await request.get(`${API_BASE_URL}/activities`, {
    headers,
    params: { centreId: centre.id, limit: '50' },
  });
  expect(activities.status(), await activities.text()).toBe(200);
  for (const activity of (await activities.json()) as { id: string }[]) {
    const enrolled = await request.post(`${API_BASE_URL}/activities/${activity.id}/enrolments`, {
      headers,
      data: { childId: child.id },
    });
    if (enrolled.status() === 201) {
      return { childId: child.id, enrolment: (await enrolled.json()) as Enrolment };
    }
  }
  throw new Error('no activity of the demo centre takes an eight-year-old');
}

/**
 * A guardian asks to erase their child's activity data and messages: the centre's admin opens
 * the child, sees what can go and what must stay (and why), confirms, and sees the outcome as
 * recorded; the activity data is gone from the file afterwards.
 */
test('a centre admin handles an erasure request and sees the recorded outcome', async ({
  api,
  loginPage,
  page,
  request,
}) => {
  const token = await api.token('admin');
  const { childId, enrolment } = await childWithAnActivity(request, token);

  await loginPage.loginAs('admin');
  await page.goto(`/children/${childId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Eva Wisverzoek' })).toBeVisible();
  await page.getByRole('link', { name: 'Verzoek tot verwijdering afhandelen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Verzoek tot verwijdering: Eva Wisverzoek' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Onderdelen van het dossier' });
  const activities = table.getByRole('row', { name: /Activiteiten/ });
  await expect(activities).toContainText('1');
  await expect(activities).toContainText('Ja');
  await expect(table.getByRole('row', { name: /Zorg en ondersteuning/ })).toContainText('Jeugdwet, WGBO');

  await page.getByRole('checkbox', { name: /Berichten, mededelingen/ }).check();
  await page.getByRole('checkbox', { name: /Activiteiten/ }).check();
  await page.getByRole('checkbox', { name: /Zorg en ondersteuning/ }).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  const confirm = page.getByRole('region', { name: 'Weet u het zeker?' });
  await expect(confirm).toContainText('Activiteiten: inschrijvingen en aanwezigheid');
  await expect(confirm).toContainText('Zorg en ondersteuning: Het dossier van jeugdhulp');
  await confirm.getByRole('button', { name: 'Ja, verzoek afhandelen' }).click();

  const outcome = page.getByTestId('erasure-outcome');
  await expect(outcome.getByRole('heading', { name: 'Verzoek afgehandeld' })).toBeVisible();
  // An enrolment that held a place stays without content for the participation figures; one
  // on the waiting list goes.
  const handling = enrolment.status === 'enrolled' ? 'zonder inhoud bewaard voor de cijfers' : 'verwijderd';
  await expect(outcome).toContainText(`1 inschrijvingen voor activiteiten: ${handling}`);
  await expect(outcome).toContainText('Zorg en ondersteuning (0)');

  // The record is there afterwards, for the centre's admins.
  const listed = await request.get(`${API_BASE_URL}/erasure-requests`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const records = ((await listed.json()) as { items: { childId: string; categories: string[] }[] }).items;
  expect(records.find((r) => r.childId === childId)?.categories).toEqual(['messages', 'activities', 'care']);
});
