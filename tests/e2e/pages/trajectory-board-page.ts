import { expect, type Locator, type Page } from '@playwright/test';
import { TEXTS, type Language } from './texts';

/**
 * /zorg ("Zorg & ondersteuning"): the board of the trajectories this professional works on, one
 * column per status; each card links to its trajectory ("<kind>, <soort hulp>: bekijk het traject").
 */
export class TrajectoryBoardPage {
  constructor(
    readonly page: Page,
    readonly language: Language = 'nl',
  ) {}

  get t() {
    return TEXTS[this.language];
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.supportTitle, exact: true });
  }
  get board(): Locator {
    return this.page.getByTestId('trajectory-board');
  }
  get mainNavSupportLink(): Locator {
    return this.page
      .getByRole('navigation', { name: this.t.mainNav, exact: true })
      .getByRole('link', { name: this.t.supportNav, exact: true });
  }
  get loading(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Bezig met laden' });
  }
  /** A status column: a region headed "<status> (<number>)". */
  column(status: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${status} \\(\\d+\\)$`) });
  }
  /** The link of a child's card for one kind of support. */
  cardLink(childName: string, type: string): Locator {
    return this.board.getByRole('link', { name: this.t.boardCard(childName, type), exact: true });
  }
  /** The card itself (an article) around that link. */
  card(childName: string, type: string): Locator {
    return this.board.getByRole('article').filter({ has: this.cardLink(childName, type) });
  }

  /** From anywhere after login: main menu "Zorg & ondersteuning". */
  async openFromMenu(): Promise<void> {
    await this.mainNavSupportLink.click();
    await expect(this.heading).toBeVisible();
    await expect(this.board).toBeVisible();
    await expect(this.loading).toHaveCount(0);
  }
}
