import type { Request } from '@playwright/test';
import { test, expect } from '../support/fixtures';

/**
 * Opening a child page is one request for the child's data (`GET /children/{id}?expand=…`), so
 * one access-log event; "Zorg & ondersteuning" and the access log each load only when opened,
 * in one request each, and the access log shows the parent's visit as one line naming what was
 * read.
 */
test('a child page is one request, and the access log shows the visit on one line', async ({
  api,
  loginPage,
  childPage,
  supportSection,
  page,
}) => {
  // The parent's older child: no spec changes anything on it (the consent spec works on the
  // younger one), so every line by the parent is a read, and reads within 10 minutes are one line.
  const children = await api.children('parent');
  expect(children).toHaveLength(2);
  const child = [...children].sort((a, b) => a.dateOfBirth.localeCompare(b.dateOfBirth))[0]!;
  const fullName = `${child.givenName} ${child.familyName}`;

  await loginPage.loginAs('parent');

  const childPath = new RegExp(`^/api/v1/children/${child.id}(/|$)`);
  const childRequests: Request[] = [];
  const record = (request: Request) => {
    // A CORS preflight (OPTIONS) is the browser asking, not the page reading data.
    if (request.method() !== 'OPTIONS' && childPath.test(new URL(request.url()).pathname)) {
      childRequests.push(request);
    }
  };
  page.on('request', record);

  await childPage.goto(child.id);
  await childPage.expectChild(fullName);
  await expect(page.getByRole('heading', { level: 2, name: 'Toestemmingen' })).toBeVisible();
  await expect(childPage.accessLogHeading).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('status').filter({ hasText: 'Bezig met laden' })).toHaveCount(0);

  const described = childRequests.map((r) => `${r.method()} ${r.url()}`);
  expect(described, 'requests for this child while the page loads').toHaveLength(1);
  const [load] = childRequests;
  expect(load!.method()).toBe('GET');
  const url = new URL(load!.url());
  expect(url.pathname).toBe(`/api/v1/children/${child.id}`);
  expect(url.searchParams.get('expand'), 'the page asks for its parts in the same request').toBeTruthy();

  // "Zorg & ondersteuning": one more request, only on opening it, for its three parts.
  await supportSection.open();
  await page.waitForLoadState('networkidle');
  expect(childRequests).toHaveLength(2);
  const support = new URL(childRequests[1]!.url());
  expect(support.pathname).toBe(`/api/v1/children/${child.id}`);
  expect(support.searchParams.get('expand')).toBe('plan,trajectories,signals');

  // The access log: one more request, only on opening it.
  await childPage.openAccessLog();
  expect(childRequests.map((r) => new URL(r.url()).pathname)).toEqual([
    `/api/v1/children/${child.id}`,
    `/api/v1/children/${child.id}`,
    `/api/v1/children/${child.id}/access-log`,
  ]);
  page.off('request', record);

  // Newest first: this visit by the parent is the first line, and the only one by the parent
  // (earlier visits by other specs, minutes ago, are in the same 10-minute window).
  const parentLines = childPage.accessLogLines.filter({ hasText: 'Olga de Ouder' });
  await expect(parentLines).toHaveCount(1);
  const visit = childPage.accessLogLines.first();
  await expect(visit).toContainText('Olga de Ouder');
  await expect(visit).toContainText('bekeek het dossier (');
  const parts = ['gegevens', 'ouders/verzorgers', 'plaatsingen', 'zorgteam', 'toestemmingen'];
  for (const part of [...parts, 'ondersteuningsplan', 'trajecten', 'signalen']) {
    await expect(visit).toContainText(part);
  }
  await expect(visit.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
});
