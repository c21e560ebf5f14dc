import { expect, type Locator, type Page } from '@playwright/test';
import { TEXTS, type Language } from './texts';

/**
 * "Zorg & ondersteuning" on the child page. It loads when opened ("Bekijk zorg en
 * ondersteuning"): the one plan (what it holds depends on the reader: `data-view` is `team`,
 * `guardian` or `daily_team`), the child's trajectories, the signals, and for professionals the
 * form to raise a signal.
 */
export class ChildSupportSection {
  constructor(
    readonly page: Page,
    readonly language: Language = 'nl',
  ) {}

  get t() {
    return TEXTS[this.language];
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: this.t.supportTitle, exact: true });
  }
  get openButton(): Locator {
    return this.section.getByRole('button', { name: this.t.supportOpen, exact: true });
  }
  get message(): Locator {
    return this.section.getByTestId('child-support-message');
  }
  get loading(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Bezig met laden' });
  }

  /** The plan; its `data-view` says which reader's view the server gave. */
  get plan(): Locator {
    return this.section.getByRole('region', { name: this.t.plan, exact: true });
  }
  get planGoals(): Locator {
    return this.plan.getByRole('list', { name: this.t.planGoals, exact: true }).getByRole('listitem');
  }
  /** "Berichten voor u": the notes meant for guardians (the guardian's view only). */
  get planNotes(): Locator {
    return this.plan.getByRole('list', { name: this.t.planNotes, exact: true }).getByRole('listitem');
  }
  get trajectories(): Locator {
    return this.section.getByRole('list', { name: this.t.childTrajectories, exact: true }).getByRole('listitem');
  }
  /** One trajectory in the list, e.g. "Logopedie door Zorgpartners Gooi (…)". */
  trajectory(type: string, organisation: string): Locator {
    return this.trajectories.filter({ hasText: `${type} door ${organisation}` });
  }

  get signalForm(): Locator {
    return this.section.getByRole('form', { name: this.t.signalForm, exact: true });
  }

  /** Opens the section and waits until the plan has loaded. */
  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.plan).toBeVisible();
    await expect(this.loading).toHaveCount(0);
  }

  /** A professional raises a signal: a category (its label) and what they see. */
  async raiseSignal(category: string, description: string): Promise<void> {
    const form = this.signalForm;
    await form.getByLabel(this.t.signalCategory, { exact: true }).selectOption({ label: category });
    await form.getByLabel(this.t.signalDescription, { exact: true }).fill(description);
    await form.getByRole('button', { name: this.t.signalSubmit, exact: true }).click();
    await expect(this.message).toHaveText(this.t.signalSent);
  }
}
