import { test, expect } from '../support/fixtures';
import type { APIRequestContext, Page } from '@playwright/test';
import { API_BASE_URL, DEMO_PASSWORD } from '../support/env';
import { ParentAbsencePage, ParentActivitiesPage, ParentApp, ParentChildPage, ParentHomePage } from '../pages/parent-app';

/**
 * The rich school day on a 360 px phone: a guardian enrols a child in a full activity and lands
 * on the waiting list; places free up and the child moves up; the guardian reports the child
 * absent on its BSO day; the BSO's "Vandaag" list shows it. The guardian does it in the parent
 * app (/ouder: the child's Activiteiten and Ziek melden).
 */
const WIDTH = 360;
test.use({ viewport: { width: WIDTH, height: 740 } });

type Activity = {
  id: string;
  title: string;
  minAge: number | null;
  maxAge: number | null;
  placesLeft: number;
  weekdays: string[];
  myEnrolments?: { childId: string; status: string }[];
};
type Enrolment = { id: string; childId: string; status: string; position: number | null };
type Child = { id: string; givenName: string; familyName: string; dateOfBirth: string };
type Placement = { kind: string; days: string[]; groupId: string | null; organisationId: string };
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

async function get<T>(request: APIRequestContext, token: string, path: string): Promise<T> {
  const response = await request.get(`${API_BASE_URL}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

function ageOn(born: string, day: Date): number {
  const birth = new Date(born);
  let age = day.getFullYear() - birth.getFullYear();
  if (day.getMonth() < birth.getMonth() || (day.getMonth() === birth.getMonth() && day.getDate() < birth.getDate())) age -= 1;
  return age;
}

/** The next date (YYYY-MM-DD, at least tomorrow) on that weekday outside the centre's holidays. */
async function nextDay(request: APIRequestContext, token: string, weekday: string, centreId: string): Promise<string> {
  const holidays = await get<{ startDate: string; endDate: string }[]>(request, token, `/child-centres/${centreId}/holidays`);
  const day = new Date();
  for (let i = 1; i < 60; i += 1) {
    day.setDate(day.getDate() + 1);
    const iso = day.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
    // The weekday of the Amsterdam date (between 23:00 and 24:00 UTC in winter it is the
    // next day there already).
    const name = WEEKDAYS[(new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7];
    if (name === weekday && !holidays.some((h) => h.startDate <= iso && iso <= h.endDate)) return iso;
  }
  throw new Error(`no ${weekday} without holidays in the coming weeks`);
}

/** The sport club's coach (not one of the shared demo users of the page objects). */
async function coachToken(request: APIRequestContext): Promise<string> {
  const response = await request.post(`${API_BASE_URL}/auth/token`, {
    form: { grant_type: 'password', username: 'sport@regenboog.demo', password: DEMO_PASSWORD },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function expectNoHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
  expect(width, 'no horizontal scrolling at 360 px').toBeLessThanOrEqual(WIDTH + 1);
}

test('a guardian waits for a full activity, moves up, reports the child absent, and the BSO sees it', async ({ api, request, loginPage, page }) => {
  const parent = await api.token('parent');
  const admin = await api.token('admin');
  const children = (await get<{ items: Child[] }>(request, parent, '/children')).items;
  // The younger child: the access-log spec reads the older one and expects no writes on it.
  const child = [...children].sort((a, b) => b.dateOfBirth.localeCompare(a.dateOfBirth))[0]!;
  const name = `${child.givenName} ${child.familyName}`;
  const centreId = (await get<{ items: { id: string; name: string }[] }>(request, admin, '/child-centres')).items.find(
    (c) => c.name === 'IKC De Regenboog',
  )!.id;
  // A full activity of the sport club: one place, taken by another pupil.
  const coach = await coachToken(request);
  const made = await request.post(`${API_BASE_URL}/activities`, {
    headers: { Authorization: `Bearer ${coach}` },
    data: { centreId, title: 'Judo voor beginners', category: 'sport', minAge: 4, maxAge: 12, capacity: 1 },
  });
  expect(made.status(), await made.text()).toBe(201);
  const activity = (await made.json()) as Activity;
  const family = new Set(children.map((c) => c.id));
  const pupils = (await get<{ items: Child[] }>(request, admin, '/children?limit=100')).items.filter(
    (c) => !family.has(c.id) && ageOn(c.dateOfBirth, new Date()) >= 5 && ageOn(c.dateOfBirth, new Date()) <= 11,
  );
  const other = await request.post(`${API_BASE_URL}/activities/${activity.id}/enrolments`, {
    headers: { Authorization: `Bearer ${admin}` },
    data: { childId: pupils[0]!.id },
  });
  expect(other.status(), await other.text()).toBe(201);

  // 1. The guardian enrols the child on a phone: the activity is full, so the waiting list.
  await loginPage.loginAs('parent');
  await new ParentHomePage(page).expectShown();
  const app = new ParentApp(page);
  await new ParentHomePage(page).childLink(child.givenName).click();
  await new ParentChildPage(page).expectChild(child.givenName);
  await app.navigate('activities');
  const activities = new ParentActivitiesPage(page);
  await expect(page).toHaveURL(new RegExp(`/ouder/kinderen/${child.id}/activiteiten$`));
  await activities.expectShown(child.givenName);
  const card = activities.activity(activities.open(child.givenName), activity.title);
  await expect(card).toContainText('Vol');
  await expectNoHorizontalScroll(page);
  await activities.enrol(child.givenName, name, activity.title);
  const message = activities.status;
  await expect(message).toContainText(/Op de wachtlijst, plaats \d+/);
  await expect(message).toContainText(`${name} staat op de wachtlijst`);
  // The activity is now among what the child takes part in or waits for.
  const taking = activities.activity(activities.taking(child.givenName), activity.title);
  await expect(taking).toContainText(new RegExp(`${child.givenName} staat op de wachtlijst, plaats \\d+`));
  await expectNoHorizontalScroll(page);

  // 2. Other children cancel (the centre's administrator takes them off): the child moves up.
  const enrolments = await get<Enrolment[]>(request, admin, `/activities/${activity.id}/enrolments`);
  const own = enrolments.find((e) => e.childId === child.id)!;
  expect(own.status).toBe('waitlisted');
  const ahead = enrolments.filter((e) => e.status === 'waitlisted' && (e.position ?? 0) < (own.position ?? 0));
  const enrolled = enrolments.find((e) => e.status === 'enrolled')!;
  for (const other of [...ahead, enrolled]) {
    const cancelled = await request.post(`${API_BASE_URL}/activities/${activity.id}/enrolments/${other.id}/cancellation`, {
      headers: { Authorization: `Bearer ${admin}` },
    });
    expect(cancelled.status(), await cancelled.text()).toBe(200);
  }
  await page.reload();
  await activities.expectShown(child.givenName);
  const moved = activities.activity(activities.taking(child.givenName), activity.title);
  await expect(moved).toContainText(`${child.givenName} doet mee.`);
  await expect(moved).not.toContainText(`${child.givenName} staat op de wachtlijst`);

  // 3. The guardian reports the child ill on its next BSO day.
  const placements = (await get<{ items: Placement[] }>(request, admin, `/placements?childId=${child.id}&limit=100`)).items;
  const bso = placements.find((p) => p.kind === 'out_of_school_care' && p.groupId && p.days.length > 0);
  expect(bso, 'the demo child goes to the BSO on some days').toBeTruthy();
  const day = await nextDay(request, admin, bso!.days[0]!, centreId);
  await app.navigate('absence');
  const absence = new ParentAbsencePage(page);
  await expect(page).toHaveURL(new RegExp(`/ouder/kinderen/${child.id}/afmelden$`));
  await absence.expectShown(child.givenName);
  await absence.report(child.givenName, day, 'ill');
  await expectNoHorizontalScroll(page);

  // 4. The BSO's "Vandaag" list for that day shows the child as reported absent.
  await app.logout();
  await loginPage.loginAs('childcare');
  await page.goto(`/vandaag?groep=${bso!.groupId}&datum=${day}`);
  const row = page.getByTestId('group-day-row').filter({ hasText: name });
  await expect(row).toContainText('Afgemeld: ziek');
  await expectNoHorizontalScroll(page);
});
