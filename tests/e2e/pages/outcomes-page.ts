import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/**
 * The Dutch names the outcome reports show (frontend/src/locales/nl.json, `outcomes`). Selected
 * by role and these names, never by CSS class.
 */
export const OUTCOMES_TEXTS = {
  mainNav: 'Hoofdmenu',
  nav: 'Resultaten',
  titleMunicipality: 'Resultaten van de kindcentra',
  titleCentre: 'Resultaten van het kindcentrum',
  filters: 'Welke cijfers wilt u zien?',
  trajectoryType: 'Soort hulp',
  submit: 'Toon de cijfers',
  readingLabel: 'Uitkomst:',
  downloadCsv: 'Download CSV',
  annualLink: 'Jaarverslag voor de gemeenteraad',
  annualTitle: /^Jaarverslag \d{4}-\d{4}$/,
  print: 'Afdrukken',
  indicators: {
    waitingTime: 'Wachttijden',
    referrals: 'Doorverwijzingen',
    caseload: 'Open trajecten per professional',
    caseloadByOrganisation: 'Open trajecten per organisatie',
    parents: 'Ouders',
  },
} as const;

type Indicator = keyof typeof OUTCOMES_TEXTS.indicators;

/** /rapportage (the dashboard) and /rapportage/jaarverslag (the yearly report). */
export class OutcomesPage {
  readonly t = OUTCOMES_TEXTS;

  constructor(readonly page: Page) {}

  get mainNav(): Locator {
    return this.page.getByRole('navigation', { name: this.t.mainNav, exact: true });
  }
  get navLink(): Locator {
    return this.mainNav.getByRole('link', { name: this.t.nav, exact: true });
  }
  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
  }
  /** An indicator's section: a region named by its h2. */
  section(indicator: Indicator): Locator {
    return this.page.getByRole('region', { name: this.t.indicators[indicator], exact: true });
  }
  /** Every indicator's sentence, "Uitkomst: In 2025-2026 …". */
  get readings(): Locator {
    return this.page.getByTestId('reading');
  }
  get filters(): Locator {
    return this.page.getByRole('group', { name: this.t.filters, exact: true });
  }
  get annualLink(): Locator {
    return this.page.getByRole('link', { name: this.t.annualLink, exact: true });
  }
  get printButton(): Locator {
    return this.page.getByRole('button', { name: this.t.print, exact: true });
  }

  async open(): Promise<void> {
    await this.navLink.click();
    await expect(this.page).toHaveURL(/\/rapportage$/);
  }

  /** Chooses a kind of support ("Logopedie") and shows the figures. */
  async filterByTrajectoryType(label: string): Promise<void> {
    await this.filters.getByLabel(this.t.trajectoryType, { exact: true }).selectOption({ label });
    await this.filters.getByRole('button', { name: this.t.submit, exact: true }).click();
  }

  /** Clicks "Download CSV" of the section's first table; the file's name and text (without the BOM). */
  async downloadCsv(indicator: Indicator): Promise<{ name: string; text: string }> {
    const button = this.section(indicator).getByRole('button', { name: new RegExp(`^${this.t.downloadCsv}`) }).first();
    const [download]: [Download, void] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const path = await download.path();
    const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    return { name: download.suggestedFilename(), text };
  }
}
