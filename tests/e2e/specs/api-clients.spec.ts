import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { API_BASE_URL } from '../support/env';

/*
 * "Koppelingen" (issue 12): the childcare organisation's administrator registers a system as an
 * API client, sees its secret once, the system gets a token with it (client credentials) and
 * reads the organisation's children; revoking the client ends its token and its secret at once.
 */

/** Olaf Opvang, organisation administrator of Kinderopvang De Regenboog (kindcentraal/seed/demo.py). */
const CHILDCARE_ADMIN = 'opvang.beheer@regenboog.demo';
const ORGANISATION = 'Kinderopvang De Regenboog';

const t = {
  nav: 'Koppelingen',
  mainNav: 'Hoofdmenu',
  listTitle: `Koppelingen van ${ORGANISATION}`,
  name: 'Naam',
  scopes: { children: 'Kinderen bekijken', placements: 'Plaatsingen bekijken' },
  create: 'Koppeling aanmaken',
  createdTitle: (name: string) => `Koppeling aangemaakt: ${name}`,
  warning: 'U ziet het hierna nooit meer',
  clientId: 'Client-ID',
  clientSecret: 'Geheim (client secret)',
  copySecret: 'Geheim kopiëren',
  done: 'Ik heb het geheim bewaard',
  created: (name: string) => `De koppeling ${name} is aangemaakt.`,
  neverUsed: 'Nog niet gebruikt',
  revoke: (name: string) => `${name} intrekken`,
  revokeQuestion: 'werken dan meteen niet meer',
  revokeConfirm: 'Ja, intrekken',
  revoked: (name: string) => `De koppeling ${name} is ingetrokken.`,
};

/** The screen, by role and accessible name. */
class ApiClientsPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: t.nav });
  }
  get form(): Locator {
    return this.page.getByTestId('new-api-client-form');
  }
  get message(): Locator {
    return this.page.getByTestId('api-clients-message');
  }
  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: t.createdTitle(name) });
  }
  liveClient(name: string): Locator {
    return this.page.getByTestId('api-client-list').getByRole('listitem', { name, exact: true });
  }
  revokedClient(name: string): Locator {
    return this.page.getByTestId('api-client-revoked-list').getByRole('listitem', { name, exact: true });
  }
}

/** POST /auth/token with the client-credentials grant (form body), as the organisation's system would. */
function clientToken(request: APIRequestContext, clientId: string, clientSecret: string) {
  return request.post(`${API_BASE_URL}/auth/token`, {
    form: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'children:read' },
  });
}

test('an organisation administrator registers a system, which gets a token with its secret, then revokes it', async ({
  page,
  loginPage,
  request,
}, testInfo) => {
  const screen = new ApiClientsPage(page);
  const name = `E2E Planning ${Date.now()}`;

  await loginPage.loginWithEmail(CHILDCARE_ADMIN);
  await page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: t.nav }).click();
  await expect(screen.heading).toBeVisible();
  await expect(page).toHaveURL(/\/koppelingen$/);
  await expect(page.getByRole('heading', { level: 2, name: t.listTitle })).toBeVisible();

  // Register: a name and two scopes.
  await screen.form.getByLabel(t.name, { exact: true }).fill(name);
  await screen.form.getByRole('checkbox', { name: t.scopes.children }).check();
  await screen.form.getByRole('checkbox', { name: t.scopes.placements }).check();
  await screen.form.getByRole('button', { name: t.create }).click();

  // The secret, once: in a dialog with the warning, read-only and not for the browser to keep.
  const dialog = screen.dialog(name);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(t.warning);
  const secretField = dialog.getByLabel(t.clientSecret, { exact: true });
  await expect(secretField).toHaveAttribute('autocomplete', 'off');
  await expect(secretField).toHaveAttribute('readonly', '');
  await expect(dialog.getByRole('button', { name: t.copySecret })).toBeVisible();
  await expectNoSeriousA11yViolations(page, testInfo, 'api-client-secret-dialog');
  const clientId = await dialog.getByLabel(t.clientId, { exact: true }).inputValue();
  const clientSecret = await secretField.inputValue();
  expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
  expect(clientSecret).toMatch(/^kcs_/);

  await dialog.getByRole('button', { name: t.done }).click();
  await expect(dialog).toBeHidden();
  await expect(screen.message).toHaveText(t.created(name));
  // Not on the page any more, not after a reload either: the server kept only its hash.
  await expect(page.locator(`input[value="${clientSecret}"]`)).toHaveCount(0);
  await expect(page.getByText(clientSecret)).toHaveCount(0);
  await page.reload();
  await expect(screen.liveClient(name)).toBeVisible();
  await expect(screen.liveClient(name)).toContainText(clientId);
  await expect(screen.liveClient(name)).toContainText(t.neverUsed);
  await expect(page.getByText(clientSecret)).toHaveCount(0);

  // The system's own call: a token for its scope, and with it the organisation's children.
  const tokenResponse = await clientToken(request, clientId, clientSecret);
  expect(tokenResponse.status(), await tokenResponse.text()).toBe(200);
  const token = (await tokenResponse.json()) as { access_token: string; token_type: string; scope?: string };
  expect(token.token_type.toLowerCase()).toBe('bearer');
  expect(token.scope).toBe('children:read');
  const children = await request.get(`${API_BASE_URL}/children`, { headers: { Authorization: `Bearer ${token.access_token}` } });
  expect(children.status(), await children.text()).toBe(200);

  // The list shows the client as used now.
  await page.reload();
  await expect(screen.liveClient(name)).toBeVisible();
  await expect(screen.liveClient(name)).not.toContainText(t.neverUsed);

  // Revoke, after the question that says what it does.
  await screen.liveClient(name).getByRole('button', { name: t.revoke(name) }).click();
  await expect(screen.liveClient(name).getByTestId('revoke-api-client-confirm')).toContainText(t.revokeQuestion);
  await screen.liveClient(name).getByRole('button', { name: t.revokeConfirm }).click();
  await expect(screen.message).toContainText(t.revoked(name));
  await expect(screen.revokedClient(name)).toBeVisible();
  await expect(screen.liveClient(name)).toHaveCount(0);
  // The screen with a live list, the form and a greyed revoked client, details open.
  await screen.revokedClient(name).getByRole('button', { name: 'Gebruik en fouten bekijken' }).click();
  await expect(screen.revokedClient(name).getByTestId('api-client-usage')).toBeVisible();
  await expectNoSeriousA11yViolations(page, testInfo, 'api-clients');

  // At once: the token it holds and its secret no longer work.
  const after = await request.get(`${API_BASE_URL}/children`, { headers: { Authorization: `Bearer ${token.access_token}` } });
  expect(after.status()).toBe(401);
  expect((await clientToken(request, clientId, clientSecret)).status()).toBe(401);
});
