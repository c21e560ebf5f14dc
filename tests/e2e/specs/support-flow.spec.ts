import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { API_BASE_URL, classTeacherEmail, USERS, type DemoUser } from '../support/env';
import { TEXTS } from '../pages/texts';
import { ParentApp, ParentChildPage, ParentConsentsPage, ParentHomePage } from '../pages/parent-app';

const t = TEXTS.nl;
const PROVIDER = 'Zorgpartners Gooi (logopedie en jeugdhulp)';
const THERAPIST_NAME = 'Lisa Logopedie';
const LOGOPEDIE = t.trajectoryTypes.logopedie;

/**
 * Support inside the centre, from a worry to help, in the browser and through the screens of
 * each person in turn (one browser, logging out between them):
 *   1. the class teacher raises a signal about a child;
 *   2. the care coordinator turns it into a logopedie request at the care provider, with the
 *      speech therapist as coordinator; it waits for the parents' consent;
 *   3. the parent gives that consent (in the parent app, /ouder), and consent to share
 *      information with the class;
 *   4. the speech therapist (who sees the child as coordinator from then on) moves it to intake
 *      and active, adds a goal shared with the class, with a tip, and a note for the parents;
 *   5. the teacher sees the shared goal and the tip, not the note, not the trajectory;
 *   6. the parent reads the note, in the parent app (Mijn kind, Steun).
 * The child: the demo parent's OLDER child, who gets no support yet (no trajectory, no consent
 * for the care provider); the younger one already has speech therapy.
 */
test('a signal becomes speech therapy: consent, intake, a shared goal, a note, and who sees what', async ({
  api,
  request: http,
  page,
  loginPage,
  header,
  childPage,
  supportSection,
  signalInbox,
  board,
  trajectoryPage,
}, testInfo) => {
  test.slow(); // six log-ins and nine axe scans: more than the default 30 s on two cores
  const stamp = Date.now().toString(36); // texts of this run: nothing in the demo data matches them
  const signalText = `Is in de kring moeilijk te verstaan en zegt dan niets meer (e2e ${stamp}).`;
  const goalText = `Spreekt de s-klank goed uit in korte zinnen (e2e ${stamp}).`;
  const advice = `Laat haar eerst luisteren en dan nazeggen (e2e ${stamp}).`;
  const noteText = `Werkt goed mee; oefen thuis elke dag vijf minuten (e2e ${stamp}).`;

  // Set-up through the API (no screen shows "oldest child" or which teacher has which group):
  // the parent's older child, and the teacher of its group (leerkracht.groep<N>@…).
  const children = await api.children('parent');
  expect(children, 'the demo parent has two children').toHaveLength(2);
  const child = [...children].sort((a, b) => a.dateOfBirth.localeCompare(b.dateOfBirth))[0]!;
  const childName = `${child.givenName} ${child.familyName}`;
  const group = await api.group('careCoordinator', child.groupId!);
  expect(group.kind).toBe('school_class');
  const teacherEmail = classTeacherEmail(group.grade!);
  // No screen lists what someone cannot see: the API tells that the therapist does not see the child yet.
  expect((await api.children('speechTherapist')).map((c) => c.id)).not.toContain(child.id);

  let loggedIn: DemoUser | { email: string } | null = null;
  async function logInAs(who: DemoUser | { email: string }): Promise<void> {
    if (loggedIn) {
      // The parent app logs out on its account page; the staff screens in their header.
      if (loggedIn === 'parent') await new ParentApp(page).logout();
      else await header.logout.click();
      await expect(loginPage.loggedOutMessage).toBeVisible();
    }
    await loginPage.loginWithEmail(typeof who === 'string' ? USERS[who] : who.email);
    loggedIn = who;
  }
  const parentChild = new ParentChildPage(page);
  async function openChildAsParent(): Promise<void> {
    await new ParentHomePage(page).expectShown();
    await parentChild.goto(child.id);
    await parentChild.expectChild(child.givenName);
    await expect(parentChild.support).toBeVisible();
  }
  async function openChild(): Promise<void> {
    await childPage.goto(child.id);
    await childPage.expectChild(childName);
    await supportSection.open();
  }

  let trajectoryUrl = '';

  await test.step('1. the class teacher raises a signal about the child', async () => {
    await logInAs({ email: teacherEmail });
    await openChild();
    await expect(supportSection.plan).toHaveAttribute('data-view', 'daily_team');
    await expectNoSeriousA11yViolations(page, testInfo, 'child-support-teacher');
    await supportSection.raiseSignal(t.signalCategories.language_speech, signalText);
  });

  await test.step('2. the care coordinator requests speech therapy with the therapist as coordinator', async () => {
    await logInAs('careCoordinator');
    await signalInbox.openFromMenu();
    const signal = signalInbox.signal(signalText);
    await expect(signal).toContainText(childName);
    const form = await signalInbox.requestSupport(signal, childName, {
      type: LOGOPEDIE,
      organisation: PROVIDER,
      coordinator: THERAPIST_NAME,
    });
    await expectNoSeriousA11yViolations(page, testInfo, 'signal-decision');
    await signalInbox.submitDecision(form, childName);
    await signalInbox.trajectoryLink.click();

    await trajectoryPage.expectShown(LOGOPEDIE, childName);
    trajectoryUrl = page.url();
    await expect(trajectoryPage.status).toHaveAttribute('data-status', 'requested');
    await expect(trajectoryPage.coordinator).toHaveText(THERAPIST_NAME);
    // consentNeeded: the request waits for the parents' consent.
    await expect(trajectoryPage.consentNeeded).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo, 'trajectory-requested');
  });

  await test.step('3. the parent consents: speech therapy, and sharing information with the class', async () => {
    await logInAs('parent');
    await openChildAsParent();
    // Mijn kind, Steun: the request, waiting for the parent's consent.
    const request = parentChild.trajectory('logopedie', PROVIDER);
    await expect(request).toBeVisible();
    await expect(parentChild.consentNeeded(request, PROVIDER)).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo, 'child-support-parent-consent-needed');

    // Its link goes to Toestemming, where the request waits, explained, for a yes.
    await request.getByRole('link', { name: parentChild.t('parentChild.support.giveConsent'), exact: true }).click();
    const consents = new ParentConsentsPage(page);
    await consents.expectShown(child.givenName);
    const speechTherapy = consents.texts.purpose('trajectory', 'logopedie');
    await consents.give(PROVIDER, speechTherapy);
    await expect(consents.card(consents.inForce, PROVIDER, speechTherapy)).toBeVisible();
    await expect(consents.giveButton(PROVIDER, speechTherapy)).toHaveCount(0);

    // Sharing information with the class is a consent the parent app does not ask for (it offers
    // what waits: care team and trajectory consents, and consents given before): the parent
    // gives it through the API, as themselves.
    const token = await api.token('parent');
    const trajectories = (await (
      await http.get(`${API_BASE_URL}/children/${child.id}?expand=trajectories`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { embedded: { trajectories: { organisationId: string; organisationName: string }[] } };
    const provider = trajectories.embedded.trajectories.find((t) => t.organisationName === PROVIDER)!;
    const sharing = await http.post(`${API_BASE_URL}/children/${child.id}/consents`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { organisationId: provider.organisationId, purpose: 'information_sharing' },
    });
    expect(sharing.status(), await sharing.text()).toBe(201);
    await page.reload();
    await consents.expectShown(child.givenName);
    await expect(consents.card(consents.inForce, PROVIDER, consents.texts.purpose('information_sharing'))).toBeVisible();

    // Mijn kind follows: the request no longer waits for consent.
    await parentChild.goto(child.id);
    await parentChild.expectChild(child.givenName);
    await expect(request).toBeVisible();
    await expect(parentChild.consentNeeded(request, PROVIDER)).toHaveCount(0);
  });

  await test.step('4. the speech therapist: intake, active, a goal shared with the class, a note for the parents', async () => {
    await logInAs('speechTherapist');
    await board.openFromMenu();
    await expect(board.column(t.statuses.requested).getByRole('link', { name: t.boardCard(childName, LOGOPEDIE) })).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo, 'board-therapist');
    await board.cardLink(childName, LOGOPEDIE).click();
    await trajectoryPage.expectShown(LOGOPEDIE, childName);
    expect(page.url()).toBe(trajectoryUrl);
    await expect(trajectoryPage.consentNeeded).toHaveCount(0);

    await trajectoryPage.moveTo('intake');
    await trajectoryPage.moveTo('active');
    await trajectoryPage.addGoal(goalText, { advice });
    await trajectoryPage.addNote(noteText, { forGuardians: true });
    await expectNoSeriousA11yViolations(page, testInfo, 'trajectory-active-therapist');

    // As coordinator under the parents' consent she now sees the child itself.
    await trajectoryPage.childLink(childName).click();
    await childPage.expectChild(childName);
  });

  await test.step('5. the teacher sees the shared goal and the tip, not the note, not the trajectory', async () => {
    await logInAs({ email: teacherEmail });
    await openChild();
    await expect(supportSection.plan).toHaveAttribute('data-view', 'daily_team');
    const goal = supportSection.planGoals.filter({ hasText: goalText });
    await expect(goal).toBeVisible();
    await expect(goal).toContainText(advice);
    await expect(page.getByText(noteText)).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, testInfo, 'child-plan-teacher');
    // No screen links the daily team to the trajectory: open its address to see it is not there.
    await page.goto(trajectoryUrl);
    await expect(trajectoryPage.notFoundHeading).toBeVisible();
    await expect(page.getByText(noteText)).toHaveCount(0);
  });

  await test.step('6. the parent reads the note, with the goal, on the child’s support', async () => {
    await logInAs('parent');
    await openChildAsParent();
    const speech = parentChild.trajectory('logopedie', PROVIDER);
    await expect(speech).toContainText(parentChild.t('parentChild.support.statuses.active'));
    await expect(parentChild.notes(speech).filter({ hasText: noteText })).toBeVisible();
    await expect(parentChild.goals(speech).filter({ hasText: goalText })).toBeVisible();
    // Read only: no form to add a goal or write a note.
    await expect(page.getByRole('button', { name: t.goalSubmit, exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: t.noteSubmit, exact: true })).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, testInfo, 'child-plan-parent');

    // The staff trajectory page is not for a parent: its address leads back to the parent app.
    await page.goto(trajectoryUrl);
    await new ParentHomePage(page).expectShown();
    await expect(page.getByText(noteText)).toHaveCount(0);
  });
});
