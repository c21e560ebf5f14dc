import { expect, type Locator, type Page } from '@playwright/test';
import { TEXTS, type Language } from './texts';

/**
 * /ruimtes/aanvragen ("Aanvragen"): the requested bookings of the building, each with
 * "Goedkeuren" and "Afwijzen" (asked twice: "Ja, afwijzen"); the server decides who may.
 */
export class RoomsApprovalsPage {
  constructor(
    readonly page: Page,
    readonly language: Language = 'nl',
  ) {}

  get t() {
    return TEXTS[this.language];
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.roomsApprovalsTitle, exact: true });
  }
  get count(): Locator {
    return this.page.getByTestId('approvals-count');
  }
  get message(): Locator {
    return this.page.getByTestId('approvals-message');
  }
  /** One request, by its time as shown ("woensdag 9 december 17:00–18:00"). */
  request(when: string): Locator {
    return this.page.getByRole('article', { name: when, exact: true });
  }
  approveButton(organisation: string, when: string): Locator {
    return this.page.getByRole('button', { name: this.t.approve(organisation, when), exact: true });
  }
  declineButton(organisation: string, when: string): Locator {
    return this.page.getByRole('button', { name: this.t.decline(organisation, when), exact: true });
  }
  declineGroup(organisation: string, room: string, when: string): Locator {
    return this.page.getByRole('group', { name: this.t.declineQuestion(organisation, room, when), exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/ruimtes/aanvragen');
    await expect(this.heading).toBeVisible();
    await expect(this.count).toBeVisible();
  }
}
