import { expect, type Locator, type Page } from '@playwright/test';
import { TEXTS, type Language } from './texts';

/**
 * /zorg/signalen ("Signalen"): the open signals and parents' questions the contact person or
 * care coordinator decides on, newest first; "Besluit nemen" opens the decision form in place.
 */
export class SignalInboxPage {
  constructor(
    readonly page: Page,
    readonly language: Language = 'nl',
  ) {}

  get t() {
    return TEXTS[this.language];
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.signalsTitle, exact: true });
  }
  get mainNavSupportLink(): Locator {
    return this.page
      .getByRole('navigation', { name: this.t.mainNav, exact: true })
      .getByRole('link', { name: this.t.supportNav, exact: true });
  }
  get signalsLink(): Locator {
    return this.page
      .getByRole('navigation', { name: this.t.supportNav, exact: true })
      .getByRole('link', { name: this.t.signalsNav, exact: true });
  }
  get list(): Locator {
    return this.page.getByRole('list', { name: this.t.inboxList, exact: true });
  }
  /** One signal (an article headed "Signaal: <category>"), found by what it says. */
  signal(text: string): Locator {
    return this.list.getByRole('article').filter({ hasText: text });
  }
  decisionForm(childName: string): Locator {
    return this.page.getByRole('form', { name: this.t.decisionForm(childName), exact: true });
  }
  get trajectoryLink(): Locator {
    return this.page.getByRole('link', { name: this.t.toTrajectory, exact: true });
  }

  /** From anywhere after login: main menu "Zorg & ondersteuning", then "Signalen". */
  async openFromMenu(): Promise<void> {
    await this.mainNavSupportLink.click();
    await this.signalsLink.click();
    await expect(this.heading).toBeVisible();
    await expect(this.list).toBeVisible();
  }

  /**
   * Decides "Hulp aangevraagd" on a signal: the kind of support, the organisation and (from that
   * organisation's professionals) the coordinator, by their labels. Leaves the form filled in,
   * unsubmitted, so the caller can look at it first; `submitDecision` sends it.
   */
  async requestSupport(
    signal: Locator,
    childName: string,
    request: { type: string; organisation: string; coordinator: string },
  ): Promise<Locator> {
    await signal.getByRole('button', { name: this.t.decide, exact: true }).click();
    const form = this.decisionForm(childName);
    await form.getByRole('radio', { name: this.t.decisionSupportRequested, exact: true }).check();
    await form.getByLabel(this.t.decisionType, { exact: true }).selectOption({ label: request.type });
    await form.getByLabel(this.t.decisionOrganisation, { exact: true }).selectOption({ label: request.organisation });
    const coordinator = form.getByLabel(this.t.decisionCoordinator, { exact: true });
    // The names arrive once the organisation is chosen (GET /organisations/{id}/professionals).
    await expect(coordinator.getByRole('option', { name: request.coordinator, exact: true })).toBeAttached();
    await coordinator.selectOption({ label: request.coordinator });
    return form;
  }

  async submitDecision(form: Locator, childName: string): Promise<void> {
    await form.getByRole('button', { name: this.t.decisionSubmit, exact: true }).click();
    await expect(this.page.getByText(this.t.decisionRequested(childName))).toBeVisible();
  }
}
