import type { Locator, Page } from '@playwright/test';
import { TEXTS, type Language } from './texts';

/** The header on every screen: language switch, and after login the user and "Uitloggen". */
export class AppHeader {
  constructor(
    readonly page: Page,
    readonly language: Language = 'nl',
  ) {}

  get t() {
    return TEXTS[this.language];
  }

  get logout(): Locator {
    return this.page.getByRole('button', { name: this.t.logout, exact: true });
  }
  get languageSwitch(): Locator {
    return this.page.getByRole('group', { name: this.t.languageGroup });
  }
  /** Each language is named in itself: "Nederlands", "English". */
  languageButton(name: 'Nederlands' | 'English'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
