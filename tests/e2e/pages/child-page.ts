import { expect, type Locator, type Page } from '@playwright/test';
import { TEXTS, type Language } from './texts';

/**
 * /children/:childId: the child's name, details with contact person, guardians and placements;
 * for a guardian with parental authority also care team, consents (table and form) and the
 * access log, which loads only when opened ("Bekijk wie het dossier heeft ingezien"). The
 * "Zorg & ondersteuning" section is `ChildSupportSection` (child-support-section.ts).
 */
export class ChildPage {
  constructor(
    readonly page: Page,
    readonly language: Language = 'nl',
  ) {}

  get t() {
    return TEXTS[this.language];
  }

  heading(fullName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: fullName, exact: true });
  }
  get guardiansTable(): Locator {
    return this.page.getByRole('table', { name: this.t.guardians });
  }
  get guardianRows(): Locator {
    return this.guardiansTable.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }
  get placementsTable(): Locator {
    return this.page.getByRole('table', { name: this.t.placements });
  }
  get placementRows(): Locator {
    return this.placementsTable.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }
  /** The value next to "Contactpersoon" in the details list. */
  get contactPerson(): Locator {
    return this.page
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${this.t.contactPerson}$`) })
      .locator('xpath=following-sibling::*[1]');
  }
  get accessLogHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: this.t.accessLogTitle });
  }
  get accessLogButton(): Locator {
    return this.page.getByRole('button', { name: this.t.accessLogOpen, exact: true });
  }
  get accessLogList(): Locator {
    return this.page.getByRole('list', { name: this.t.accessLogList, exact: true });
  }
  /** One line per write, denied attempt or visit (one person's reads within 10 minutes). */
  get accessLogLines(): Locator {
    return this.accessLogList.getByRole('listitem');
  }
  get notFoundHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.childNotFound });
  }
  get backLink(): Locator {
    return this.page.getByRole('link', { name: this.t.backToList });
  }

  /** The consents section (for guardians with parental authority: the table and the form). */
  get consents(): Locator {
    return this.page.getByRole('region', { name: this.t.consents, exact: true });
  }
  get consentsTable(): Locator {
    return this.consents.getByRole('table', { name: this.t.consents, exact: true });
  }
  get consentForm(): Locator {
    return this.page.getByRole('form', { name: this.t.consentForm, exact: true });
  }
  /** The row of one consent, by organisation and purpose as shown ("Gegevens delen", "…: Logopedie"). */
  consentRow(organisation: string, purpose: string): Locator {
    return this.consentsTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: organisation, exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: purpose, exact: true }) });
  }

  /**
   * Gives a consent with the form: an organisation, a purpose and, for `trajectory`, the kind of
   * support (labels as the form shows them). Waits for "De toestemming is gegeven." and the row.
   */
  async giveConsent(consent: { organisation: string; purpose: string; trajectoryType?: string }): Promise<void> {
    const form = this.consentForm;
    await form.getByLabel(this.t.consentOrganisation, { exact: true }).selectOption({ label: consent.organisation });
    await form.getByLabel(this.t.consentPurpose, { exact: true }).selectOption({ label: consent.purpose });
    if (consent.trajectoryType) {
      await form.getByLabel(this.t.consentTrajectoryType, { exact: true }).selectOption({ label: consent.trajectoryType });
    }
    await form.getByRole('button', { name: this.t.consentSubmit, exact: true }).click();
    await expect(this.consents.getByText(this.t.consentGiven, { exact: true })).toBeVisible();
    const shown = consent.trajectoryType ? this.t.purposeWithType(consent.purpose, consent.trajectoryType) : consent.purpose;
    await expect(this.consentRow(consent.organisation, shown)).toBeVisible();
  }

  /** Withdraws the consent in `row` ("Toestemming intrekken", then "Ja, intrekken"). */
  async withdrawConsent(row: Locator): Promise<void> {
    await row.getByRole('button', { name: this.t.consentWithdraw, exact: true }).click();
    await row.getByRole('button', { name: this.t.consentWithdrawConfirm, exact: true }).click();
    await expect(row).toContainText(/ingetrokken|withdrawn/i);
  }

  async goto(childId: string): Promise<void> {
    await this.page.goto(`/children/${childId}`);
  }

  /** Opens the access log section and waits for its first line. */
  async openAccessLog(): Promise<void> {
    await this.accessLogButton.click();
    await expect(this.accessLogButton).toHaveCount(0); // its label is now "Verberg …"
    await expect(this.accessLogLines.first()).toBeVisible();
  }

  async expectChild(fullName: string): Promise<void> {
    await expect(this.heading(fullName)).toBeVisible();
    await expect(this.guardiansTable).toBeVisible();
    await expect(this.placementsTable).toBeVisible();
  }
}
