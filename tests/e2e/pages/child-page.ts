import { expect, type Locator, type Page } from '@playwright/test';
import { TEXTS, type Language } from './texts';

/** /children/:childId: the child's name, details with contact person, guardians and placements. */
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
  get notFoundHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.childNotFound });
  }
  get backLink(): Locator {
    return this.page.getByRole('link', { name: this.t.backToList });
  }

  async goto(childId: string): Promise<void> {
    await this.page.goto(`/children/${childId}`);
  }

  async expectChild(fullName: string): Promise<void> {
    await expect(this.heading(fullName)).toBeVisible();
    await expect(this.guardiansTable).toBeVisible();
    await expect(this.placementsTable).toBeVisible();
  }
}
