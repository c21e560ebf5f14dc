import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { escapeRegExp, LANGUAGE_NAMES, ParentTexts, type ParentLanguage } from './parent-texts';

type NavItem = 'home' | 'messages' | 'child' | 'announcements' | 'activities' | 'absence' | 'talks' | 'account';
/** The links of the main navigation behind "Meer". */
const MORE_ITEMS: readonly NavItem[] = ['activities', 'absence', 'talks', 'account'];

/**
 * The parent app (/ouder, issue 10): its frame and its screens, in any of its six languages.
 * Selected by role and accessible name, the names read from the SPA's locale files
 * (parent-texts.ts); a few lists the app marks with a test id where it has no name of its own.
 *
 * The frame: a compact header (the brand, notifications, "Account"), for a screen about one
 * child the child switcher ("Kies een kind"), and the main navigation at the bottom of a phone's
 * screen, one row of five ("Overzicht", "Berichten", "Mijn kind", "Mededelingen", and "Meer"
 * with "Activiteiten", "Ziek melden", "Gesprekken" and "Account").
 */
export class ParentApp {
  readonly texts: ParentTexts;

  constructor(
    readonly page: Page,
    readonly language: ParentLanguage = 'nl',
  ) {
    this.texts = new ParentTexts(language);
  }

  t(key: string, values?: Record<string, string | number>): string {
    return this.texts.t(key, values);
  }

  get html(): Locator {
    return this.page.locator('html');
  }
  /** "Bezig met laden…" on any part of the screen. */
  get loading(): Locator {
    return this.page.getByRole('status').filter({ hasText: this.t('app.loading') });
  }
  /** Nothing is loading any more (call once the screen's own content is visible). */
  async expectSettled(): Promise<void> {
    await expect(this.loading).toHaveCount(0);
  }
  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  // -- the frame --------------------------------------------------------------------------

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: this.t('parent.nav.label'), exact: true });
  }
  /** The items of the bar itself (not those behind "Meer"). */
  get navItems(): Locator {
    return this.nav.locator('.kc-parent-nav__list > li');
  }
  /** "Meer": a button that shows and hides the links below it. */
  get moreButton(): Locator {
    return this.nav.getByRole('button', { name: this.t('parent.nav.more'), exact: true });
  }
  navLink(which: NavItem): Locator {
    return this.nav.getByRole('link', { name: this.t(`parent.nav.${which}`), exact: true });
  }
  /** Follows a link of the main navigation, opening "Meer" first for the links behind it. */
  async navigate(which: NavItem): Promise<void> {
    if (MORE_ITEMS.includes(which) && (await this.moreButton.getAttribute('aria-expanded')) !== 'true') {
      await this.moreButton.click();
    }
    await this.navLink(which).click();
  }
  get accountLink(): Locator {
    return this.page.getByRole('banner').getByRole('link', { name: this.t('parent.nav.account'), exact: true });
  }
  /** "Kies een kind": shown on a screen about one child when the parent has two or more. */
  get switcher(): Locator {
    return this.page.getByRole('navigation', { name: this.t('parent.switcher.label'), exact: true });
  }
  /** The switcher's link to a child, named by its given name (the badge is decorative). */
  switchLink(givenName: string): Locator {
    return this.switcher.getByRole('link', { name: givenName, exact: true });
  }

  /** Logs out from the account page (the parent app has no "Uitloggen" in its header). */
  async logout(): Promise<void> {
    const account = new ParentAccountPage(this.page, this.language);
    await account.goto();
    await account.logoutButton.click();
    await expect(this.page).toHaveURL(/\/login(\?|$)/);
  }
}

/** /ouder: each child with today's day, what needs the parent, the contact person. */
export class ParentHomePage extends ParentApp {
  get title(): Locator {
    return this.heading(this.t('parent.home.title'));
  }
  async goto(): Promise<void> {
    await this.page.goto('/ouder');
    await this.expectShown();
  }
  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/ouder$/);
    await expect(this.title).toBeVisible();
    await expect(this.childCards.first()).toBeVisible();
    await this.expectSettled();
  }
  /** One card (article) per child, named by the child's full name. */
  get childCards(): Locator {
    return this.page.getByRole('main').getByRole('article');
  }
  childCard(fullName: string): Locator {
    return this.page.getByRole('article', { name: fullName, exact: true });
  }
  childLink(givenName: string): Locator {
    return this.page.getByRole('link', { name: this.t('parent.home.childLink', { name: givenName }), exact: true });
  }
  /** Said on a child's card to a guardian without parental authority. */
  noAuthority(givenName: string): Locator {
    return this.page.getByText(this.t('parent.authority.none', { name: givenName }), { exact: true });
  }
}

/** /ouder/kinderen/:childId, "Mijn kind": today, who is around, support (Steun), activities, links. */
export class ParentChildPage extends ParentApp {
  async goto(childId: string): Promise<void> {
    await this.page.goto(`/ouder/kinderen/${childId}`);
  }
  /** The heading is the child's given name, after its badge. */
  async expectChild(givenName: string): Promise<void> {
    await expect(this.heading(givenName)).toBeVisible();
    await expect(this.people(givenName)).toBeVisible();
    await this.expectSettled();
  }
  get today(): Locator {
    return this.page.getByRole('region', { name: this.t('parentChild.today'), exact: true });
  }
  /** The day as an ordered list ("De dag van …, op volgorde van tijd"), one item per part. */
  dayEntries(scope: Locator = this.today): Locator {
    return scope.getByRole('list').first().getByRole('listitem');
  }
  people(givenName: string): Locator {
    return this.page.getByRole('region', { name: this.t('parentChild.people.title', { name: givenName }), exact: true });
  }
  get careTeam(): Locator {
    return this.page.getByRole('list', { name: this.t('parentChild.people.careTitle'), exact: true });
  }
  get careTeamHeading(): Locator {
    return this.page.getByRole('heading', { name: this.t('parentChild.people.careTitle'), exact: true });
  }
  get support(): Locator {
    return this.page.getByRole('region', { name: this.t('parentChild.support.title'), exact: true });
  }
  /** One trajectory under "Steun", by its heading ("Logopedie bij Zorgpartners Gooi …"). */
  trajectory(type: string, organisation: string): Locator {
    const title = this.t('parentChild.support.line', { type: this.t(`consents.trajectoryTypes.${type}`), organisation });
    return this.support
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }
  /** The notes meant for the guardians under a trajectory, newest first. */
  notes(trajectory: Locator): Locator {
    return trajectory.getByTestId('support-note');
  }
  goals(trajectory: Locator): Locator {
    return trajectory.getByTestId('support-goal');
  }
  /** "Deze hulp begint pas als u toestemming geeft aan …". */
  consentNeeded(trajectory: Locator, organisation: string): Locator {
    return trajectory.getByText(this.t('parentChild.support.consentNeeded', { organisation }));
  }
  /** "Deze tekst is in het Nederlands", in the reader's language, next to a staff text. */
  get writtenInDutch(): Locator {
    return this.page.getByText(this.t('parentChild.writtenInDutch'), { exact: true });
  }
  /** "Waarom ziet u dit niet?": a guardian without parental authority is told why. */
  get noAuthority(): Locator {
    return this.page
      .getByTestId('no-authority')
      .filter({ has: this.page.getByRole('heading', { name: this.t('parentChild.noAuthority.title'), exact: true }) });
  }
  /** "Meer over Sem": the ways on to consent, the access log, absence, activities, my data. */
  links(givenName: string): Locator {
    return this.page.getByRole('navigation', { name: this.t('parentChild.links.title', { name: givenName }), exact: true });
  }
  link(givenName: string, key: 'consents' | 'accessLog' | 'absence' | 'activities' | 'myData'): Locator {
    return this.links(givenName).getByRole('link', { name: this.t(`parentChild.links.${key}`), exact: true });
  }
}

/** …/toestemming: what waits for consent, the consents in force ("Intrekken"), the past ones. */
export class ParentConsentsPage extends ParentApp {
  async goto(childId: string): Promise<void> {
    await this.page.goto(`/ouder/kinderen/${childId}/toestemming`);
  }
  async expectShown(givenName: string): Promise<void> {
    await expect(this.heading(this.t('parentChild.consents.title', { name: givenName }))).toBeVisible();
    await this.expectSettled();
  }
  get inForce(): Locator {
    return this.page.getByRole('region', { name: this.t('parentChild.consents.givenTitle'), exact: true });
  }
  get past(): Locator {
    return this.page.getByRole('region', { name: this.t('parentChild.consents.pastTitle'), exact: true });
  }
  /** A card in a section, by its organisation (heading) and what it is for. */
  card(section: Locator, organisation: string, what: string): Locator {
    return section
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: organisation, exact: true }) })
      .filter({ has: this.page.getByText(what, { exact: true }) });
  }
  /** "Intrekken: <organisation>, <what>" (the part after the colon is for screen readers only). */
  withdrawButton(organisation: string, what: string): Locator {
    const name = `^${escapeRegExp(this.t('parentChild.consents.withdraw'))}\\s*: ${escapeRegExp(`${organisation}, ${what}`)}$`;
    return this.page.getByRole('button', { name: new RegExp(name) });
  }
  get status(): Locator {
    return this.page.getByTestId('consents-status');
  }
  /** "Ja, ik geef toestemming: <organisation>, <what>" on a card that waits for consent. */
  giveButton(organisation: string, what: string): Locator {
    const name = `^${escapeRegExp(this.t('parentChild.consents.give'))}\\s*: ${escapeRegExp(`${organisation}, ${what}`)}$`;
    return this.page.getByRole('button', { name: new RegExp(name) });
  }

  /** Gives a consent that waits (explained on its card); waits for the message. */
  async give(organisation: string, what: string): Promise<void> {
    await this.giveButton(organisation, what).click();
    await expect(this.status).toHaveText(this.t('parentChild.consents.givenMessage', { organisation, what }));
  }

  /** "Intrekken", then the question naming what changes, then "Ja, intrekken"; waits for the message. */
  async withdraw(organisation: string, what: string): Promise<void> {
    await this.withdrawButton(organisation, what).click();
    const question = this.t('parentChild.consents.withdrawQuestion', { organisation, what });
    const confirm = this.page.getByRole('group', { name: question, exact: true });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: this.t('parentChild.consents.withdrawConfirm'), exact: true }).click();
    await expect(this.status).toHaveText(this.t('parentChild.consents.withdrawnMessage', { organisation, what }));
  }
}

/** …/bekeken: "wie heeft het dossier bekeken", one line per visit, newest first. */
export class ParentAccessLogPage extends ParentApp {
  async goto(childId: string): Promise<void> {
    await this.page.goto(`/ouder/kinderen/${childId}/bekeken`);
  }
  async expectShown(givenName: string): Promise<void> {
    await expect(this.heading(this.t('parentChild.visits.title', { name: givenName }))).toBeVisible();
    await expect(this.visitList(givenName)).toBeVisible();
    await this.expectSettled();
  }
  visitList(givenName: string): Locator {
    return this.page.getByRole('list', { name: this.t('parentChild.visits.listLabel', { name: givenName }), exact: true });
  }
  visits(givenName: string): Locator {
    return this.visitList(givenName).getByRole('listitem');
  }
  /** "Bekeek de gegevens van uw kind, het zorgteam en …": the parts of one visit in plain words. */
  resource(name: string): string {
    return this.t(`parentChild.visits.resources.${name}`);
  }
}

/** …/afmelden: report the child ill or absent; the absences from today on, with "Intrekken". */
export class ParentSupportRequestPage extends ParentApp {
  async goto(childId: string): Promise<void> {
    await this.page.goto(`/ouder/kinderen/${childId}/hulp-vragen`);
  }
  async expectShown(givenName: string): Promise<void> {
    await expect(this.heading(this.t('parentChild.supportRequest.title', { name: givenName }))).toBeVisible();
    await this.expectSettled();
  }
  get question(): Locator {
    return this.page.getByLabel(this.t('parentChild.supportRequest.label'), { exact: true });
  }
}

export class ParentAbsencePage extends ParentApp {
  async goto(childId: string): Promise<void> {
    await this.page.goto(`/ouder/kinderen/${childId}/afmelden`);
  }
  async expectShown(givenName: string): Promise<void> {
    await expect(this.heading(this.t('parentChild.absence.title', { name: givenName }))).toBeVisible();
    await this.expectSettled();
  }
  get from(): Locator {
    return this.page.getByLabel(this.t('absence.form.from'), { exact: true });
  }
  get to(): Locator {
    return this.page.getByLabel(this.t('absence.form.to'), { exact: true });
  }
  /** A reason's radio: its name is the reason and its one-line help. */
  reason(reason: 'ill' | 'appointment' | 'other'): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(this.t(`absence.form.reasons.${reason}`))}`) });
  }
  get submit(): Locator {
    return this.page.getByRole('button', { name: this.t('absence.form.submit'), exact: true });
  }
  doneHeading(givenName: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: this.t('parentChild.absence.doneTitle', { name: givenName }), exact: true });
  }
  get coming(): Locator {
    return this.page.getByRole('region', { name: this.t('parentChild.absence.comingTitle'), exact: true });
  }
  get comingItems(): Locator {
    return this.coming.getByRole('listitem');
  }

  /** Fills in one day (YYYY-MM-DD) and a reason, and sends it; waits for the confirmation. */
  async report(givenName: string, day: string, reason: 'ill' | 'appointment' | 'other'): Promise<void> {
    await this.from.fill(day);
    await this.to.fill(day);
    await this.reason(reason).check();
    await this.submit.click();
    await expect(this.doneHeading(givenName)).toBeVisible();
  }
}

/** …/activiteiten: what the child takes part in, and the other activities for its age. */
export class ParentActivitiesPage extends ParentApp {
  async goto(childId: string): Promise<void> {
    await this.page.goto(`/ouder/kinderen/${childId}/activiteiten`);
  }
  async expectShown(givenName: string): Promise<void> {
    await expect(this.heading(this.t('parentChild.activities.title', { name: givenName }))).toBeVisible();
    await expect(this.taking(givenName)).toBeVisible();
    await this.expectSettled();
  }
  taking(givenName: string): Locator {
    return this.page.getByRole('region', { name: this.t('parentChild.activities.takingTitle', { name: givenName }), exact: true });
  }
  open(givenName: string): Locator {
    return this.page.getByRole('region', { name: this.t('parentChild.activities.openTitle', { name: givenName }), exact: true });
  }
  /** An activity's card in a section, by its title (a heading). */
  activity(section: Locator, title: string): Locator {
    return section.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }
  get status(): Locator {
    return this.page.getByTestId('activities-status');
  }

  /** "Inschrijven voor …", then "Wilt u … inschrijven voor …?" and "Ja, inschrijven". */
  async enrol(givenName: string, fullName: string, title: string): Promise<void> {
    const card = this.activity(this.open(givenName), title);
    // "Inschrijven", then "voor <title>" for screen readers only.
    const start = `^${escapeRegExp(this.t('activities.enrol.start'))}\\s+${escapeRegExp(this.t('activities.enrol.startFor', { activity: title }))}$`;
    await card.getByRole('button', { name: new RegExp(start) }).click();
    const confirm = card.getByRole('group', {
      name: this.t('parentChild.activities.enrolQuestion', { name: fullName, activity: title }),
      exact: true,
    });
    await confirm.getByRole('button', { name: this.t('parentChild.activities.enrolConfirm'), exact: true }).click();
  }
}

/** …/gegevens, "Mijn gegevens": the AVG export, prepared in the background, then two downloads. */
export class ParentExportPage extends ParentApp {
  async goto(childId: string): Promise<void> {
    await this.page.goto(`/ouder/kinderen/${childId}/gegevens`);
  }
  async expectShown(givenName: string): Promise<void> {
    await expect(this.heading(this.t('parent.export.title', { name: givenName }))).toBeVisible();
    await expect(this.start(givenName)).toBeVisible();
  }
  start(givenName: string): Locator {
    return this.page.getByRole('button', { name: this.t('parent.export.start', { name: givenName }), exact: true });
  }
  ready(givenName: string): Locator {
    return this.page.getByRole('status').filter({ hasText: this.t('parent.export.ready', { name: givenName }) });
  }
  get downloadJsonButton(): Locator {
    return this.page.getByRole('button', { name: this.t('parent.export.downloadJson'), exact: true });
  }
  get downloadHtmlButton(): Locator {
    return this.page.getByRole('button', { name: this.t('parent.export.downloadHtml'), exact: true });
  }
  /** Said when the export holds no care data (a guardian without parental authority). */
  noCareData(givenName: string): Locator {
    return this.page.getByText(this.t('parent.export.noAuthority', { name: givenName }), { exact: true });
  }

  /** Asks for the export and waits until the server has prepared it (progress, then "klaar"). */
  async prepare(givenName: string): Promise<void> {
    await this.start(givenName).click();
    await expect(this.ready(givenName)).toBeVisible({ timeout: 20_000 });
  }

  /** Downloads the JSON file and returns it parsed, with the file name the browser was given. */
  async downloadJson(): Promise<{ download: Download; data: ExportFile }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.downloadJsonButton.click()]);
    const path = await download.path();
    const data = JSON.parse(await readFile(path, 'utf8')) as ExportFile;
    await expect(this.page.getByText(this.t('parent.export.downloaded'), { exact: true }).first()).toBeVisible();
    return { download, data };
  }
}

/** The parts of the export file (GET /data-exports/{id}/content?format=json) the tests read. */
export type ExportFile = {
  kind: string;
  careDataIncluded: boolean;
  child: { id: string; givenName: string; familyName: string };
  file: {
    trajectories?: { id: string; type: string; status: string }[];
    plan?: { notes?: { text: string }[] } | null;
    careTeam?: unknown[];
    consents?: unknown[];
  };
  me: unknown;
};

/** /ouder/account: the language (six, each named in itself), password, two-factor, logging out. */
export class ParentAccountPage extends ParentApp {
  async goto(): Promise<void> {
    await this.page.goto('/ouder/account');
    await this.expectShown();
  }
  async expectShown(): Promise<void> {
    await expect(this.heading(this.t('parent.account.title'))).toBeVisible();
    await expect(this.languageSwitch).toBeVisible();
  }
  get languageSwitch(): Locator {
    return this.page.getByRole('main').getByRole('group', { name: this.t('language.label'), exact: true });
  }
  languageButton(language: ParentLanguage): Locator {
    return this.languageSwitch.getByRole('button', { name: LANGUAGE_NAMES[language], exact: true });
  }
  get logoutButton(): Locator {
    return this.page.getByRole('main').getByRole('button', { name: this.t('parent.account.logout'), exact: true });
  }
  dataLink(givenName: string): Locator {
    return this.page.getByRole('link', { name: this.t('parent.account.dataLink', { name: givenName }), exact: true });
  }

  /** Switches the app's language; the page then speaks it (its heading in that language). */
  async chooseLanguage(language: ParentLanguage): Promise<ParentAccountPage> {
    await this.languageButton(language).click();
    const next = new ParentAccountPage(this.page, language);
    await expect(next.heading(next.t('parent.account.title'))).toBeVisible();
    await expect(next.languageButton(language)).toHaveAttribute('aria-pressed', 'true');
    return next;
  }
}
