/**
 * Browser hardening (issue 14): script injected through the text fields people write in never
 * runs, and the Content-Security-Policy (with Trusted Types) refuses and reports an attempt.
 *
 * Through the API (fast), every kind of text the SPA shows back gets a payload: a child's names
 * (the centre administrator), a message's subject and text (the parent), an announcement's title
 * and text (the centre administrator, to the centre), an activity's title and description, a
 * support trajectory's note (the intern begeleider) and an absence's note (the parent). Then the
 * screens that show them are opened: the text is there, as text; `window.__pwned` stays
 * undefined and no dialog opens. On one screen the test plays a vulnerable component (the HTML
 * of a payload into innerHTML, a script element with its text, a new Trusted Types policy, eval):
 * each is refused, each refusal fires a `securitypolicyviolation` event, and the browser reports
 * it to the API's POST /csp-reports (204).
 * The headers themselves are checked on the SPA's index.html and on an API answer.
 *
 * Left behind in the demo data: a message thread, an announcement, a trajectory note and a
 * withdrawn absence (no spec counts those); the child and the activity are deleted again.
 */
import type { Browser, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { API_BASE_URL, API_ORIGIN, SPA_URL, type DemoUser } from '../support/env';
import { LoginPage } from '../pages/login-page';
import { call, tokenFor } from '../support/api';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const JS_URL = 'javascript:window.__pwned=1';
const SVG = '<svg onload="window.__pwned=1">';

type Violation = { directive: string; blocked: string; disposition: string; sample: string };

/**
 * A logged-in page in a context of its own that records every CSP violation and every dialog,
 * and has a `window.__pwned` trap that only a payload could set.
 */
async function pageFor(browser: Browser, user: DemoUser, dialogs: string[]): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  await context.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ apiBaseUrl: API_BASE_URL }) }),
  );
  await context.addInitScript(() => {
    const seen: unknown[] = [];
    Object.defineProperty(window, '__violations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        disposition: event.disposition,
        sample: event.sample,
      });
    });
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await new LoginPage(page).loginAs(user);
  return page;
}

async function expectNothingRan(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

async function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations.slice());
}

test('the SPA and the API send the security headers', async ({ request }) => {
  const spa = await request.get(`${SPA_URL}/`);
  const headers = spa.headers();
  const policy = headers['content-security-policy'];
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).toContain(`connect-src 'self' ${API_ORIGIN}`);
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "require-trusted-types-for 'script'"]) {
    expect(policy).toContain(directive);
  }
  expect(policy).toContain(`report-uri ${API_BASE_URL}/csp-reports`);
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['permissions-policy']).toContain('camera=()');
  // The <meta> fallback of the build: the same script rules, for hosts that send no header.
  expect(await spa.text()).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src &#39;self&#39;/);

  const api = await request.get(`${API_BASE_URL}/`);
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  expect(api.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(api.headers()['referrer-policy']).toBe('no-referrer');
  expect(api.headers()['permissions-policy']).toContain('camera=()');
});

test('script in what people write never runs, and the policy refuses and reports an attempt', async ({ browser, request, api }) => {
  test.setTimeout(60_000);
  const admin = await tokenFor(request, 'admin');
  const parent = await tokenFor(request, 'parent');
  const ib = await tokenFor(request, 'careCoordinator');
  const cleanup: (() => Promise<unknown>)[] = [];
  const dialogs: string[] = [];
  const opened: Page[] = [];
  const open = async (user: DemoUser) => {
    const page = await pageFor(browser, user, dialogs);
    opened.push(page);
    cleanup.push(() => page.context().close());
    return page;
  };
  try {
    // --- The data, through the API ----------------------------------------------------------
    const [own] = [...(await api.children('parent'))].sort((a, b) => a.dateOfBirth.localeCompare(b.dateOfBirth));
    const centres = await call<{ items: { id: string; name: string }[] }>(request, admin, 'GET', '/child-centres');
    const centreId = centres.items.find((c) => c.name === 'IKC De Regenboog')!.id;
    const child = await call<{ id: string }>(request, admin, 'POST', '/children', {
      centreId,
      givenName: `Kim ${IMG}`,
      familyName: `${SCRIPT} Jansen`,
      dateOfBirth: '2019-05-04',
    });
    cleanup.push(() => call(request, admin, 'DELETE', `/children/${child.id}`));
    const activity = await call<{ id: string }>(request, admin, 'POST', '/activities', {
      centreId,
      title: `Knutselen ${SVG}`,
      description: `Neem mee: ${SCRIPT} ${IMG} ${JS_URL}`,
      category: 'culture',
      capacity: 10,
    });
    cleanup.push(() => call(request, admin, 'DELETE', `/activities/${activity.id}`));
    const thread = await call<{ id: string }>(request, parent, 'POST', `/children/${own!.id}/threads`, {
      subject: `Vraag ${IMG}`,
      text: `Hallo ${SCRIPT} ${JS_URL}`,
    });
    await call(request, admin, 'POST', '/announcements', {
      centreId,
      title: `Nieuws ${SCRIPT}`,
      text: `Lees dit ${IMG} ${SVG}`,
    });
    // A day off in a week's time (a weekday outside the centre's holidays), withdrawn afterwards.
    const holidays = await call<{ startDate: string; endDate: string }[]>(request, admin, 'GET', `/child-centres/${centreId}/holidays`);
    const day = new Date(Date.now() + 7 * 86_400_000);
    const iso = () => day.toISOString().slice(0, 10);
    while ([0, 6].includes(day.getUTCDay()) || holidays.some((h) => h.startDate <= iso() && iso() <= h.endDate)) {
      day.setUTCDate(day.getUTCDate() + 1);
    }
    const absence = await call<{ id: string }>(request, parent, 'POST', `/children/${own!.id}/absences`, {
      from: iso(),
      to: iso(),
      reason: 'appointment',
      note: `Tandarts ${IMG} ${JS_URL}`,
    });
    cleanup.push(() => call(request, parent, 'POST', `/children/${own!.id}/absences/${absence.id}/withdrawal`));
    const trajectories = await call<{ items: { id: string }[] }>(request, ib, 'GET', '/support-trajectories?status=active&limit=1');
    const trajectory = trajectories.items[0]!;
    await call(request, ib, 'POST', `/support-trajectories/${trajectory.id}/notes`, { text: `Gesprek ${IMG} ${SCRIPT}` });

    // --- The screens that show it -------------------------------------------------------------
    const staff = await open('admin');
    await staff.goto(`/children/${child.id}`);
    await expect(staff.getByRole('heading', { level: 1 })).toContainText(IMG);
    await expect(staff.getByRole('heading', { level: 1 })).toContainText(SCRIPT);
    await staff.goto(`/activiteiten/${activity.id}`);
    await expect(staff.getByText(`Neem mee: ${SCRIPT} ${IMG} ${JS_URL}`)).toBeVisible();
    await expectNothingRan(staff, dialogs);

    const coordinator = await open('careCoordinator');
    await coordinator.goto(`/zorg/trajecten/${trajectory.id}`);
    await expect(coordinator.getByText(`Gesprek ${IMG} ${SCRIPT}`)).toBeVisible();
    // The parent's message, on the contact person's side.
    await coordinator.goto(`/berichten/${thread.id}`);
    await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(`Vraag ${IMG}`);
    await expect(coordinator.getByText(`Hallo ${SCRIPT} ${JS_URL}`)).toBeVisible();
    await expectNothingRan(coordinator, dialogs);

    const family = await open('parent');
    await family.goto(`/ouder/berichten/${thread.id}`);
    await expect(family.getByRole('heading', { level: 1 })).toHaveText(`Vraag ${IMG}`);
    await expect(family.getByText(`Hallo ${SCRIPT} ${JS_URL}`)).toBeVisible();
    await family.goto('/ouder/mededelingen');
    const announcement = family.getByTestId('parent-announcement').filter({ hasText: `Nieuws ${SCRIPT}` });
    await announcement.getByRole('button', { name: 'Lezen', exact: true }).click();
    await expect(announcement.getByText(`Lees dit ${IMG} ${SVG}`)).toBeVisible();
    await family.goto(`/ouder/kinderen/${own!.id}/afmelden`);
    await expect(family.getByText(`Tandarts ${IMG} ${JS_URL}`)).toBeVisible();
    await family.goto(`/ouder/kinderen/${own!.id}/activiteiten`);
    await expect(family.getByText(`Knutselen ${SVG}`).first()).toBeVisible();
    await expectNothingRan(family, dialogs);
    // Rendering text as text raised no violation anywhere: nothing even tried to run.
    for (const page of opened) expect(await violations(page)).toEqual([]);

    // --- A vulnerable component, played: each way in is refused and reported -------------------
    // The browser sends a report for each refusal to the API (report-uri). Playwright's routing
    // (config.json) intercepts the page's requests and breaks such reports: the page is loaded,
    // so it is not needed any more.
    await family.context().unrouteAll();
    const reported = family.context().waitForEvent('response', {
      predicate: (response) =>
        response.url() === `${API_BASE_URL}/csp-reports` &&
        (response.request().postData() ?? '').includes('require-trusted-types-for'),
    });
    // From a timer: code run by the test driver itself (page.evaluate) may eval regardless of
    // the policy; a callback of the page's own is held to it.
    const refused = await family.evaluate(
      ({ img, script }) =>
        new Promise<Record<string, string>>((resolve) => setTimeout(() => {
        const attempts: Record<string, string> = {};
        const target = document.createElement('div');
        document.body.append(target);
        const attempt = (name: string, run: () => void) => {
          try {
            run();
            attempts[name] = 'ran';
          } catch (error) {
            attempts[name] = (error as Error).name;
          }
        };
        attempt('innerHTML', () => {
          target.innerHTML = img;
        });
        attempt('script text', () => {
          const element = document.createElement('script');
          element.textContent = script.replace(/<\/?script>/g, '');
          target.append(element);
        });
        attempt('new policy', () => {
          (window as unknown as { trustedTypes: { createPolicy: (n: string, r: object) => unknown } }).trustedTypes.createPolicy(
            'evil',
            { createHTML: (s: string) => s },
          );
        });
        attempt('eval', () => {
          (0, eval)('window.__pwned = 1');
        });
        resolve(attempts);
        }, 0)),
      { img: IMG, script: SCRIPT },
    );
    expect(refused['innerHTML']).toBe('TypeError');
    expect(refused['new policy']).toBe('TypeError');
    expect(refused['eval']).toMatch(/EvalError|TypeError/);
    // An element's text set as plain text is no script sink at insertion: Chromium refuses to
    // run it (Trusted Types), the insertion itself succeeds.
    expect(['ran', 'TypeError']).toContain(refused['script text']);
    // Each attempt fired a violation (once per policy: the header's and the meta fallback's).
    const expected = [
      ['require-trusted-types-for', 'trusted-types-sink', 'Element innerHTML|'],
      ['require-trusted-types-for', 'trusted-types-sink', 'HTMLScriptElement textContent|'],
      ['trusted-types', 'trusted-types-policy', 'evil'],
      ['require-trusted-types-for', 'trusted-types-sink', 'eval|'],
    ];
    await expect
      .poll(async () => {
        const seen = await violations(family);
        return expected.filter(([directive, blocked, sample]) =>
          seen.some((v) => v.directive === directive && v.blocked === blocked && v.sample.startsWith(sample!)),
        ).length;
      })
      .toBe(expected.length);
    const report = await reported;
    expect(report.status()).toBe(204);
    expect(report.request().headers()['content-type']).toBe('application/csp-report');
    const body = report.request().postDataJSON() as { 'csp-report': Record<string, string> };
    expect(body['csp-report']['disposition']).toBe('enforce');
    for (const violation of await violations(family)) expect(violation.disposition).toBe('enforce');
    await expectNothingRan(family, dialogs);
  } finally {
    for (const step of cleanup.reverse()) await step();
  }
});
