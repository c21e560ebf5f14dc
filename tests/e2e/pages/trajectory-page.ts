import { expect, type Locator, type Page } from '@playwright/test';
import { TEXTS, type Language } from './texts';

type MovableStatus = keyof (typeof TEXTS)['nl']['transitionTo'];

/**
 * /zorg/trajecten/:trajectoryId: "<Soort hulp> voor <kind>" with the summary (status, coordinator,
 * "Toestemming nodig"), and for its team the status buttons, goals and notes with their forms. A
 * guardian reads it without the forms; anyone else gets "Traject niet gevonden".
 */
export class TrajectoryPage {
  constructor(
    readonly page: Page,
    readonly language: Language = 'nl',
  ) {}

  get t() {
    return TEXTS[this.language];
  }

  heading(type: string, childName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.trajectoryTitle(type, childName), exact: true });
  }
  get notFoundHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.trajectoryNotFound, exact: true });
  }
  /** The status in the summary; `data-status` holds the API's value. */
  get status(): Locator {
    return this.page.getByTestId('trajectory-status');
  }
  /** The warning that the guardians' trajectory consent is missing (`consentNeeded`). */
  get consentNeeded(): Locator {
    return this.page.getByRole('note').filter({ hasText: this.t.consentNeeded });
  }
  /** The value next to "Coördinator" in the summary. */
  get coordinator(): Locator {
    return this.page
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${this.t.coordinator}$`) })
      .locator('xpath=following-sibling::*[1]');
  }
  childLink(childName: string): Locator {
    return this.page.getByRole('link', { name: this.t.toChildPage(childName), exact: true });
  }
  get loading(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Bezig met laden' });
  }

  get goalForm(): Locator {
    return this.page.getByRole('form', { name: this.t.goalForm, exact: true });
  }
  get goals(): Locator {
    return this.page.getByRole('list', { name: this.t.goalsList, exact: true }).getByRole('listitem');
  }
  get noteForm(): Locator {
    return this.page.getByRole('form', { name: this.t.noteForm, exact: true });
  }
  get notes(): Locator {
    return this.page.getByRole('list', { name: this.t.notesList, exact: true }).getByRole('listitem');
  }

  async expectShown(type: string, childName: string): Promise<void> {
    await expect(this.heading(type, childName)).toBeVisible();
    await expect(this.status).toBeVisible();
    await expect(this.loading).toHaveCount(0);
  }

  /** "Naar intake" / "Naar actief", then "Ja, wijzig de status"; waits for the new status. */
  async moveTo(status: MovableStatus): Promise<void> {
    await this.page.getByRole('button', { name: this.t.transitionTo[status], exact: true }).click();
    await this.page.getByRole('button', { name: this.t.transitionConfirm, exact: true }).click();
    await expect(this.status).toHaveAttribute('data-status', status);
    await expect(this.status).toHaveText(this.t.statuses[status]);
  }

  /** Adds a goal; with `advice` it is shared with the daily team, the advice as the tip. */
  async addGoal(text: string, options: { advice?: string } = {}): Promise<void> {
    const form = this.goalForm;
    await form.getByLabel(this.t.goalText, { exact: true }).fill(text);
    if (options.advice !== undefined) {
      await form.getByRole('checkbox', { name: this.t.goalShare, exact: true }).check();
      await form.getByLabel(this.t.goalAdvice, { exact: true }).fill(options.advice);
    }
    await form.getByRole('button', { name: this.t.goalSubmit, exact: true }).click();
    await expect(this.goals.filter({ hasText: text })).toBeVisible();
  }

  /** Writes a note ("Notitie"); `forGuardians` makes it readable by the parents with authority. */
  async addNote(text: string, options: { forGuardians: boolean }): Promise<void> {
    const form = this.noteForm;
    if (options.forGuardians) {
      await form.getByLabel(this.t.noteVisibility, { exact: true }).selectOption({ label: this.t.noteForGuardians });
    }
    await form.getByLabel(this.t.noteText, { exact: true }).fill(text);
    await form.getByRole('button', { name: this.t.noteSubmit, exact: true }).click();
    await expect(this.notes.filter({ hasText: text })).toBeVisible();
  }
}
