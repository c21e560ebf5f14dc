import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { API_BASE_URL, type DemoUser } from '../support/env';
import type { Api } from '../support/api';
import { TEXTS } from '../pages/texts';

const t = TEXTS.nl;
const LOGOPEDIE = t.trajectoryTypes.logopedie;
const JEUGDHULP = t.trajectoryTypes.jeugdhulp;
/** DEFAULT_NORMS in backend/kindcentraal/support/waiting.py; the demo data keeps it for logopedie. */
const LOGOPEDIE_DEFAULT = { intake: 10, start: 20 };
/** The demo municipality's own norm for youth care (CUSTOM_NORMS in seed/support_demo.py). */
const JEUGDHULP_OWN = { intake: 10, start: 25 };
const CENTRE = 'IKC De Regenboog';
const SCHOOL = 'Basisschool De Regenboog';
/** The demo centre's one care coordinator. */
const DEMO_COORDINATOR = 'Ingrid Bakker (intern begeleider)';
/** A teacher of the school no other spec logs in as; care coordinator only during one test. */
const NEW_COORDINATOR = 'Leerkracht groep 1';

type Norm = { type: string; intakeWithinDays: number; startWithinDays: number; isDefault: boolean };
type Coordinator = { userId: string; displayName: string };

/**
 * Straight to the API, for the starting point, what was stored, and putting the demo data back.
 * (The other specs share this run's database: whatever these tests change, they undo.)
 */
function adminApi(api: Api, request: APIRequestContext) {
  async function call(user: DemoUser, method: 'GET' | 'PUT' | 'DELETE', path: string, data?: unknown) {
    const token = await api.token(user);
    return request.fetch(`${API_BASE_URL}${path}`, { method, data, headers: { Authorization: `Bearer ${token}` } });
  }
  return {
    call,
    async norm(type: string): Promise<Norm> {
      const response = await call('admin', 'GET', '/trajectory-norms');
      expect(response.status(), await response.text()).toBe(200);
      const norm = ((await response.json()) as Norm[]).find((n) => n.type === type);
      expect(norm, `a norm for ${type}`).toBeDefined();
      return norm!;
    },
    async centreId(): Promise<string> {
      const response = await call('admin', 'GET', '/child-centres?limit=100');
      expect(response.status(), await response.text()).toBe(200);
      const centre = ((await response.json()) as { items: { id: string; name: string }[] }).items.find(
        (c) => c.name === CENTRE,
      );
      expect(centre, `the demo centre ${CENTRE}`).toBeDefined();
      return centre!.id;
    },
    async coordinators(centreId: string): Promise<Coordinator[]> {
      const response = await call('admin', 'GET', `/child-centres/${centreId}/care-coordinators`);
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as Coordinator[];
    },
  };
}

/** Every PUT/POST/DELETE the page sends to `path` from now on. */
function writesTo(page: Page, path: string): string[] {
  const writes: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && request.method() !== 'OPTIONS' && request.url().includes(path)) {
      writes.push(`${request.method()} ${request.url()}`);
    }
  });
  return writes;
}

test.describe('support administration: waiting-time norms and care coordinators', () => {
  // Whatever a failing test left behind is undone here, so the specs after this one (same
  // database) start from the demo data: the logopedie norm back to the default, the added care
  // coordinator gone.
  test.afterEach(async ({ api, request }) => {
    const admin = adminApi(api, request);
    if (!(await admin.norm('logopedie')).isDefault) {
      expect((await admin.call('admin', 'DELETE', '/trajectory-norms/logopedie')).status()).toBe(200);
    }
    const centreId = await admin.centreId();
    for (const coordinator of await admin.coordinators(centreId)) {
      if (coordinator.displayName === NEW_COORDINATOR) {
        const response = await admin.call('admin', 'DELETE', `/child-centres/${centreId}/care-coordinators/${coordinator.userId}`);
        expect(response.status()).toBe(204);
      }
    }
  });

  test('the centre administrator changes a norm, sees it kept after a reload, and resets it to the default', async ({
    api,
    request,
    page,
    loginPage,
    normsPage,
  }, testInfo) => {
    const admin = adminApi(api, request);
    const before = await admin.norm('logopedie');
    expect(
      before,
      'starting point: the demo data has the default logopedie norm (was this database changed by an earlier run?)',
    ).toMatchObject({ intakeWithinDays: LOGOPEDIE_DEFAULT.intake, startWithinDays: LOGOPEDIE_DEFAULT.start, isDefault: true });

    await loginPage.loginAs('admin');
    await normsPage.openFromMenu();
    const writes = writesTo(page, '/trajectory-norms');
    await normsPage.expectNorm(LOGOPEDIE, { ...LOGOPEDIE_DEFAULT, isDefault: true });
    await normsPage.expectNorm(JEUGDHULP, { ...JEUGDHULP_OWN, isDefault: false });
    // Only an own norm can be reset.
    await expect(normsPage.resetButton(LOGOPEDIE)).toHaveCount(0);
    await expect(normsPage.resetButton(JEUGDHULP)).toBeVisible();
    await expect(normsPage.readOnlyNote).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, testInfo, 'norms-admin');

    // Change it: the form opens with the norm in force, focus on its heading.
    await normsPage.openForm(LOGOPEDIE);
    await expect(normsPage.form(LOGOPEDIE).getByRole('heading', { level: 2 })).toBeFocused();
    await expect(normsPage.intakeField(LOGOPEDIE)).toHaveValue(String(LOGOPEDIE_DEFAULT.intake));
    await expect(normsPage.startField(LOGOPEDIE)).toHaveValue(String(LOGOPEDIE_DEFAULT.start));
    await expect(normsPage.editButton(LOGOPEDIE)).toBeDisabled();
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/trajectory-norms/logopedie'));
    await normsPage.submit(LOGOPEDIE, { intake: 12, start: 25 });
    expect((await saved).status()).toBe(200);
    await expect(normsPage.message(t.normSaved(LOGOPEDIE, 12, 25))).toBeVisible();
    await expect(normsPage.form(LOGOPEDIE)).toHaveCount(0);
    await normsPage.expectNorm(LOGOPEDIE, { intake: 12, start: 25, isDefault: false });
    await expect(normsPage.resetButton(LOGOPEDIE)).toBeVisible();
    expect(await admin.norm('logopedie')).toMatchObject({ intakeWithinDays: 12, startWithinDays: 25, isDefault: false });

    // Stored, not just shown: a reload reads it back from the API.
    await page.reload();
    await normsPage.expectLoaded();
    await normsPage.expectNorm(LOGOPEDIE, { intake: 12, start: 25, isDefault: false });
    // The other norms are untouched.
    await normsPage.expectNorm(JEUGDHULP, { ...JEUGDHULP_OWN, isDefault: false });

    // Back to the default: "Standaard" again, and the reset button goes.
    await normsPage.resetButton(LOGOPEDIE).click();
    await expect(normsPage.message(t.normResetDone(LOGOPEDIE, LOGOPEDIE_DEFAULT.intake, LOGOPEDIE_DEFAULT.start))).toBeVisible();
    await normsPage.expectNorm(LOGOPEDIE, { ...LOGOPEDIE_DEFAULT, isDefault: true });
    await expect(normsPage.resetButton(LOGOPEDIE)).toHaveCount(0);
    expect(await admin.norm('logopedie')).toEqual(before);
    expect(writes).toEqual([
      `PUT ${API_BASE_URL}/trajectory-norms/logopedie`,
      `DELETE ${API_BASE_URL}/trajectory-norms/logopedie`,
    ]);
  });

  test('a start within fewer days than the intake is refused in the form, in Dutch, and nothing is saved', async ({
    api,
    request,
    page,
    loginPage,
    normsPage,
  }, testInfo) => {
    const admin = adminApi(api, request);
    const before = await admin.norm('logopedie');
    expect(before, 'starting point: the default logopedie norm').toMatchObject({ isDefault: true });

    await loginPage.loginAs('admin');
    await normsPage.goto();
    const writes = writesTo(page, '/trajectory-norms');
    await normsPage.openForm(LOGOPEDIE);

    await normsPage.submit(LOGOPEDIE, { intake: 15, start: 12 });
    const start = normsPage.startField(LOGOPEDIE);
    const error = t.normStartBeforeIntake(15);
    // The error sits at the field: shown, tied to it (its description), the field marked invalid
    // and focused; the intake field is fine.
    await expect(normsPage.form(LOGOPEDIE).getByText(error, { exact: true })).toBeVisible();
    await expect(start).toHaveAttribute('aria-invalid', 'true');
    await expect(start).toHaveAccessibleDescription(error);
    await expect(start).toBeFocused();
    await expect(normsPage.intakeField(LOGOPEDIE)).not.toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page, testInfo, 'norm-form-error');

    // Out of range is refused the same way, at the intake field this time.
    await normsPage.submit(LOGOPEDIE, { intake: 400, start: 400 });
    await expect(normsPage.intakeField(LOGOPEDIE)).toHaveAccessibleDescription(t.normTooMany(365));
    await expect(normsPage.intakeField(LOGOPEDIE)).toBeFocused();

    // "Annuleren": the form closes and focus goes back to the button that opened it.
    await normsPage.cancel(LOGOPEDIE);
    await expect(normsPage.editButton(LOGOPEDIE)).toBeFocused();
    await normsPage.expectNorm(LOGOPEDIE, { ...LOGOPEDIE_DEFAULT, isDefault: true });
    expect(writes, 'the form sent nothing to the API').toEqual([]);
    expect(await admin.norm('logopedie')).toEqual(before);
  });

  test('a teacher reads the norms but cannot change them, and does not get the care coordinators screen', async ({
    api,
    request,
    page,
    loginPage,
    normsPage,
    careCoordinatorsPage,
  }, testInfo) => {
    await loginPage.loginAs('teacher');
    // The support menu has no administration links for them.
    await normsPage.mainNavSupportLink.click();
    const supportNav = page.getByRole('navigation', { name: t.supportNav, exact: true });
    await expect(supportNav.getByRole('link', { name: t.signalsNav, exact: true })).toBeVisible();
    await expect(normsPage.navLink).toHaveCount(0);
    await expect(careCoordinatorsPage.navLink).toHaveCount(0);

    // Typing the address: the norms, read-only.
    await normsPage.goto();
    await expect(normsPage.readOnlyNote).toBeVisible();
    await normsPage.expectNorm(LOGOPEDIE, { ...LOGOPEDIE_DEFAULT, isDefault: true });
    await normsPage.expectNorm(JEUGDHULP, { ...JEUGDHULP_OWN, isDefault: false });
    await expect(normsPage.table.getByRole('columnheader', { name: t.normColumns.actions, exact: true })).toHaveCount(0);
    await expect(normsPage.editButtons).toHaveCount(0);
    await expect(normsPage.resetButton(JEUGDHULP)).toHaveCount(0);
    await expect(page.getByRole('form')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, testInfo, 'norms-read-only');

    // Nor does the API let them (the screen is not the only guard).
    const refused = await adminApi(api, request).call('teacher', 'PUT', '/trajectory-norms/logopedie', {
      intakeWithinDays: 12,
      startWithinDays: 25,
    });
    expect(refused.status()).toBe(403);

    // The care coordinators screen is for centre administrators only.
    await careCoordinatorsPage.goto();
    await expect(careCoordinatorsPage.onlyAdminsNote).toBeVisible();
    await expect(careCoordinatorsPage.addForm).toHaveCount(0);
    await expect(page.getByRole('table')).toHaveCount(0);
  });

  test('the centre administrator adds a care coordinator and removes them again after confirming', async ({
    api,
    request,
    page,
    loginPage,
    careCoordinatorsPage: coordinators,
  }, testInfo) => {
    const admin = adminApi(api, request);
    const centreId = await admin.centreId();
    expect(
      (await admin.coordinators(centreId)).map((c) => c.displayName),
      'starting point: the demo centre has one care coordinator',
    ).toEqual([DEMO_COORDINATOR]);

    await loginPage.loginAs('admin');
    await coordinators.openFromMenu(CENTRE);
    await expect(coordinators.coordinatorRows(CENTRE)).toHaveCount(1);
    await expect(coordinators.row(CENTRE, DEMO_COORDINATOR)).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo, 'care-coordinators');

    // Adding asks for the organisation first.
    await expect(coordinators.professional).toHaveAccessibleDescription(t.careCoordinatorChooseOrganisationFirst);
    await coordinators.addSubmit.click();
    await expect(coordinators.organisation).toHaveAccessibleDescription(t.careCoordinatorOrganisationRequired);
    await expect(coordinators.organisation).toBeFocused();

    // The school's staff are offered, without the one already care coordinator.
    const candidates = await coordinators.chooseOrganisation(SCHOOL);
    await expect(candidates.filter({ hasText: NEW_COORDINATOR })).toHaveCount(1);
    await expect(candidates.filter({ hasText: DEMO_COORDINATOR })).toHaveCount(0);

    await coordinators.add(CENTRE, SCHOOL, NEW_COORDINATOR);
    await expect(coordinators.coordinatorRows(CENTRE)).toHaveCount(2);
    // Now designated, no longer a candidate.
    await expect(coordinators.professional.getByRole('option', { name: NEW_COORDINATOR, exact: true })).toHaveCount(0);
    expect((await admin.coordinators(centreId)).map((c) => c.displayName).sort()).toEqual(
      [DEMO_COORDINATOR, NEW_COORDINATOR].sort(),
    );
    await page.reload();
    await expect(coordinators.row(CENTRE, NEW_COORDINATOR)).toBeVisible();

    // Removing asks first; "Nee, laten staan" keeps them, focus back on the button.
    const question = await coordinators.askRemove(NEW_COORDINATOR, CENTRE);
    await expect(question.getByText(t.careCoordinatorRemoveQuestion(NEW_COORDINATOR, CENTRE))).toBeFocused();
    await expectNoSeriousA11yViolations(page, testInfo, 'care-coordinators-confirm');
    await question.getByRole('button', { name: t.careCoordinatorRemoveCancel, exact: true }).click();
    await expect(question).toHaveCount(0);
    await expect(coordinators.removeButton(NEW_COORDINATOR)).toBeFocused();
    await expect(coordinators.row(CENTRE, NEW_COORDINATOR)).toBeVisible();
    expect(await admin.coordinators(centreId)).toHaveLength(2);

    // "Ja, verwijderen": gone, from the table and from the API; the demo's own stays.
    await coordinators.remove(CENTRE, NEW_COORDINATOR);
    await expect(coordinators.coordinatorRows(CENTRE)).toHaveCount(1);
    await expect(coordinators.row(CENTRE, DEMO_COORDINATOR)).toBeVisible();
    expect((await admin.coordinators(centreId)).map((c) => c.displayName)).toEqual([DEMO_COORDINATOR]);
  });
});
