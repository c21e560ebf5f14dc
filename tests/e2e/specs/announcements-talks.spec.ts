/**
 * Announcements and the gespreksplanner (issue 11) on a phone, 360 × 740:
 *   3. the teacher of groep 6 (leerkracht.groep6@regenboog.demo) announces a trip to groep 6
 *      with a letter (a PDF), asking for confirmation; the demo parent (ouder@regenboog.demo,
 *      whose older child is in groep 6, kindcentraal/seed/demo.py) reads it in the parent app,
 *      downloads the letter and confirms; the teacher sees the confirmation;
 *   4. the same teacher publishes talk slots for groep 6 (preview, then publish); the parent
 *      books one for the groep-6 child, downloads the invitation (.ics) and sees the deadline.
 * Each new screen is scanned with axe (no serious or critical violations); the parent screens
 * in Dutch and in Arabic.
 *
 * Demo data this file changes: it adds an announcement with its file (left; it only adds a notification),
 * and a talk planning whose booking and slots it removes again through the API; the parent's
 * remembered language is put back.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { USERS, classTeacherEmail } from '../support/env';
import type { LoginPage } from '../pages/login-page';
import { call, tokenFor, tokenForEmail, type Api } from '../support/api';

test.use({ viewport: { width: 360, height: 740 } });

const TEACHER_6 = classTeacherEmail(6);
/** A letter to go with the announcement: a (tiny) PDF, which the API recognises by its content. */
const LETTER = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The demo parent's child in groep 6 (the older one). */
async function groep6Child(api: Api): Promise<{ id: string; givenName: string }> {
  for (const child of await api.children('parent')) {
    if (child.groupId && (await api.group('parent', child.groupId)).name === 'Groep 6') return child;
  }
  throw new Error('the demo parent has no child in groep 6');
}

/** Logs out by forgetting the session (the refresh cookie; the next page load has no token), then logs `email` in. */
async function switchTo(page: Page, loginPage: LoginPage, email: string): Promise<void> {
  await page.context().clearCookies();
  await loginPage.loginWithEmail(email);
}

/** Chooses a language with the switch on the parent's account page. */
async function parentLanguage(page: Page, name: string): Promise<void> {
  await page.goto('/ouder/account');
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', name === 'العربية' ? 'ar' : 'nl');
}

test.describe('announcements and talks', () => {
  let parentLanguageBefore: string | null = null;

  test.beforeEach(async ({ request }) => {
    const token = await tokenFor(request, 'parent');
    parentLanguageBefore = (await call<{ language: string | null }>(request, token, 'GET', '/me')).language;
  });

  test.afterEach(async ({ request }) => {
    const token = await tokenFor(request, 'parent');
    // The API keeps a chosen language (null cannot be sent back): Dutch, the demo's default.
    await call(request, token, 'PATCH', '/me', { language: parentLanguageBefore ?? 'nl' });
  });

  test('a teacher announces a trip to groep 6 and the parent confirms it', async ({ page, request, api, loginPage }, testInfo) => {
    const child = await groep6Child(api);
    const title = `Schoolreisje naar Artis ${Date.now()}`;

    await loginPage.loginWithEmail(TEACHER_6);
    await page.goto('/mededelingen');
    await expect(page.getByRole('heading', { level: 1, name: 'Mededelingen' })).toBeVisible();
    const composer = page.getByTestId('announcement-composer');
    await composer.getByLabel('Aan').selectOption({ label: 'Groep 6' });
    await composer.getByLabel('Titel').fill(title);
    await composer.getByLabel('Tekst').fill('Vrijdag gaan we met groep 6 naar Artis. Neem een lunchpakket mee.');
    await composer.getByLabel('Vraag ouders om te bevestigen dat ze het gelezen hebben').check();
    // The letter goes with it: uploaded when chosen, listed with a way to take it off.
    await composer.getByLabel('Bestand toevoegen').setInputFiles({ name: 'reisbrief.pdf', mimeType: 'application/pdf', buffer: LETTER });
    await expect(composer.getByRole('list', { name: 'Toegevoegde bestanden' })).toContainText('reisbrief.pdf');
    await composer.getByRole('button', { name: 'Versturen' }).click();
    await expect(page.getByTestId('announcement-sent')).toContainText(`„${title}” is verstuurd aan`);
    const sent = page.getByTestId('sent-announcement').filter({ hasText: title });
    await expect(sent.getByTestId('announcement-counts')).toContainText('Gelezen door 0 van');
    await expect(sent.getByRole('button', { name: /^reisbrief\.pdf downloaden/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo, 'announcements-staff');

    await switchTo(page, loginPage, USERS.parent);
    await page.goto('/ouder/mededelingen');
    const item = page.getByTestId('parent-announcement').filter({ hasText: title });
    await expect(item.getByTestId('announcement-children')).toHaveText(`Over ${child.givenName}`);
    await expect(item.getByText('Nieuw', { exact: true })).toBeVisible();
    await item.getByRole('button', { name: 'Lezen', exact: true }).click();
    await expect(item.getByText(/Neem een lunchpakket mee/)).toBeVisible();
    // The letter, through the API with the parent's token.
    const letter = page.waitForEvent('download');
    await item.getByRole('list', { name: 'Bijlagen' }).getByRole('button', { name: /^reisbrief\.pdf downloaden/ }).click();
    const saved = await letter;
    expect(saved.suggestedFilename()).toBe('reisbrief.pdf');
    expect((await readFile((await saved.path())!)).subarray(0, 4).toString()).toBe('%PDF');
    await expect(item.getByText('Nieuw', { exact: true })).toHaveCount(0);
    await item.getByRole('button', { name: 'Gelezen, ik bevestig' }).click();
    await expect(item.getByTestId('announcement-confirmed')).toContainText('U heeft bevestigd op');
    await expectNoSeriousA11yViolations(page, testInfo, 'announcements-parent-nl');

    await parentLanguage(page, 'العربية');
    await page.goto('/ouder/mededelingen');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: 'الإعلانات' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo, 'announcements-parent-ar');

    // The sender sees the confirmation.
    const teacher = await tokenForEmail(request, TEACHER_6);
    const mine = await call<{ items: { id: string; title: string; counts: { confirmed: number } }[] }>(request, teacher, 'GET', '/announcements');
    const announcement = mine.items.find((a) => a.title === title)!;
    expect(announcement.counts.confirmed).toBe(1);
    const recipients = await call<{ items: { displayName: string; confirmedAt: string | null }[] }>(
      request, teacher, 'GET', `/announcements/${announcement.id}/recipients?limit=100`,
    );
    expect(recipients.items.find((r) => r.displayName === 'Olga de Ouder')?.confirmedAt).toBeTruthy();
  });

  test('the teacher publishes talk slots and the parent books one', async ({ page, request, api, loginPage }, testInfo) => {
    const child = await groep6Child(api);
    const day = new Date(Date.now() + 10 * 24 * 3600_000);
    const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const teacher = await tokenForEmail(request, TEACHER_6);
    const before = new Set(
      (await call<{ items: { id: string }[] }>(request, teacher, 'GET', '/talk-slots?limit=100')).items.map((s) => s.id),
    );

    try {
      await loginPage.loginWithEmail(TEACHER_6);
      await page.goto('/gesprekken');
      const planner = page.getByTestId('talk-planner');
      await planner.getByLabel('Groep', { exact: true }).selectOption({ label: 'Groep 6' });
      await planner.getByLabel('Datum').fill(date);
      await planner.getByLabel('Eerste gesprek om').fill('15:00');
      await planner.getByLabel('Aantal gesprekken').fill('3');
      await planner.getByRole('button', { name: 'Bekijk de tijden' }).click();
      const preview = page.getByTestId('talk-preview');
      await expect(preview.getByRole('listitem')).toHaveText(['15:00–15:15', '15:15–15:30', '15:30–15:45']);
      await preview.getByRole('button', { name: 'Publiceren' }).click();
      await expect(page.getByTestId('talks-published')).toContainText('3 gesprekken gepubliceerd');
      await expect(page.getByTestId('talk-planning').first()).toBeVisible();
      await expectNoSeriousA11yViolations(page, testInfo, 'talks-staff');

      await switchTo(page, loginPage, USERS.parent);
      // Gesprekken is behind "Meer" in the bottom navigation.
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await nav.getByRole('button', { name: 'Meer' }).click();
      await nav.getByRole('link', { name: 'Gesprekken' }).click();
      await expect(page).toHaveURL(/\/ouder\/gesprekken$/);
      const choose = page.getByTestId('talk-choose').filter({ hasText: `Gesprek over ${child.givenName}` });
      await expect(choose.getByRole('radio').first()).toBeVisible();
      await expectNoSeriousA11yViolations(page, testInfo, 'talks-parent-nl-choose');
      await choose.getByRole('radio', { name: /15:00/ }).check();
      await choose.getByRole('button', { name: 'Deze tijd kiezen' }).click();
      await expect(page.getByTestId('talk-booked-notice')).toContainText(`Gelukt. Het gesprek over ${child.givenName} is op`);
      const booked = page.getByTestId('talk-booked').filter({ hasText: child.givenName });
      await expect(booked.getByTestId('talk-deadline')).toContainText('Kunt u niet? Zeg dan af vóór');
      const download = page.waitForEvent('download');
      await booked.getByRole('button', { name: 'Zet in agenda' }).click();
      expect((await download).suggestedFilename()).toBe('oudergesprek.ics');
      await expectNoSeriousA11yViolations(page, testInfo, 'talks-parent-nl-booked');

      await parentLanguage(page, 'العربية');
      await page.goto('/ouder/gesprekken');
      await expect(page.getByRole('heading', { level: 1, name: 'المقابلات' })).toBeVisible();
      await expect(page.getByTestId('talk-booked').first()).toBeVisible();
      await expectNoSeriousA11yViolations(page, testInfo, 'talks-parent-ar');
    } finally {
      // Put the demo data back: the new slots go (their bookings with them).
      const after = (await call<{ items: { id: string }[] }>(request, teacher, 'GET', '/talk-slots?limit=100')).items;
      for (const slot of after.filter((s) => !before.has(s.id))) {
        await call(request, teacher, 'DELETE', `/talk-slots/${slot.id}`);
      }
    }
  });
});
