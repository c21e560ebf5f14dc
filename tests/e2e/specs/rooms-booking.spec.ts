import type { APIRequestContext } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { API_BASE_URL, type DemoUser } from '../support/env';
import type { Api } from '../support/api';
import { TEXTS } from '../pages/texts';

const t = TEXTS.nl;
/* The demo building and its rooms (backend/kindcentraal/seed/rooms_demo.py). */
const BUILDING = 'Hoofdgebouw';
const GYM = 'Speelzaal'; // the sport club's judo on Tuesday and Thursday 18:30–21:30
const OFFICE = 'Spreekkamer'; // owned by the school, 4 people, needs the owner's approval
const CHILDCARE = 'Kinderopvang De Regenboog'; // Petra Mulder (pm@) books for it
const SCHOOL = 'Basisschool De Regenboog';
const SPORT = 'Sportvereniging Huizen';
/** Every booking these tests make has a purpose starting with this; afterEach cancels them. */
const MARK = 'E2E';

type Booking = { id: string; roomId: string; purpose?: string | null; status: string; startsAt: string };
type Building = { id: string; name: string; centreId: string };
type Holiday = { startDate: string; endDate: string };

function roomsApi(api: Api, request: APIRequestContext) {
  async function call(user: DemoUser, method: 'GET' | 'POST', path: string, data?: unknown) {
    const token = await api.token(user);
    const response = await request.fetch(`${API_BASE_URL}${path}`, { method, data, headers: { Authorization: `Bearer ${token}` } });
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
    return response.json();
  }
  return {
    call,
    async building(): Promise<Building> {
      const buildings = (await call('childcare', 'GET', '/buildings')) as Building[];
      const found = buildings.find((b) => b.name === BUILDING);
      expect(found, `the demo building ${BUILDING}; is the demo data seeded with rooms?`).toBeDefined();
      return found!;
    },
    /** The bookings these tests made (any status but cancelled), seen by the centre's administrator. */
    async ours(buildingId: string, from: string, to: string): Promise<Booking[]> {
      const all = (await call('admin', 'GET', `/bookings?buildingId=${buildingId}&from=${from}&to=${to}`)) as Booking[];
      return all.filter((b) => (b.purpose ?? '').startsWith(MARK));
    },
  };
}

/* Calendar days and their words, on the Amsterdam clock the SPA uses. */
const pad = (n: number) => String(n).padStart(2, '0');
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}
/** "dinsdag 8 december": how the SPA names a day. */
function dayText(date: string): string {
  return new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/**
 * A Monday at least a week ahead whose next nine days hold no holiday of the centre, inside the
 * demo's school year and within the 62 days the requests page shows.
 */
function freeMonday(holidays: Holiday[]): string | null {
  let day = addDays(today(), 7);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 1) day = addDays(day, 1);
  for (; day <= addDays(today(), 50) && day <= '2027-06-30'; day = addDays(day, 7)) {
    const last = addDays(day, 9);
    if (!holidays.some((h) => h.startDate <= last && h.endDate >= day)) return day;
  }
  return null;
}

test.describe('rooms: the calendar, booking a room, the requests', () => {
  let monday = '';
  let buildingId = '';

  test.beforeEach(async ({ api, request }) => {
    const rooms = roomsApi(api, request);
    const building = await rooms.building();
    buildingId = building.id;
    const holidays = (await rooms.call('childcare', 'GET', `/child-centres/${building.centreId}/holidays`)) as Holiday[];
    const found = freeMonday(holidays);
    test.skip(found === null, 'no week without holidays ahead in the demo school year (2026-2027)');
    monday = found!;
    expect(await rooms.ours(buildingId, monday, addDays(monday, 9)), 'bookings left by an earlier run').toEqual([]);
  });

  // Whatever a test booked is cancelled again, so the other specs (same database) see the demo data.
  test.afterEach(async ({ api, request }) => {
    if (!monday) return;
    const rooms = roomsApi(api, request);
    for (const booking of await rooms.ours(buildingId, monday, addDays(monday, 9))) {
      await rooms.call('admin', 'POST', `/bookings/${booking.id}/transitions`, { to: 'cancelled' });
    }
  });

  test('books the gym weekly: the taken times are named, skipped on request, the rest booked', async ({ loginPage, roomsPage, page }, testInfo) => {
    const tuesday = addDays(monday, 1);
    const nextMonday = addDays(monday, 7);
    const nextTuesday = addDays(monday, 8);

    await loginPage.loginAs('childcare');
    await roomsPage.mainNavLink.click();
    await roomsPage.expectLoaded();
    await expectNoSeriousA11yViolations(page, testInfo, 'rooms-calendar');

    await roomsPage.goto(monday);
    await roomsPage.chooseRoom(GYM);
    // The sport club's judo: another organisation's, so only "Bezet", never what it is.
    const judo = roomsPage.events.filter({ hasText: `18:30–21:30 ${t.roomsBusy(SPORT)}` });
    await expect(judo).toHaveCount(2);
    await expect(roomsPage.calendar).not.toContainText('Judo');

    const dialog = await roomsPage.openDialog();
    await expect(dialog.field(t.bookingRoom)).toHaveValue(/.+/);
    await dialog.fill({
      purpose: `${MARK} sport en spel`,
      date: monday,
      start: '18:00',
      end: '19:00',
      weekly: { weekdays: ['dinsdag'], until: nextTuesday },
    });
    await dialog.submit();

    await expect(dialog.conflicts.getByRole('heading', { name: t.bookingConflictsTitle })).toBeFocused();
    await expect(dialog.conflicts.getByRole('listitem')).toHaveText([
      t.bookingConflict(`${dayText(tuesday)} 18:00–19:00`, SPORT),
      t.bookingConflict(`${dayText(nextTuesday)} 18:00–19:00`, SPORT),
    ]);
    await expectNoSeriousA11yViolations(page, testInfo, 'rooms-booking-conflicts');

    await dialog.conflicts.getByRole('button', { name: t.bookingSkipConflicts }).click();
    await expect(dialog.result).toContainText(t.bookingBooked(2));
    await expect(dialog.result.getByTestId('booking-result-items').getByRole('listitem')).toHaveText([
      `${dayText(monday)} 18:00–19:00, ${GYM}`,
      `${dayText(nextMonday)} 18:00–19:00, ${GYM}`,
    ]);
    await expect(dialog.result.getByTestId('booking-result-skipped').getByRole('listitem')).toHaveText([
      t.bookingSkipped(`${dayText(tuesday)} 18:00–19:00`),
      t.bookingSkipped(`${dayText(nextTuesday)} 18:00–19:00`),
    ]);
    await dialog.root.getByRole('button', { name: t.bookingClose, exact: true }).click();
    await expect(dialog.root).toBeHidden();
    await expect(roomsPage.bookButton).toBeFocused();
    // In the calendar at once, in full: our own organisation's.
    await expect(roomsPage.events.filter({ hasText: `18:00–19:00 ${MARK} sport en spel — ${CHILDCARE}` })).toHaveCount(1);
  });

  test("shows the room's rule at its field in Dutch and books nothing", async ({ api, request, loginPage, roomsPage }) => {
    await loginPage.loginAs('childcare');
    await roomsPage.goto(monday);
    const dialog = await roomsPage.openDialog();
    await dialog.fill({ room: `${OFFICE} (hoogstens 4 personen)`, purpose: `${MARK} oudergesprek`, date: monday, start: '16:00', end: '17:00', attendees: 6 });
    await dialog.submit();
    const attendees = dialog.field(t.bookingAttendees);
    await expect(attendees).toBeFocused();
    await expect(attendees).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.root.getByText(t.bookingOverCapacity(4), { exact: true })).toBeVisible();
    expect(await roomsApi(api, request).ours(buildingId, monday, addDays(monday, 9))).toEqual([]);
  });

  test('a request waits for the owner: a teacher may not decide, the administrator approves one and declines one', async ({
    api,
    request,
    loginPage,
    roomsPage,
    approvalsPage,
    header,
    page,
  }, testInfo) => {
    const wednesday = addDays(monday, 2);
    const thursday = addDays(monday, 3);
    const whenWednesday = `${dayText(wednesday)} 17:00–18:00`;
    const whenThursday = `${dayText(thursday)} 17:00–18:00`;

    await loginPage.loginAs('childcare');
    await roomsPage.goto(monday);
    const dialog = await roomsPage.openDialog();
    await dialog.fill({
      room: `${OFFICE} (hoogstens 4 personen)`,
      purpose: `${MARK} oudergesprek`,
      date: wednesday,
      start: '17:00',
      end: '18:00',
      weekly: { weekdays: ['donderdag'], until: thursday },
    });
    await dialog.submit();
    await expect(dialog.result).toContainText(t.bookingRequested(2, SCHOOL));
    await dialog.root.getByRole('button', { name: t.bookingClose, exact: true }).click();
    await header.logout.click();

    // A teacher of the owning school is no administrator: the server refuses, in plain Dutch.
    await loginPage.loginAs('teacher');
    await approvalsPage.goto();
    await approvalsPage.approveButton(CHILDCARE, whenWednesday).click();
    await expect(approvalsPage.request(whenWednesday).getByRole('alert')).toContainText(t.approvalForbidden);
    await header.logout.click();

    await loginPage.loginAs('admin');
    await page.goto('/ruimtes');
    await roomsPage.approvalsLink.click();
    await expect(approvalsPage.count).toBeVisible();
    await expect(approvalsPage.request(whenWednesday)).toContainText(`${MARK} oudergesprek`);
    await expectNoSeriousA11yViolations(page, testInfo, 'rooms-approvals');

    await approvalsPage.approveButton(CHILDCARE, whenWednesday).click();
    await expect(approvalsPage.message).toHaveText(t.approved(CHILDCARE, OFFICE, whenWednesday));
    await expect(approvalsPage.request(whenWednesday)).toHaveCount(0);

    await approvalsPage.declineButton(CHILDCARE, whenThursday).click();
    const confirm = approvalsPage.declineGroup(CHILDCARE, OFFICE, whenThursday);
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: t.declineConfirm, exact: true }).click();
    await expect(approvalsPage.message).toHaveText(t.declined(CHILDCARE, OFFICE, whenThursday));
    await expect(approvalsPage.request(whenThursday)).toHaveCount(0);

    const ours = await roomsApi(api, request).ours(buildingId, monday, addDays(monday, 9));
    expect(ours.map((b) => b.status)).toEqual(['confirmed']);
  });
});
