import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { absence, dayApi, invalidField, NOAH, parent, teacherParent } from '@/features/day/testing/fixtures';
import { addDays, todayInZone } from '@/features/rooms/utils/time';
import { renderRoutes, setupApi } from '@/test/utils';

const PATH = `/children/${NOAH}/afmelden`;
const posts = (requests: Request[]) => requests.filter((r) => r.method === 'POST');

async function fillDates(user: ReturnType<typeof userEvent.setup>, from: string, to?: string) {
  const first = screen.getByLabelText('Eerste dag');
  await user.clear(first);
  await user.type(first, from);
  if (to) {
    const last = screen.getByLabelText('Laatste dag');
    await user.clear(last);
    await user.type(last, to);
  }
}

/*
 * The staff screen /children/:id/afmelden, for a guardian who also works at an organisation (a
 * teacher who is a parent keeps the staff screens). A parent without a job reports in the parent
 * app, with the same form: features/parent-child/components/absence-screen.test.tsx.
 */
describe('the absence form', () => {
  it('reports from today for one day by default, with the reason chosen, and confirms in plain words', async () => {
    const { requests } = dayApi({ me: teacherParent });
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: PATH, store: setupApi() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Ziek of afwezig melden' })).toBeInTheDocument();
    // The title is set in an effect after the first paint: wait for it, do not race it.
    await waitFor(() => expect(document.title).toBe('Ziek of afwezig melden – KindCentraal'));
    const today = todayInZone();
    expect(screen.getByLabelText('Eerste dag')).toHaveValue(today);
    expect(screen.getByLabelText('Laatste dag')).toHaveValue(today);
    const reasons = screen.getByRole('group', { name: 'Waarom is uw kind er niet?' });
    expect(within(reasons).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['ill', 'appointment', 'other']);

    await user.click(screen.getByRole('radio', { name: /^Ziek/ }));
    await user.click(screen.getByRole('button', { name: 'Afmelden' }));

    const done = await screen.findByTestId('absence-done');
    await waitFor(() => expect(within(done).getByRole('heading', { level: 2, name: 'Het is doorgegeven' })).toHaveFocus());
    expect(done).toHaveTextContent(
      'Wij hebben het doorgegeven aan de leerkracht, de BSO en de activiteiten van die dag.',
    );
    expect(done).toHaveTextContent('Afgemeld: ziek, op');
    expect(posts(requests)).toHaveLength(1);
    expect(new URL(posts(requests)[0]!.url).pathname).toBe(`/api/v1/children/${NOAH}/absences`);
    expect(await posts(requests)[0]!.clone().json()).toEqual({ from: today, to: today, reason: 'ill' });
  });

  it('posts a period with a note; the last day follows the first', async () => {
    const { requests } = dayApi({ me: teacherParent });
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: PATH, store: setupApi() });
    await screen.findByTestId('absence-form');

    const from = addDays(todayInZone(), 3);
    await fillDates(user, from);
    expect(screen.getByLabelText('Laatste dag')).toHaveValue(from);
    await fillDates(user, from, addDays(from, 2));
    await user.click(screen.getByRole('radio', { name: /^Afspraak/ }));
    await user.type(screen.getByLabelText('Wilt u nog iets zeggen? (niet verplicht)'), 'Naar het ziekenhuis in Utrecht');
    await user.click(screen.getByRole('button', { name: 'Afmelden' }));

    expect(await screen.findByText(/activiteiten van die dagen\./)).toBeInTheDocument();
    expect(await posts(requests)[0]!.clone().json()).toEqual({
      from,
      to: addDays(from, 2),
      reason: 'appointment',
      note: 'Naar het ziekenhuis in Utrecht',
    });
  });

  it('asks for a reason before sending', async () => {
    const { requests } = dayApi({ me: teacherParent });
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: PATH, store: setupApi() });
    await screen.findByTestId('absence-form');
    await user.click(screen.getByRole('button', { name: 'Afmelden' }));
    expect(await screen.findByText('Kies waarom uw kind er niet is.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /^Ziek/ })).toHaveFocus();
    expect(posts(requests)).toHaveLength(0);
  });

  it('shows the server\'s 400 at its field, in our words, and goes there', async () => {
    dayApi({
      me: teacherParent,
      write: (request) =>
        request.url.endsWith('/absences') ? invalidField('#/from', 'inThePast', 'Report an absence from today on.') : undefined,
    });
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: PATH, store: setupApi() });
    await screen.findByTestId('absence-form');

    await fillDates(user, '2020-01-06');
    await user.click(screen.getByRole('radio', { name: /^Anders/ }));
    await user.click(screen.getByRole('button', { name: 'Afmelden' }));

    const first = screen.getByLabelText('Eerste dag');
    await waitFor(() =>
      expect(first).toHaveAccessibleDescription('Deze dag is al voorbij. U kunt afmelden vanaf vandaag.'),
    );
    expect(first).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(first).toHaveFocus());
    expect(screen.getByLabelText('Laatste dag')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByTestId('absence-error-summary')).toBeInTheDocument();
    expect(screen.queryByTestId('absence-done')).not.toBeInTheDocument();
  });

  it('lists the coming absences, and withdraws one', async () => {
    const { requests } = dayApi({
      me: teacherParent,
      absences: [
        absence({ id: 'a-later', from: addDays(todayInZone(), 5), to: addDays(todayInZone(), 5), reason: 'appointment', note: 'Tandarts' }),
        absence({ id: 'a-gone', from: addDays(todayInZone(), 1), to: addDays(todayInZone(), 1), withdrawn: true }),
        absence({ id: 'a-now', from: todayInZone(), to: addDays(todayInZone(), 1), reason: 'ill' }),
      ],
    });
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: PATH, store: setupApi() });

    const section = (await screen.findByRole('heading', { level: 2, name: 'Afmeldingen die nog komen' })).closest('section')!;
    const cards = await within(section).findAllByTestId('absence-card');
    // Withdrawn ones are not coming; the first first.
    expect(cards).toHaveLength(2);
    expect(cards[0]).toHaveTextContent(/^Ziek: .* tot en met /);
    expect(cards[1]).toHaveTextContent('Afspraak');
    expect(cards[1]).toHaveTextContent('Tandarts');
    expect(cards[1]).toHaveTextContent('Gemeld door Sanne de Vries');
    const list = requests.find((r) => new URL(r.url).pathname === `/api/v1/children/${NOAH}/absences`)!;
    expect(new URL(list.url).searchParams.get('from')).toBe(todayInZone());

    await user.click(within(cards[1]!).getByRole('button', { name: /^Intrekken: Afspraak/ }));
    expect(await within(section).findByText(/De afmelding is ingetrokken/)).toBeInTheDocument();
    expect(posts(requests).map((r) => new URL(r.url).pathname)).toEqual([
      `/api/v1/children/${NOAH}/absences/a-later/withdrawal`,
    ]);
  });

  it('sends a parent without a job at an organisation to the parent app, asking nothing of the staff screen', async () => {
    const { requests } = dayApi({ me: parent });
    const { router } = renderRoutes({ routes: appRoutes, path: PATH, store: setupApi() });
    await waitFor(() => expect(router.state.location.pathname).toBe('/ouder'));
    expect(screen.queryByTestId('absence-form')).not.toBeInTheDocument();
    expect(requests.some((r) => new URL(r.url).pathname.includes('/absences'))).toBe(false);
  });
});
