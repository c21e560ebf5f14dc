import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { activity, drawing, DRAWING_ID, enrolmentConflict, football, FOOTBALL_ID } from '@/features/activities/testing/fixtures';
import type { ActivityRead } from '@/features/activities/types';
import { enrolment, home, NOOR_ID, parentChildApi, SAM_ID, sent } from '@/features/parent-child/testing/fixtures';
import { renderChildScreen } from '@/features/parent-child/testing/render';
import { json } from '@/test/utils';

const PATH = `/ouder/kinderen/${NOOR_ID}/activiteiten`;
const TODDLERS_ID = '10000000-0000-4000-8000-000000000003';
const toddlers = activity({ id: TODDLERS_ID, title: 'Peuterdans', minAge: 2, maxAge: 4, organisationName: 'Dansschool Gooi' });

/** The catalogue in memory: enrolling and cancelling change what the next GET /activities answers. */
function catalogueApi(start: ActivityRead[]) {
  let list = start;
  return parentChildApi({
    activities: () => list,
    write: async (request) => {
      const path = new URL(request.url).pathname.replace('/api/v1', '');
      const enrol = /^\/activities\/([\w-]+)\/enrolments$/.exec(path);
      if (enrol) {
        const { childId } = (await request.json()) as { childId: string };
        const target = list.find((a) => a.id === enrol[1])!;
        const full = target.placesLeft === 0;
        const made = enrolment({
          activityId: target.id,
          activityTitle: target.title,
          childId,
          childName: 'Noor Jansen',
          status: full ? 'waitlisted' : 'enrolled',
          position: full ? 4 : null,
        });
        list = list.map((a) => (a.id === target.id ? { ...a, myEnrolments: [...(a.myEnrolments ?? []), made] } : a));
        return json(made, { status: 201 });
      }
      const cancel = /^\/activities\/([\w-]+)\/enrolments\/([\w-]+)\/cancellation$/.exec(path);
      if (cancel) {
        list = list.map((a) => ({ ...a, myEnrolments: (a.myEnrolments ?? []).filter((e) => e.id !== cancel[2]) }));
        return json(enrolment({ id: cancel[2]!, status: 'cancelled' }));
      }
      return undefined;
    },
  });
}

describe('Activiteiten for one child', () => {
  it("shows what this child takes part in and the other activities for its age, from one request", async () => {
    const { requests } = catalogueApi([
      // Sam's enrolment in Voetbal is not Noor's: Voetbal is open to Noor.
      { ...football, myEnrolments: [enrolment({ childId: SAM_ID, childName: 'Sam Jansen' })] },
      {
        ...drawing,
        myEnrolments: [enrolment({ activityId: DRAWING_ID, activityTitle: drawing.title, childId: NOOR_ID, childName: 'Noor Jansen', status: 'waitlisted', position: 2, enrolledAt: null })],
      },
      toddlers,
    ]);
    renderChildScreen(PATH);

    expect(await screen.findByRole('heading', { level: 1, name: 'Activiteiten voor Noor' })).toBeInTheDocument();
    const taking = await screen.findByTestId('child-taking');
    const [mine] = await within(taking).findAllByTestId('child-activity');
    expect(mine).toHaveAttribute('data-activity-id', DRAWING_ID);
    expect(within(mine!).getByTestId('child-enrolment-status')).toHaveTextContent('Noor staat op de wachtlijst, plaats 2.');
    expect(within(mine!).getByRole('button', { name: /^Uitschrijven/ })).toBeInTheDocument();

    const open = screen.getByTestId('child-open');
    expect(open).toHaveTextContent('Voor kinderen van 9 jaar, zoals Noor.');
    // Voetbal (8 to 12) fits Noor (9); Peuterdans (2 to 4) does not.
    expect(within(open).getAllByTestId('open-activity').map((el) => el.dataset.activityId)).toEqual([FOOTBALL_ID]);
    expect(screen.queryByText('Peuterdans')).not.toBeInTheDocument();

    const reads = sent(requests, /^\/activities$/, 'GET').map((r) => Object.fromEntries(new URL(r.url).searchParams));
    expect(reads).toEqual([{ expand: 'myEnrolments' }]);
    expect(sent(requests, /^\/children/, 'GET')).toHaveLength(0);
  });

  it('enrols the child after asking, and moves the activity to what it takes part in', async () => {
    const { requests } = catalogueApi([football]);
    const user = userEvent.setup();
    renderChildScreen(PATH);

    const open = await screen.findByTestId('child-open');
    const card = await within(open).findByTestId('open-activity');
    await user.click(within(card).getByRole('button', { name: 'Inschrijven voor Voetbal' }));
    const confirm = within(card).getByTestId('enrol-confirm');
    expect(confirm).toHaveTextContent('Wilt u Noor Jansen inschrijven voor Voetbal?');
    expect(sent(requests, /\/enrolments$/, 'POST')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Ja, inschrijven' }));

    const status = screen.getByTestId('activities-status');
    await waitFor(() => expect(status).toHaveTextContent('Ingeschreven'));
    expect(status).toHaveTextContent('Noor Jansen doet mee met Voetbal.');
    expect(status).toHaveFocus();
    const [post] = sent(requests, /\/enrolments$/, 'POST');
    expect(new URL(post!.url).pathname).toBe(`/api/v1/activities/${FOOTBALL_ID}/enrolments`);
    expect(await post!.json()).toEqual({ childId: NOOR_ID });
    // The catalogue is asked again: Voetbal is now among what Noor takes part in.
    await waitFor(() =>
      expect(within(screen.getByTestId('child-taking')).getByTestId('child-enrolment-status')).toHaveTextContent('Noor doet mee.'),
    );
    expect(within(screen.getByTestId('child-open')).queryByTestId('open-activity')).not.toBeInTheDocument();
  });

  it('says in plain words why the child was not enrolled', async () => {
    parentChildApi({
      activities: () => [football],
      write: () => enrolmentConflict('enrolmentClosed'),
    });
    const user = userEvent.setup();
    renderChildScreen(PATH);
    const card = await screen.findByTestId('open-activity');
    await user.click(within(card).getByRole('button', { name: 'Inschrijven voor Voetbal' }));
    await user.click(within(card).getByRole('button', { name: 'Ja, inschrijven' }));
    expect(await within(card).findByTestId('enrol-problem')).toHaveTextContent(
      'Inschrijven kan nu niet. De inschrijving voor Voetbal is gesloten.',
    );
  });

  it('shows a guardian without parental authority the activities, but no enrolling, and says why', async () => {
    parentChildApi({
      home: home([{ hasParentalAuthority: false }, {}]),
      activities: () => [
        { ...football, myEnrolments: [enrolment({ childId: NOOR_ID, childName: 'Noor Jansen' })] },
        { ...drawing, myEnrolments: [] },
      ],
    });
    renderChildScreen(PATH);
    expect(await screen.findByTestId('no-authority')).toHaveTextContent('U kunt Noor niet in- of uitschrijven.');
    expect(await screen.findByTestId('child-activity')).toHaveTextContent('Noor doet mee.');
    expect(screen.getByTestId('open-activity')).toHaveTextContent('Tekenen en schilderen');
    expect(screen.queryByRole('button', { name: /Inschrijven|Uitschrijven/ })).not.toBeInTheDocument();
  });
});
