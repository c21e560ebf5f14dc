import { expect, type Locator, type Page } from '@playwright/test';
import { TEXTS, type Language } from './texts';

type NormColumn = keyof (typeof TEXTS)['nl']['normColumns'];

/**
 * /zorg/normen ("Wachttijdnormen"): one row per kind of support with its intake and start norm in
 * working days and whether it is the default ("Standaard") or the municipality's own. A centre
 * administrator gets a "Wijzigen" column ("Wijzig", and "Standaard" to reset an own norm) and the
 * form "Norm voor <soort> wijzigen"; everyone else reads the table under a read-only note.
 */
export class TrajectoryNormsPage {
  constructor(
    readonly page: Page,
    readonly language: Language = 'nl',
  ) {}

  get t() {
    return TEXTS[this.language];
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.normsTitle, exact: true });
  }
  get mainNavSupportLink(): Locator {
    return this.page
      .getByRole('navigation', { name: this.t.mainNav, exact: true })
      .getByRole('link', { name: this.t.supportNav, exact: true });
  }
  /** The link in the "Zorg & ondersteuning" sub-menu (centre administrators only). */
  get navLink(): Locator {
    return this.page
      .getByRole('navigation', { name: this.t.supportNav, exact: true })
      .getByRole('link', { name: this.t.normsNav, exact: true });
  }
  get table(): Locator {
    return this.page.getByRole('table', { name: this.t.normsTable, exact: true });
  }
  get readOnlyNote(): Locator {
    return this.page.getByText(this.t.normsReadOnly, { exact: true });
  }
  get loading(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Bezig met laden' });
  }
  /** Every "Wijzig de norm voor …" button on the page. */
  get editButtons(): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${this.t.normEdit('')}`) });
  }

  /** The row of one kind of support, by its name as shown ("Logopedie"). */
  row(type: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: type, exact: true }) });
  }
  /** The cell of `type`'s row under a column header (found by its name, not its position). */
  async cell(type: string, column: NormColumn): Promise<Locator> {
    const headers = (await this.table.getByRole('columnheader').allInnerTexts()).map((text) => text.trim());
    const index = headers.indexOf(this.t.normColumns[column]);
    expect(index, `column "${this.t.normColumns[column]}" among ${JSON.stringify(headers)}`).toBeGreaterThanOrEqual(0);
    return this.row(type).getByRole('cell').nth(index);
  }
  editButton(type: string): Locator {
    return this.page.getByRole('button', { name: this.t.normEdit(type), exact: true });
  }
  resetButton(type: string): Locator {
    return this.page.getByRole('button', { name: this.t.normReset(type), exact: true });
  }
  form(type: string): Locator {
    return this.page.getByRole('form', { name: this.t.normForm(type), exact: true });
  }
  intakeField(type: string): Locator {
    return this.form(type).getByLabel(this.t.normIntake, { exact: true });
  }
  startField(type: string): Locator {
    return this.form(type).getByLabel(this.t.normStart, { exact: true });
  }
  /** A message of the live region above the table ("… is opgeslagen …", "… weer de standaard …"). */
  message(text: string): Locator {
    return this.page.getByText(text, { exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/zorg/normen');
    await this.expectLoaded();
  }

  /** From anywhere after login: main menu "Zorg & ondersteuning", then "Wachttijdnormen". */
  async openFromMenu(): Promise<void> {
    await this.mainNavSupportLink.click();
    await this.navLink.click();
    await this.expectLoaded();
  }

  async expectLoaded(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.table).toBeVisible();
    await expect(this.loading).toHaveCount(0);
  }

  /** The row shows these norms, as the default ("Standaard") or the municipality's own. */
  async expectNorm(type: string, norm: { intake: number; start: number; isDefault: boolean }): Promise<void> {
    await expect(await this.cell(type, 'intake')).toHaveText(this.t.workingDays(norm.intake));
    await expect(await this.cell(type, 'start')).toHaveText(this.t.workingDays(norm.start));
    await expect(await this.cell(type, 'source')).toHaveText(norm.isDefault ? this.t.normDefault : this.t.normOwn);
  }

  /** "Wijzig" on the row: the form opens with the norms in force filled in. */
  async openForm(type: string): Promise<Locator> {
    await this.editButton(type).click();
    const form = this.form(type);
    await expect(form).toBeVisible();
    return form;
  }

  /** Fills the open form and presses "Norm opslaan" (the caller checks what follows). */
  async submit(type: string, days: { intake: number | string; start: number | string }): Promise<void> {
    await this.intakeField(type).fill(String(days.intake));
    await this.startField(type).fill(String(days.start));
    await this.form(type).getByRole('button', { name: this.t.normSubmit, exact: true }).click();
  }

  async cancel(type: string): Promise<void> {
    await this.form(type).getByRole('button', { name: this.t.normCancel, exact: true }).click();
    await expect(this.form(type)).toHaveCount(0);
  }
}
