import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, USERS, type DemoUser } from '../support/env';
import { TEXTS, type Language } from './texts';

/** /login: e-mail, password, "Inloggen"; errors in an alert. */
export class LoginPage {
  constructor(
    readonly page: Page,
    readonly language: Language = 'nl',
  ) {}

  get t() {
    return TEXTS[this.language];
  }
  in(language: Language): LoginPage {
    return new LoginPage(this.page, language);
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.loginHeading });
  }
  get email(): Locator {
    return this.page.getByLabel(this.t.email, { exact: true });
  }
  get password(): Locator {
    return this.page.getByLabel(this.t.password, { exact: true });
  }
  get submit(): Locator {
    return this.page.getByRole('button', { name: this.t.login, exact: true });
  }
  get error(): Locator {
    return this.page.getByRole('alert');
  }
  get loggedOutMessage(): Locator {
    return this.page.getByRole('status').filter({ hasText: this.t.loggedOut });
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await this.expectShown();
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.email).toBeVisible();
    await expect(this.password).toBeVisible();
    await expect(this.submit).toBeVisible();
  }

  async login(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Logs a demo user in from the login screen (opens it first). */
  async loginAs(user: DemoUser): Promise<void> {
    await this.loginWithEmail(USERS[user]);
  }

  /** Logs in any demo account (all share the demo password) from the login screen. */
  async loginWithEmail(email: string): Promise<void> {
    await this.goto();
    await this.login(email, DEMO_PASSWORD);
    await expect(this.page).not.toHaveURL(/\/login(\?|$)/);
  }
}
