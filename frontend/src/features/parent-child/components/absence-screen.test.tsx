import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addDays, todayInZone } from '@/features/rooms/utils/time';
import { absence, childDetail, home, NOOR_ID, parentChildApi, sent } from '@/features/parent-child/testing/fixtures';
import { renderChildScreen } from '@/features/parent-child/testing/render';
import type { AbsenceCreate } from '@/features/day/types';
import type { AbsenceRead } from '@/features/parent-child/types';
import { json } from '@/test/utils';

const PATH = `/ouder/kinderen/${NOOR_ID}/afmelden`;

/** The absences in memory: reporting and withdrawing change what the next child page answers. */
function absenceApi(initial: AbsenceRead[] = []) {
  let absences = [...initial];
  return parentChildApi({
    child: () => childDetail({}, { absences }),
    write: async (request) => {
      const path = new URL(request.url).pathname.replace('/api/v1', '');
      if (path === `/children/${NOOR_ID}/absences`) {
        const body = (await request.json()) as AbsenceCreate;
        const made = absence({ id: `new-${absences.length}`, childId: NOOR_ID, ...body, note: body.note ?? null, reportedByName: 'Sanne Jansen' });
        absences = [...absences, made];
        return json(made, { status: 201 });
      }
      const withdrawal = /\/absences\/([\w-]+)\/withdrawal$/.exec(path);
      if (withdrawal) {
        const found = absences.find((a) => a.id === withdrawal[1])!;
        absences = absences.map((a) => (a.id === found.id ? { ...a, withdrawn: true } : a));
        return json({ ...found, withdrawn: true });
      }
      return undefined;
    },
  });
}

describe('Afmelden', () => {
  it('reports the child ill with the absence form and lists it among the coming absences', async () => {
    const { requests } = absenceApi();
    const user = userEvent.setup();
    renderChildScreen(PATH);

    expect(await screen.findByRole('heading', { level: 1, name: 'Noor afmelden' })).toBeInTheDocument();
    expect(screen.getByText('Is Noor ziek, of kan Noor niet komen? Meld het hier.')).toBeInTheDocument();
    expect(await screen.findByTestId('coming-absences')).toHaveTextContent('Noor is niet afgemeld.');
    const today = todayInZone();
    expect(screen.getByLabelText('Eerste dag')).toHaveValue(today);

    await user.click(screen.getByRole('radio', { name: /^Ziek/ }));
    await user.click(screen.getByRole('button', { name: 'Afmelden' }));

    const done = await screen.findByTestId('absence-done');
    await waitFor(() => expect(within(done).getByRole('heading', { level: 2, name: 'Noor is afgemeld' })).toHaveFocus());
    expect(done).toHaveTextContent('Reden: ziek.');
    expect(done).toHaveTextContent('Wij geven het door aan de school, de opvang en de activiteiten.');
    const [post] = sent(requests, /\/absences$/, 'POST');
    expect(await post!.json()).toEqual({ from: today, to: today, reason: 'ill' });

    // The child page is asked again (one request: expand=absences) and lists the new absence.
    await waitFor(() => expect(screen.getAllByTestId('coming-absence')).toHaveLength(1));
    expect(screen.getByTestId('coming-absence')).toHaveTextContent('Gemeld door Sanne Jansen');
    const reads = sent(requests, /^\/children\/[\w-]+$/, 'GET');
    expect(reads.map((r) => new URL(r.url).searchParams.get('expand'))).toEqual(['absences', 'absences']);
    expect(sent(requests, /\/absences$/, 'GET')).toHaveLength(0);
  });

  it('withdraws a coming absence: the child comes after all', async () => {
    const tomorrow = addDays(todayInZone(), 1);
    const { requests } = absenceApi([
      absence({ id: 'abs-1', childId: NOOR_ID, from: tomorrow, to: tomorrow, reason: 'appointment' }),
      // Over, and withdrawn: neither is listed.
      absence({ id: 'abs-old', childId: NOOR_ID, from: addDays(todayInZone(), -3), to: addDays(todayInZone(), -2) }),
      absence({ id: 'abs-off', childId: NOOR_ID, from: tomorrow, to: tomorrow, withdrawn: true }),
    ]);
    const user = userEvent.setup();
    renderChildScreen(PATH);

    const [card] = await screen.findAllByTestId('coming-absence');
    expect(screen.getAllByTestId('coming-absence')).toHaveLength(1);
    expect(card).toHaveTextContent(': afspraak');
    await user.click(within(card!).getByRole('button', { name: /^Intrekken:/ }));
    await waitFor(() => expect(screen.getByTestId('coming-absences')).toHaveTextContent('De afmelding is ingetrokken. Noor komt toch.'));
    expect(new URL(sent(requests, /withdrawal$/, 'POST')[0]!.url).pathname).toBe(
      `/api/v1/children/${NOOR_ID}/absences/abs-1/withdrawal`,
    );
    await waitFor(() => expect(screen.queryByTestId('coming-absence')).not.toBeInTheDocument());
  });

  it('says plainly why a guardian without parental authority cannot report', async () => {
    parentChildApi({ home: home([{ hasParentalAuthority: false }, {}]), child: () => childDetail({}, { absences: [] }) });
    renderChildScreen(PATH);
    const note = await screen.findByTestId('no-authority');
    expect(note).toHaveTextContent('U kunt Noor niet ziek of afwezig melden.');
    expect(screen.queryByRole('button', { name: 'Afmelden' })).not.toBeInTheDocument();
  });
});
