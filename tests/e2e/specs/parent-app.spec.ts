/**
 * The parent app on a phone (issue 10, docs/parent-app.md), 360 × 740, as the demo parent with
 * two children (Olga de Ouder, ouder@regenboog.demo, parental authority over both):
 *   1. reads a note meant for the guardians on the younger child's speech therapy (Mijn kind,
 *      Steun; the note the demo data gives her, kindcentraal/seed/support_demo.py `showcase`);
 *      the bottom navigation is one row of five, its "Meer" opens and closes with the keyboard;
 *   2. switches to the other child with the child switcher and sees that child's day;
 *   3. withdraws a consent (Toestemming);
 *   4. reports an absence (Ziek melden, under "Meer");
 *   5. downloads the data export (Mijn gegevens) and finds the child's name and trajectories in it;
 *   6. does the same in Arabic, chosen on the account page: the page runs right to left, the
 *      layout mirrors (a screenshot is attached), staff texts are marked as Dutch.
 * Then axe on every parent screen in Dutch and in Arabic, and the guardian without parental
 * authority (ouder.zonder.gezag@regenboog.demo), who is told plainly why care data is not shown.
 *
 * Demo data this file changes, and puts back after each test (`afterEach`, through the API), so
 * the specs after it start from the demo data: the younger child's information-sharing consent
 * (withdrawn, then given again), the absences it reports (withdrawn) and the parent's remembered
 * language (set back). It works on the younger child's information-sharing consent because
 * consent-withdrawal.spec.ts takes its care-team and speech-therapy consents (and runs first).
 */
import type { APIRequestContext, Locator, Page, TestInfo } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { API_BASE_URL, DEMO_PASSWORD, USERS } from '../support/env';
import type { ChildSummary } from '../support/api';
import {
  ParentAbsencePage,
  ParentAccessLogPage,
  ParentAccountPage,
  ParentActivitiesPage,
  ParentApp,
  ParentChildPage,
  ParentConsentsPage,
  ParentExportPage,
  ParentHomePage,
  ParentSupportRequestPage,
} from '../pages/parent-app';
import type { ParentLanguage } from '../pages/parent-texts';

const WIDTH = 360;
test.use({ viewport: { width: WIDTH, height: 740 } });

const PROVIDER = 'Zorgpartners Gooi (logopedie en jeugdhulp)';
const NO_AUTHORITY_EMAIL = 'ouder.zonder.gezag@regenboog.demo';
/** The speech therapist's note for the guardians (support_demo.py), and one only for the team. */
const guardianNote = (name: string) =>
  `${name} werkt goed mee en durft in de kring vaker iets te vertellen. Wilt u thuis elke dag vijf minuten de k-woordjes uit het oefenschrift doen?`;
const TEAM_ONLY_NOTE = 'Intern: eerst een gehoortest bij de JGZ aanvragen.';

type Consent = {
  id: string;
  organisationId: string;
  organisationName: string;
  purpose: string;
  trajectoryType: string | null;
  inForce: boolean;
};
type Absence = { id: string; from: string; to: string; reason: string | null; withdrawn: boolean };
type HomeChild = { id: string; givenName: string; day: { date: string; entries: unknown[] } };

// -- set-up and putting back, straight through the API -----------------------------------------

async function tokenFor(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post(`${API_BASE_URL}/auth/token`, {
    form: { grant_type: 'password', username: email, password: DEMO_PASSWORD },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function call<T>(request: APIRequestContext, token: string, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown): Promise<T> {
  const response = await request.fetch(`${API_BASE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}` },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** The demo parent's children, oldest first: the older one, and the younger with speech therapy. */
async function family(api: { children: (user: 'parent') => Promise<ChildSummary[]> }) {
  const children = [...(await api.children('parent'))].sort((a, b) => a.dateOfBirth.localeCompare(b.dateOfBirth));
  expect(children, 'the demo parent has two children').toHaveLength(2);
  const [older, younger] = children as [ChildSummary, ChildSummary];
  return { older, younger };
}

function sharingConsent(consents: Consent[]): Consent | undefined {
  return consents.find((c) => c.organisationName === PROVIDER && c.purpose === 'information_sharing' && c.inForce);
}

/** YYYY-MM-DD in Amsterdam, `days` from today. */
function dayFromToday(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  return day.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

/** A day at least `from` days ahead on which the child is not reported absent yet. */
function freeDay(absences: Absence[], from: number): string {
  for (let days = from; days < from + 30; days += 1) {
    const day = dayFromToday(days);
    if (!absences.some((a) => !a.withdrawn && a.from <= day && day <= a.to)) return day;
  }
  throw new Error('no free day for an absence in the coming weeks');
}

/**
 * What a test changed, put back after it (also when it failed halfway): the younger child's
 * information-sharing consent in force, no absences of its own left, the parent's language.
 */
let putBack: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  const steps = putBack.reverse();
  putBack = [];
  for (const step of steps) await step();
});

async function rememberStartingPoint(request: APIRequestContext, younger: ChildSummary) {
  const token = await tokenFor(request, USERS.parent);
  const consents = await call<Consent[]>(request, token, 'GET', `/children/${younger.id}/consents`);
  const sharing = sharingConsent(consents);
  expect(
    sharing,
    `demo data: ${younger.givenName} has the information-sharing consent for ${PROVIDER} in force ` +
      '(this database was changed before this test, or the demo data changed)',
  ).toBeDefined();
  const me = await call<{ language: string | null }>(request, token, 'GET', '/me');
  const absencesBefore = new Set(
    (await call<Absence[]>(request, token, 'GET', `/children/${younger.id}/absences`)).map((a) => a.id),
  );
  putBack.push(async () => {
    const fresh = await tokenFor(request, USERS.parent);
    // The first login remembers the language on screen (Dutch) when none was chosen; the API
    // takes no null back.
    await call(request, fresh, 'PATCH', '/me', { language: me.language ?? 'nl' });
    const now = await call<Consent[]>(request, fresh, 'GET', `/children/${younger.id}/consents`);
    if (!sharingConsent(now)) {
      await call(request, fresh, 'POST', `/children/${younger.id}/consents`, {
        organisationId: sharing!.organisationId,
        purpose: 'information_sharing',
      });
    }
    for (const absence of await call<Absence[]>(request, fresh, 'GET', `/children/${younger.id}/absences`)) {
      if (!absencesBefore.has(absence.id) && !absence.withdrawn) {
        await call(request, fresh, 'POST', `/children/${younger.id}/absences/${absence.id}/withdrawal`);
      }
    }
  });
  return { token, sharing: sharing! };
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
  expect(width, `no horizontal scrolling at ${WIDTH} px`).toBeLessThanOrEqual(WIDTH + 1);
}

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, 'the element is laid out').not.toBeNull();
  return box!;
}

/**
 * The bottom navigation is one row of five on a 360 px phone: every item on the same line, and
 * no label running out of its item.
 */
async function expectOneRowNav(app: ParentApp): Promise<void> {
  await expect(app.navItems).toHaveCount(5);
  const boxes = await app.navItems.evaluateAll((items) =>
    items.map((item) => {
      const box = item.getBoundingClientRect();
      const target = item.firstElementChild as HTMLElement;
      return { top: box.top, overflows: target.scrollWidth > target.clientWidth + 1, text: item.textContent };
    }),
  );
  for (const box of boxes) {
    expect(box.top, `"${box.text}" on the same row as the first item`).toBe(boxes[0]!.top);
    expect(box.overflows, `"${box.text}" fits its item`).toBe(false);
  }
  // The bar is fixed, so the page's own width would not show it running off the screen.
  const list = app.nav.locator('.kc-parent-nav__list');
  const [scroll, client] = await list.evaluate((element) => [element.scrollWidth, element.clientWidth]);
  expect(scroll, 'the row fits the screen').toBeLessThanOrEqual(client! + 1);
}

/** Switches the app to `language` on the account page (remembered for the account). */
async function chooseLanguage(page: Page, language: ParentLanguage): Promise<void> {
  const account = new ParentAccountPage(page);
  await account.goto();
  await account.chooseLanguage(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
}

// -- the flow, in Dutch and in Arabic ----------------------------------------------------------

for (const language of ['nl', 'ar'] as const) {
  const title =
    language === 'nl'
      ? 'a parent with two children reads a note, switches child, withdraws a consent, reports an absence and downloads the data'
      : 'the same in Arabic: right to left, the layout mirrored, staff texts marked as Dutch';

  test(title, async ({ api, request, loginPage, page }, testInfo) => {
    test.slow(); // five screens, a download and a language switch, on two cores
    const { older, younger } = await family(api);
    const { token, sharing } = await rememberStartingPoint(request, younger);
    const homeData = await call<{ children: HomeChild[] }>(request, token, 'GET', '/me/home');
    const absenceDay = freeDay(
      await call<Absence[]>(request, token, 'GET', `/children/${younger.id}/absences`),
      language === 'nl' ? 14 : 21,
    );

    await loginPage.loginAs('parent');
    await new ParentHomePage(page).expectShown();
    if (language === 'ar') await chooseLanguage(page, 'ar');

    const app = new ParentApp(page, language);
    const home = new ParentHomePage(page, language);
    const child = new ParentChildPage(page, language);
    const consents = new ParentConsentsPage(page, language);
    const absence = new ParentAbsencePage(page, language);
    const myData = new ParentExportPage(page, language);
    await expect(app.html).toHaveAttribute('lang', language);
    await expect(app.html).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');

    await test.step('1. reads the note for the guardians on the younger child’s speech therapy', async () => {
      await app.navLink('home').click();
      await home.expectShown();
      await expect(home.childCards).toHaveCount(2);
      await expectNoHorizontalScroll(page);
      await home.childLink(younger.givenName).click();
      await child.expectChild(younger.givenName);
      await expect(page).toHaveURL(new RegExp(`/ouder/kinderen/${younger.id}$`));

      const speech = child.trajectory('logopedie', PROVIDER);
      await expect(speech).toBeVisible();
      const note = child.notes(speech).filter({ hasText: guardianNote(younger.givenName) });
      await expect(note).toBeVisible();
      // Shown as written, in Dutch, and marked so for a screen reader (and in words, in Arabic).
      await expect(note.getByText(guardianNote(younger.givenName), { exact: true })).toHaveAttribute('lang', 'nl');
      if (language === 'ar') await expect(note.getByText(child.t('parentChild.writtenInDutch'), { exact: true })).toBeVisible();
      else await expect(child.writtenInDutch).toHaveCount(0);
      // The speech therapist's notes for the team are not for the parent.
      await expect(page.getByText(TEAM_ONLY_NOTE)).toHaveCount(0);
      await expectNoHorizontalScroll(page);

      await expectOneRowNav(app);
      const items = app.navItems;
      const first = await boxOf(items.first());
      const last = await boxOf(items.last());
      if (language === 'ar') {
        // Mirrored: the bottom navigation starts on the right, the heading's badge sits at its right.
        expect(first.x, 'right to left: the first item of the bottom navigation is on the right').toBeGreaterThan(last.x);
        const heading = await boxOf(child.heading(younger.givenName));
        expect(heading.x + heading.width, 'the heading starts at the right edge').toBeGreaterThan(WIDTH - 40);
        const shot = await page.screenshot({ path: testInfo.outputPath('parent-app-arabic-mijn-kind.png'), fullPage: true });
        await testInfo.attach('parent-app-arabic-mijn-kind.png', { body: shot, contentType: 'image/png' });
      } else {
        expect(first.x, 'left to right: the first item of the bottom navigation is on the left').toBeLessThan(last.x);
      }

      // "Meer" with the keyboard: Enter opens it with focus on its first link, Escape closes it
      // and gives focus back; its panel opens above the bar, at the bar's end edge.
      await app.moreButton.focus();
      await page.keyboard.press('Enter');
      await expect(app.moreButton).toHaveAttribute('aria-expanded', 'true');
      await expect(app.navLink('activities')).toBeFocused();
      await expect(app.navLink('activities')).toHaveAttribute('href', `/ouder/kinderen/${younger.id}/activiteiten`);
      const panel = await boxOf(app.navLink('talks'));
      const bar = await boxOf(app.nav);
      expect(panel.y + panel.height, 'the panel opens above the bar').toBeLessThanOrEqual(bar.y + 1);
      if (language === 'ar') expect(panel.x, 'right to left: the panel sits at the left').toBeLessThan(WIDTH / 2);
      else expect(panel.x + panel.width, 'the panel sits at the right').toBeGreaterThan(WIDTH / 2);
      await expectNoHorizontalScroll(page);
      await page.keyboard.press('Escape');
      await expect(app.moreButton).toHaveAttribute('aria-expanded', 'false');
      await expect(app.moreButton).toBeFocused();
      await expect(app.navLink('activities')).toBeHidden();
    });

    await test.step('2. switches to the other child and sees that child’s day', async () => {
      await expect(app.switchLink(younger.givenName)).toHaveAttribute('aria-current', 'page');
      await app.switchLink(older.givenName).click();
      await expect(page).toHaveURL(new RegExp(`/ouder/kinderen/${older.id}$`));
      await child.expectChild(older.givenName);
      await expect(app.switchLink(older.givenName)).toHaveAttribute('aria-current', 'page');
      await expect(app.switchLink(younger.givenName)).not.toHaveAttribute('aria-current', 'page');

      const day = homeData.children.find((c) => c.id === older.id)!.day;
      await expect(child.today.locator('time').first()).toHaveAttribute('datetime', day.date);
      if (day.entries.length === 0) {
        await expect(child.today).toContainText(child.t('day.timeline.empty'));
      } else {
        await expect(child.dayEntries()).toHaveCount(day.entries.length);
      }
      // Nothing of the younger child's is on this screen.
      await expect(page.getByText(guardianNote(younger.givenName))).toHaveCount(0);
      await expect(child.trajectory('logopedie', PROVIDER)).toHaveCount(0);
      await expectNoHorizontalScroll(page);
    });

    await test.step('3. withdraws a consent', async () => {
      await app.switchLink(younger.givenName).click();
      await child.expectChild(younger.givenName);
      await child.link(younger.givenName, 'consents').click();
      await consents.expectShown(younger.givenName);
      const what = consents.texts.purpose('information_sharing');
      await expect(consents.card(consents.inForce, PROVIDER, what)).toBeVisible();
      await expectNoHorizontalScroll(page);

      // Withdrawn before (and given again) by an earlier test: one more under "Eerder gegeven".
      const pastBefore = await consents.card(consents.past, PROVIDER, what).count();

      await consents.withdraw(PROVIDER, what);
      await expect(consents.card(consents.inForce, PROVIDER, what)).toHaveCount(0);
      await expect(consents.card(consents.past, PROVIDER, what)).toHaveCount(pastBefore + 1);
      const after = await call<Consent[]>(request, token, 'GET', `/children/${younger.id}/consents`);
      expect(after.find((c) => c.id === sharing.id)?.inForce, 'the consent no longer holds').toBe(false);
    });

    await test.step('4. reports an absence', async () => {
      // The bottom navigation's "Ziek melden" (under "Meer") is for the child on screen.
      await app.navigate('absence');
      await expect(app.moreButton).toHaveAttribute('aria-expanded', 'false');
      await expect(page).toHaveURL(new RegExp(`/ouder/kinderen/${younger.id}/afmelden$`));
      await absence.expectShown(younger.givenName);
      const before = await absence.comingItems.count();
      await absence.report(younger.givenName, absenceDay, 'ill');
      await expect(absence.comingItems).toHaveCount(before + 1);
      await expectNoHorizontalScroll(page);
      const stored = await call<Absence[]>(request, token, 'GET', `/children/${younger.id}/absences`);
      expect(
        stored.filter((a) => !a.withdrawn && a.from === absenceDay && a.to === absenceDay && a.reason === 'ill'),
        `one absence on ${absenceDay}, ill`,
      ).toHaveLength(1);
    });

    await test.step('5. downloads the data export and finds the child and its trajectories in it', async () => {
      await app.navLink('child').click();
      await child.expectChild(younger.givenName);
      await child.link(younger.givenName, 'myData').click();
      await myData.expectShown(younger.givenName);
      await myData.prepare(younger.givenName);
      const { download, data } = await myData.downloadJson();
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      expect(data.child.id).toBe(younger.id);
      expect(data.child.givenName).toBe(younger.givenName);
      expect(data.child.familyName).toBe(younger.familyName);
      expect(data.careDataIncluded).toBe(true);
      expect(data.file.trajectories?.map((t) => t.type)).toContain('logopedie');
      expect(JSON.stringify(data.file.plan)).toContain(guardianNote(younger.givenName));
      await expectNoHorizontalScroll(page);
    });

    if (language === 'ar') {
      // Still Arabic after all the screens (remembered for the account, not only this page).
      await expect(app.html).toHaveAttribute('dir', 'rtl');
      await expect(app.html).toHaveAttribute('lang', 'ar');
    }
  });
}

// -- axe on every parent screen, in Dutch and in Arabic ------------------------------------------

for (const language of ['nl', 'ar'] as const) {
  test(`axe: every parent screen in ${language === 'nl' ? 'Dutch' : 'Arabic'} has no serious or critical violations`, async ({
    api,
    request,
    loginPage,
    page,
  }, testInfo) => {
    test.slow(); // ten screens, each scanned once loaded
    const { younger } = await family(api);
    await rememberStartingPoint(request, younger);
    await loginPage.loginAs('parent');
    await new ParentHomePage(page).expectShown();
    if (language === 'ar') await chooseLanguage(page, 'ar');
    const scan = (screen: string) => expectNoSeriousA11yViolations(page, testInfo, `parent-${screen}-${language}`);
    const name = younger.givenName;

    const home = new ParentHomePage(page, language);
    await home.goto();
    await scan('home');
    const app = new ParentApp(page, language);
    await app.moreButton.click();
    await expect(app.navLink('talks')).toBeVisible();
    await scan('home-meer-open');
    await page.keyboard.press('Escape');

    const child = new ParentChildPage(page, language);
    await child.goto(younger.id);
    await child.expectChild(name);
    await expect(child.support).toBeVisible();
    await scan('mijn-kind');

    const consents = new ParentConsentsPage(page, language);
    await consents.goto(younger.id);
    await consents.expectShown(name);
    await expect(consents.inForce).toBeVisible();
    await scan('toestemming');
    // The question before withdrawing, open (nothing is withdrawn: "Nee, laat maar").
    const what = consents.texts.purpose('information_sharing');
    await consents.withdrawButton(PROVIDER, what).click();
    const keep = page.getByRole('button', { name: consents.t('parentChild.consents.withdrawKeep'), exact: true });
    await expect(keep).toBeVisible();
    await scan('toestemming-intrekken');
    await keep.click();
    await expect(consents.withdrawButton(PROVIDER, what)).toBeFocused();

    const visits = new ParentAccessLogPage(page, language);
    await visits.goto(younger.id);
    await visits.expectShown(name);
    await scan('bekeken');

    const absence = new ParentAbsencePage(page, language);
    await absence.goto(younger.id);
    await absence.expectShown(name);
    await expect(absence.from).toBeVisible();
    await scan('afmelden');

    const activities = new ParentActivitiesPage(page, language);
    await activities.goto(younger.id);
    await activities.expectShown(name);
    await scan('activiteiten');

    const support = new ParentSupportRequestPage(page, language);
    await support.goto(younger.id);
    await support.expectShown(name);
    await expect(support.question).toBeVisible();
    await scan('hulp-vragen');

    const myData = new ParentExportPage(page, language);
    await myData.goto(younger.id);
    await myData.expectShown(name);
    await scan('gegevens');
    await myData.prepare(name);
    await expect(myData.downloadJsonButton).toBeVisible();
    await scan('gegevens-klaar');

    const account = new ParentAccountPage(page, language);
    await account.goto();
    await scan('account');
  });
}

// -- a guardian without parental authority --------------------------------------------------------

test('a guardian without parental authority is told plainly why, and sees no care data', async ({
  api,
  request,
  loginPage,
  page,
}, testInfo) => {
  test.slow();
  const { younger } = await family(api);
  const token = await tokenFor(request, NO_AUTHORITY_EMAIL);
  const own = (await call<{ children: HomeChild[] }>(request, token, 'GET', '/me/home')).children.map((c) => c.id);
  expect(own, 'demo data: the guardian without authority has the same child').toContain(younger.id);
  const name = younger.givenName;

  await loginPage.loginWithEmail(NO_AUTHORITY_EMAIL);
  const home = new ParentHomePage(page);
  await home.expectShown();
  await expect(home.noAuthority(name)).toBeVisible();
  await expect(home.childLink(name)).toBeVisible();

  // Mijn kind: the day and the daily team, and in plain words why there is no care team or help.
  await home.childLink(name).click();
  const child = new ParentChildPage(page);
  await child.expectChild(name);
  await expect(child.noAuthority).toBeVisible();
  await expect(child.noAuthority).toContainText(child.t('parentChild.noAuthority.care', { name }));
  await expect(child.noAuthority).toContainText(child.t('parentChild.noAuthority.why'));
  await expect(child.noAuthority).toContainText(child.t('parentChild.noAuthority.ask'));
  await expect(child.today).toBeVisible();
  // No care data, and no empty section that would look as if there were none.
  await expect(child.support).toHaveCount(0);
  await expect(child.careTeamHeading).toHaveCount(0);
  await expect(child.trajectory('logopedie', PROVIDER)).toHaveCount(0);
  await expect(page.getByText(guardianNote(name))).toHaveCount(0);
  await expect(page.getByText('Lisa Logopedie')).toHaveCount(0);
  await expect(page.getByText(child.t('parentChild.support.empty', { name }))).toHaveCount(0);
  // What this guardian may not do is not offered; activities and the export are.
  await expect(child.link(name, 'consents')).toHaveCount(0);
  await expect(child.link(name, 'accessLog')).toHaveCount(0);
  await expect(child.link(name, 'absence')).toHaveCount(0);
  await expect(child.link(name, 'activities')).toBeVisible();
  await expectNoSeriousA11yViolations(page, testInfo, 'parent-mijn-kind-no-authority');

  // Toestemming by its address: why not, and no consent to withdraw.
  const consents = new ParentConsentsPage(page);
  await consents.goto(younger.id);
  await consents.expectShown(name);
  await expect(page.getByText(consents.t('parentChild.noAuthority.consents', { name }))).toBeVisible();
  await expect(consents.inForce).toHaveCount(0);
  await expect(page.getByRole('button', { name: new RegExp(`^${consents.t('parentChild.consents.withdraw')}`) })).toHaveCount(0);

  // The export: said beforehand that it holds no care data, and it holds none.
  const myData = new ParentExportPage(page);
  await myData.goto(younger.id);
  await myData.expectShown(name);
  await expect(myData.noCareData(name).first()).toBeVisible();
  await myData.prepare(name);
  const { data } = await myData.downloadJson();
  expect(data.child.givenName).toBe(name);
  expect(data.careDataIncluded).toBe(false);
  expect(data.file.trajectories, 'no trajectories in the export').toBeUndefined();
  expect(data.file.plan, 'no plan in the export').toBeUndefined();
  expect(data.file.careTeam, 'no care team in the export').toBeUndefined();
  expect(data.file.consents, 'no consents in the export').toBeUndefined();
  expect(JSON.stringify(data)).not.toContain(guardianNote(name));
});
