import { expect, type Locator, type Page } from '@playwright/test';
import { TEXTS, type Language } from './texts';

/** /children: heading "Kinderen", search "Zoeken op naam", table "Kinderen" with a link per child. */
export class ChildrenListPage {
  constructor(
    readonly page: Page,
    readonly language: Language = 'nl',
  ) {}

  get t() {
    return TEXTS[this.language];
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.children });
  }
  get search(): Locator {
    return this.page.getByLabel(this.t.search, { exact: true });
  }
  get table(): Locator {
    return this.page.getByRole('table', { name: this.t.children });
  }
  /** Data rows (the header row excluded). */
  get rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }
  /** One link per child; its accessible name is "Bekijk <given name> <family name>". */
  get childLinks(): Locator {
    return this.table.getByRole('link', { name: new RegExp(`^${this.t.openChildPrefix}`) });
  }
  childLink(fullName: string): Locator {
    return this.table.getByRole('link', { name: this.t.openChild(fullName), exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/children');
    await this.expectLoaded();
  }

  async expectLoaded(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.childLinks.first()).toBeVisible();
  }

  /** Types a name; the list follows after its debounce, when the URL gets ?q=<name>. */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await expect.poll(() => new URL(this.page.url()).searchParams.get('q')).toBe(text);
  }

  /** The text of one column ("Achternaam", "Voornaam", …) in every data row, found by its header. */
  async column(header: string): Promise<string[]> {
    const headers = await this.table.getByRole('columnheader').allInnerTexts();
    const index = headers.findIndex((text) => text.trim() === header);
    expect(index, `column "${header}" in ${JSON.stringify(headers)}`).toBeGreaterThanOrEqual(0);
    const values: string[] = [];
    for (const row of await this.rows.all()) {
      values.push((await row.getByRole('cell').nth(index).innerText()).trim());
    }
    return values;
  }

  async open(fullName: string): Promise<void> {
    await this.childLink(fullName).click();
  }
}
