import type { APIRequestContext, Request } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { API_BASE_URL } from '../support/env';
import { ParentAccessLogPage, ParentChildPage, ParentHomePage } from '../pages/parent-app';

type LogEvent = { id: string; actorName: string; role: string | null; resource: string; action: string; parts: string[] };

/** The child's plain access log, newest first (as the parent; reading it is itself an event). */
async function accessLog(request: APIRequestContext, token: string, childId: string): Promise<LogEvent[]> {
  const response = await request.get(`${API_BASE_URL}/children/${childId}/access-log`, {
    params: { limit: '100' },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { items: LogEvent[] }).items;
}

/**
 * Opening a child's page in the parent app (Mijn kind) is one request for the child's data
 * (`GET /children/{id}?expand=…`), so one access-log event naming every part it read; "wie heeft
 * het dossier bekeken" loads in one request of its own, and shows the parent's visit (the home,
 * the child's page) as one line naming what was read.
 */
test('a child page is one request, and the access log shows the visit on one line', async ({
  api,
  request,
  loginPage,
  page,
}) => {
  // The parent's older child: no spec before this one changes anything on it (the consent spec
  // works on the younger one), so the parent's lines on it are reads.
  const children = await api.children('parent');
  expect(children).toHaveLength(2);
  const child = [...children].sort((a, b) => a.dateOfBirth.localeCompare(b.dateOfBirth))[0]!;
  const name = child.givenName;
  const token = await api.token('parent');

  await loginPage.loginAs('parent');
  const home = new ParentHomePage(page);
  await home.expectShown();

  const childPath = new RegExp(`^/api/v1/children/${child.id}(/|$)`);
  const childRequests: Request[] = [];
  const homeRequests: Request[] = [];
  const record = (request: Request) => {
    // A CORS preflight (OPTIONS) is the browser asking, not the page reading data.
    if (request.method() === 'OPTIONS') return;
    const path = new URL(request.url()).pathname;
    if (childPath.test(path)) childRequests.push(request);
    if (path === '/api/v1/me/home') homeRequests.push(request);
  };
  const seen = new Set((await accessLog(request, token, child.id)).map((e) => e.id));
  page.on('request', record);

  // From the home to Mijn kind, as a parent would.
  await home.childLink(name).click();
  const childPage = new ParentChildPage(page);
  await childPage.expectChild(name);
  await expect(childPage.support).toBeVisible();
  await childPage.expectSettled();

  const described = childRequests.map((r) => `${r.method()} ${r.url()}`);
  expect(described, 'requests for this child while the page loads').toHaveLength(1);
  const [load] = childRequests;
  expect(load!.method()).toBe('GET');
  const url = new URL(load!.url());
  expect(url.pathname).toBe(`/api/v1/children/${child.id}`);
  const expand = url.searchParams.get('expand')?.split(',') ?? [];
  expect(expand, 'the page asks for its parts in the same request').toEqual(
    expect.arrayContaining(['careTeam', 'dailyTeam', 'plan', 'trajectories', 'enrolments', 'day']),
  );
  expect(homeRequests, 'the home, loaded just before, is not asked again').toHaveLength(0);

  // One request, one event: the page's read, naming every part it read.
  const events = (await accessLog(request, token, child.id)).filter((e) => !seen.has(e.id) && e.resource !== 'access-log');
  expect(events.map((e) => `${e.actorName} ${e.resource} ${e.action} [${e.parts.join(',')}]`)).toHaveLength(1);
  const [event] = events;
  expect(event!.actorName).toBe('Olga de Ouder');
  expect(event!.action).toBe('read');
  expect(event!.parts).toEqual(expect.arrayContaining(['child', 'care-team', 'daily-team', 'plan', 'trajectory', 'enrolment', 'day']));

  // "Wie heeft het dossier bekeken": one more request, only on opening it (and none for this
  // child in between: the list below holds every request since the home).
  await childPage.link(name, 'accessLog').click();
  const visits = new ParentAccessLogPage(page);
  await visits.expectShown(name);
  page.off('request', record);
  expect(childRequests.map((r) => new URL(r.url()).pathname)).toEqual([
    `/api/v1/children/${child.id}`,
    `/api/v1/children/${child.id}/access-log/visits`,
  ]);

  // Newest first: the parent's visit is the first line, and holds both the home's read ("wat u
  // nog moet doen" comes only from there) and the page's (the care team, the plan, the help):
  // one line for the visit, not one per request or part.
  const visit = visits.visits(name).first();
  await expect(visit).toContainText('Olga de Ouder');
  await expect(visit).toContainText(`(${visits.t('parentChild.visits.guardian')})`);
  for (const part of ['child', 'contact-person', 'day', 'actions', 'care-team', 'daily-team', 'plan', 'trajectory', 'enrolment']) {
    await expect(visit).toContainText(visits.resource(part));
  }
  await expect(visit.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
});
