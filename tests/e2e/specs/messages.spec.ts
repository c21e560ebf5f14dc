/**
 * Messages and the contact-person handover (issue 11), on a phone (360 × 740), with the demo data:
 * Olga de Ouder (ouder@regenboog.demo) and her two children, whose contact person is the intern
 * begeleider Ingrid Bakker (ib@regenboog.demo, kindcentraal/seed/demo.py).
 *   1. the parent writes to the contact person from the home's "Stuur een bericht";
 *   2. the contact person sees it unread under Berichten, opens it and answers; the parent sees
 *      the unread count in the navigation and "Gelezen door Ingrid Bakker …" on her message;
 *   5. the centre administrator (beheer@) hands the older child over to Petra Mulder
 *      (pm@regenboog.demo) with a note and is offered the younger child; the thread moves: Petra
 *      sees it, Ingrid no longer.
 * On the way, axe (0 serious/critical) on every new screen: the parent's list, new message,
 * thread and account (e-mail settings) in Dutch and Arabic; the staff list, thread, child page
 * with the handover, and the e-mail settings on /security.
 *
 * One test, each person logged in once in a context of their own (few page loads). Afterwards
 * the older child's contact person is put back to Ingrid through the API, and the parent's
 * language to Dutch, so later specs start from the demo data. The thread itself stays (no spec
 * counts threads).
 */
import type { Browser, Page, TestInfo } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { API_BASE_URL, type DemoUser } from '../support/env';
import { LoginPage } from '../pages/login-page';
import { tokenFor } from '../support/api';

const VIEWPORT = { width: 360, height: 740 };
test.use({ viewport: VIEWPORT });

const IB_NAME = 'Ingrid Bakker (intern begeleider)';
const PM_NAME = 'Petra Mulder';
const SUBJECT = `Zwemles op woensdag ${Date.now()}`;

/** A logged-in page for `user` in a context of its own (the SPA pointed at the e2e API). */
async function pageFor(browser: Browser, user: DemoUser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  await context.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ apiBaseUrl: API_BASE_URL }) }),
  );
  const page = await context.newPage();
  await new LoginPage(page).loginAs(user);
  return page;
}

/** axe on the screen as shown (each call follows an assertion that the screen is there). */
async function axe(page: Page, testInfo: TestInfo, screen: string) {
  await expect(page.locator('.kc-loading, [aria-busy="true"]')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, testInfo, screen);
}

let putBack: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  for (const step of putBack.reverse()) await step();
  putBack = [];
});

test('a parent writes to the contact person, gets an answer, and the thread follows a handover', async ({
  page,
  browser,
  request,
  api,
}, testInfo) => {
  test.setTimeout(120_000);
  const children = [...(await api.children('parent'))].sort((a, b) => a.dateOfBirth.localeCompare(b.dateOfBirth));
  const older = children[0]!;
  const younger = children[1]!;

  // Put back whatever happens: the older child's contact person, and the parent's language.
  putBack.push(async () => {
    const admin = await tokenFor(request, 'admin');
    const ib = (await (
      await request.get(`${API_BASE_URL}/children/${younger.id}/contact-person`, { headers: { Authorization: `Bearer ${admin}` } })
    ).json()) as { userId: string };
    const response = await request.put(`${API_BASE_URL}/children/${older.id}/contact-person`, {
      headers: { Authorization: `Bearer ${admin}` },
      data: { userId: ib.userId, handoverNote: 'Terug na de browsertest.' },
    });
    expect(response.status(), await response.text()).toBe(200);
  });
  putBack.push(async () => {
    const parent = await tokenFor(request, 'parent');
    await request.patch(`${API_BASE_URL}/me`, { headers: { Authorization: `Bearer ${parent}` }, data: { language: 'nl' } });
  });

  // 1. The parent writes from the home's contact-person card.
  await new LoginPage(page).loginAs('parent');
  await expect(page).toHaveURL(/\/ouder$/);
  await page.getByTestId('contact-person').getByRole('link', { name: 'Stuur een bericht' }).click();
  await expect(page).toHaveURL(new RegExp(`/ouder/berichten/nieuw\\?kind=${older.id}$`));
  await expect(page.getByTestId('new-message-to')).toContainText(IB_NAME);
  await axe(page, testInfo, 'parent new message (nl)');
  await page.getByRole('textbox', { name: 'Onderwerp' }).fill(SUBJECT);
  await page.getByRole('textbox', { name: 'Uw bericht' }).fill('Mag mijn kind woensdag eerder weg voor zwemles?');
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
  const threadUrl = page.url();
  await expect(page.getByTestId('read-receipt')).toHaveText('Nog niet gelezen');

  // 2. The contact person sees it unread, opens it (read) and answers.
  const ib = await pageFor(browser, 'careCoordinator');
  await ib.goto('/berichten');
  const ibNav = ib.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(ibNav.getByTestId('messages-unread')).toBeVisible();
  const item = ib.getByTestId('thread-item').filter({ hasText: SUBJECT });
  await expect(item.getByTestId('thread-unread')).toHaveText('1 nieuw');
  await axe(ib, testInfo, 'staff messages');
  await item.getByRole('link', { name: SUBJECT }).click();
  await expect(ib.getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
  await ib.getByRole('textbox', { name: 'Uw antwoord' }).fill('Ja, dat is goed. Ik zeg het tegen de juf.');
  await ib.getByRole('button', { name: 'Versturen' }).click();
  await expect(ib.getByTestId('message').filter({ hasText: 'Ik zeg het tegen de juf.' })).toHaveAttribute('data-own', 'true');
  await axe(ib, testInfo, 'staff thread');

  // The parent: the count in the navigation, the answer, and "Gelezen door" on her message.
  await page.goto('/ouder/berichten');
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByTestId('messages-unread')).toContainText('1');
  await expect(page.getByTestId('thread-item').filter({ hasText: SUBJECT }).getByTestId('thread-unread')).toHaveText('1 nieuw');
  await axe(page, testInfo, 'parent messages (nl)');
  await page.getByRole('link', { name: SUBJECT }).click();
  await expect(page.getByTestId('message').filter({ hasText: 'Ik zeg het tegen de juf.' })).toHaveAttribute('data-own', 'false');
  await expect(page.getByTestId('read-receipt')).toHaveText(`Gelezen door ${IB_NAME}`);
  await expect(nav.getByTestId('messages-unread')).toHaveCount(0);
  await axe(page, testInfo, 'parent thread (nl)');

  // The account page with the e-mail settings, then the same screens in Arabic (right to left).
  await page.goto('/ouder/account');
  await expect(page.getByTestId('notification-settings').getByRole('checkbox')).toHaveCount(7);
  await axe(page, testInfo, 'parent account with e-mail settings (nl)');
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('notification-settings').getByRole('heading', { level: 2 })).toHaveText('بريد إلكتروني عند وجود أخبار');
  await axe(page, testInfo, 'parent account with e-mail settings (ar)');
  await page.goto('/ouder/berichten');
  await expect(page.getByRole('heading', { level: 1, name: 'الرسائل' })).toBeVisible();
  await axe(page, testInfo, 'parent messages (ar)');
  await page.goto(threadUrl);
  await expect(page.getByTestId('read-receipt')).toContainText('قرأها');
  await axe(page, testInfo, 'parent thread (ar)');
  await page.goto(`/ouder/berichten/nieuw?kind=${older.id}`);
  await expect(page.getByTestId('new-message-to')).toBeVisible();
  await axe(page, testInfo, 'parent new message (ar)');

  // 5. The centre administrator hands the older child over to Petra Mulder.
  const admin = await pageFor(browser, 'admin');
  await admin.goto(`/children/${older.id}`);
  const section = admin.getByTestId('contact-person-section');
  await expect(section).toContainText(IB_NAME);
  await section.getByRole('button', { name: 'Contactpersoon wijzigen' }).click();
  const dialog = admin.getByTestId('handover-dialog');
  await dialog.getByLabel('Organisatie').selectOption({ label: 'Kinderopvang De Regenboog' });
  await expect(dialog.getByLabel('Nieuwe contactpersoon').locator('option', { hasText: PM_NAME })).toHaveCount(1);
  await dialog.getByLabel('Nieuwe contactpersoon').selectOption({ label: PM_NAME });
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog.getByText('Schrijf een overdrachtsnotitie voor de nieuwe contactpersoon.')).toBeVisible();
  await dialog.getByLabel('Overdrachtsnotitie').fill('Moeder vraagt naar zwemles op woensdag; zie Berichten.');
  await axe(admin, testInfo, 'staff child page, handover dialog');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  const done = admin.getByTestId('handover-done');
  await expect(done).toContainText(`${PM_NAME} is nu de contactpersoon van ${older.givenName}.`);
  // The younger child is offered, with its current contact person; left as it is here.
  await expect(done.getByTestId('handover-siblings')).toContainText(`${younger.givenName} (nu: ${IB_NAME})`);
  await axe(admin, testInfo, 'staff child page, siblings offered');
  await done.getByRole('button', { name: 'Klaar' }).click();

  // The thread moved: Petra sees it, Ingrid no longer.
  const pm = await pageFor(browser, 'childcare');
  await pm.goto('/berichten');
  await expect(pm.getByTestId('thread-item').filter({ hasText: SUBJECT })).toHaveCount(1);
  await pm.goto('/security');
  await expect(pm.getByTestId('notification-settings').getByRole('checkbox')).toHaveCount(7);
  await axe(pm, testInfo, 'staff e-mail settings');
  await ib.goto('/berichten');
  await expect(ib.getByRole('heading', { level: 1, name: 'Berichten' })).toBeVisible();
  await expect(ib.getByTestId('thread-item').filter({ hasText: SUBJECT })).toHaveCount(0);

  for (const other of [ib, admin, pm]) await other.context().close();
});
