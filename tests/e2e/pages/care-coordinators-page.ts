import { expect, type Locator, type Page } from '@playwright/test';
import { TEXTS, type Language } from './texts';

/**
 * /zorg/intern-begeleiders ("Intern begeleiders"): for a centre administrator, per centre the
 * table "Intern begeleiders van <centrum>" with "Verwijder" (asked twice: "Ja, verwijderen" /
 * "Nee, laten staan") and the form "Intern begeleider toevoegen" (organisation, then one of its
 * professionals). Anyone else gets a sentence that the page is for centre administrators.
 */
export class CareCoordinatorsPage {
  constructor(
    readonly page: Page,
    readonly language: Language = 'nl',
  ) {}

  get t() {
    return TEXTS[this.language];
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.careCoordinatorsTitle, exact: true });
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
      .getByRole('link', { name: this.t.careCoordinatorsNav, exact: true });
  }
  get onlyAdminsNote(): Locator {
    return this.page.getByText(this.t.careCoordinatorsOnlyAdmins, { exact: true });
  }
  get loading(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Bezig met laden' });
  }
  table(centre: string): Locator {
    return this.page.getByRole('table', { name: this.t.careCoordinatorsTable(centre), exact: true });
  }
  /** The rows of the table with a care coordinator (not the header row). */
  coordinatorRows(centre: string): Locator {
    return this.table(centre).getByRole('row').filter({ has: this.page.getByRole('cell') });
  }
  row(centre: string, name: string): Locator {
    return this.table(centre).getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }
  removeButton(name: string): Locator {
    return this.page.getByRole('button', { name: this.t.careCoordinatorRemove(name), exact: true });
  }
  /** The confirm step: a group named by its question. */
  confirmGroup(name: string, centre: string): Locator {
    return this.page.getByRole('group', { name: this.t.careCoordinatorRemoveQuestion(name, centre), exact: true });
  }
  get addForm(): Locator {
    return this.page.getByRole('form', { name: this.t.careCoordinatorAddForm, exact: true });
  }
  get organisation(): Locator {
    return this.addForm.getByLabel(this.t.careCoordinatorOrganisation, { exact: true });
  }
  get professional(): Locator {
    return this.addForm.getByLabel(this.t.careCoordinatorProfessional, { exact: true });
  }
  get addSubmit(): Locator {
    return this.addForm.getByRole('button', { name: this.t.careCoordinatorAddSubmit, exact: true });
  }
  message(text: string): Locator {
    return this.page.getByText(text, { exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/zorg/intern-begeleiders');
    await expect(this.heading).toBeVisible();
  }

  /** From anywhere after login: main menu "Zorg & ondersteuning", then "Intern begeleiders". */
  async openFromMenu(centre: string): Promise<void> {
    await this.mainNavSupportLink.click();
    await this.navLink.click();
    await expect(this.heading).toBeVisible();
    await expect(this.table(centre)).toBeVisible();
    await expect(this.addForm).toBeVisible();
    await expect(this.loading).toHaveCount(0);
  }

  /**
   * Chooses the organisation and waits until its professionals are offered (they load once it is
   * chosen). Returns the professional select's options, without the "Kies een medewerker" one.
   */
  async chooseOrganisation(organisation: string): Promise<Locator> {
    await this.organisation.selectOption({ label: organisation });
    const options = this.professional.getByRole('option').filter({ hasNotText: this.t.careCoordinatorChooseProfessional });
    await expect(options.first()).toBeAttached();
    return options;
  }

  /** Adds one of the chosen organisation's professionals; waits for the message and the row. */
  async add(centre: string, organisation: string, name: string): Promise<void> {
    await this.chooseOrganisation(organisation);
    await this.professional.selectOption({ label: name });
    await this.addSubmit.click();
    await expect(this.message(this.t.careCoordinatorAdded(name, centre))).toBeVisible();
    await expect(this.row(centre, name)).toBeVisible();
  }

  /** "Verwijder <naam> als intern begeleider": the confirm step opens; returns it. */
  async askRemove(name: string, centre: string): Promise<Locator> {
    await this.removeButton(name).click();
    const group = this.confirmGroup(name, centre);
    await expect(group).toBeVisible();
    return group;
  }

  /** "Verwijder", then "Ja, verwijderen"; waits for the message and the row to be gone. */
  async remove(centre: string, name: string): Promise<void> {
    const group = await this.askRemove(name, centre);
    await group.getByRole('button', { name: this.t.careCoordinatorRemoveConfirm, exact: true }).click();
    await expect(this.message(this.t.careCoordinatorRemoved(name, centre))).toBeVisible();
    await expect(this.row(centre, name)).toHaveCount(0);
  }
}
