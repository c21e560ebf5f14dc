/**
 * The `test` every spec uses:
 * - `/config.json` of the SPA is answered with the e2e API's URL, so the built SPA (whose own
 *   config.json points at `make run`'s API) talks to the stack of this run;
 * - an uncaught exception in the page fails the test;
 * - `api` makes set-up calls straight to the API; page objects are ready-made fixtures.
 */
import { test as base, expect } from '@playwright/test';
import { API_BASE_URL } from './env';
import { Api } from './api';
import { LoginPage } from '../pages/login-page';
import { ChildrenListPage } from '../pages/children-list-page';
import { ChildPage } from '../pages/child-page';
import { AppHeader } from '../pages/app-header';
import { ChildSupportSection } from '../pages/child-support-section';
import { SignalInboxPage } from '../pages/signal-inbox-page';
import { TrajectoryBoardPage } from '../pages/trajectory-board-page';
import { TrajectoryPage } from '../pages/trajectory-page';
import { TrajectoryNormsPage } from '../pages/trajectory-norms-page';
import { CareCoordinatorsPage } from '../pages/care-coordinators-page';
import { RoomsCalendarPage } from '../pages/rooms-calendar-page';
import { RoomsApprovalsPage } from '../pages/rooms-approvals-page';

type Fixtures = {
  api: Api;
  loginPage: LoginPage;
  childrenPage: ChildrenListPage;
  childPage: ChildPage;
  header: AppHeader;
  supportSection: ChildSupportSection;
  signalInbox: SignalInboxPage;
  board: TrajectoryBoardPage;
  trajectoryPage: TrajectoryPage;
  normsPage: TrajectoryNormsPage;
  careCoordinatorsPage: CareCoordinatorsPage;
  roomsPage: RoomsCalendarPage;
  approvalsPage: RoomsApprovalsPage;
  pageErrors: Error[];
};

export const test = base.extend<Fixtures>({
  context: async ({ context }, use) => {
    await context.route('**/config.json', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        headers: { 'Cache-Control': 'no-store' },
        body: JSON.stringify({ apiBaseUrl: API_BASE_URL }),
      }),
    );
    await use(context);
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use(errors);
      expect(errors.map((e) => e.message), 'uncaught exceptions in the page').toEqual([]);
    },
    { auto: true },
  ],
  api: async ({ request }, use) => use(new Api(request)),
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  childrenPage: async ({ page }, use) => use(new ChildrenListPage(page)),
  childPage: async ({ page }, use) => use(new ChildPage(page)),
  header: async ({ page }, use) => use(new AppHeader(page)),
  supportSection: async ({ page }, use) => use(new ChildSupportSection(page)),
  signalInbox: async ({ page }, use) => use(new SignalInboxPage(page)),
  board: async ({ page }, use) => use(new TrajectoryBoardPage(page)),
  trajectoryPage: async ({ page }, use) => use(new TrajectoryPage(page)),
  normsPage: async ({ page }, use) => use(new TrajectoryNormsPage(page)),
  careCoordinatorsPage: async ({ page }, use) => use(new CareCoordinatorsPage(page)),
  roomsPage: async ({ page }, use) => use(new RoomsCalendarPage(page)),
  approvalsPage: async ({ page }, use) => use(new RoomsApprovalsPage(page)),
});

export { expect };
