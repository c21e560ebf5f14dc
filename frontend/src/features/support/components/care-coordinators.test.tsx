import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CareCoordinators, candidateOptions, type CentreOption } from '@/features/support/components/care-coordinators';
import type { CareCoordinatorRead } from '@/features/support/types';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const SCHOOL = 'aaaaaaaa-0000-4000-8000-000000000001';
const CARE = 'aaaaaaaa-0000-4000-8000-000000000003';
const REGENBOOG: CentreOption = {
  id: 'c1',
  name: 'IKC De Regenboog',
  partners: [
    { id: CARE, name: 'Zorgpartners Gooi' },
    { id: SCHOOL, name: 'Basisschool De Regenboog' },
  ],
};
const ZONNEBLOEM: CentreOption = { id: 'c2', name: 'IKC De Zonnebloem', partners: [{ id: SCHOOL, name: 'Basisschool De Regenboog' }] };

const ingrid: CareCoordinatorRead = { userId: 'u-ingrid', displayName: 'Ingrid Bakker', centreId: 'c1' };

const PROFESSIONALS = [
  { userId: 'u-ingrid', displayName: 'Ingrid Bakker', role: 'staff' },
  { userId: 'u-lotte', displayName: 'Lotte Leerkracht', role: 'staff' },
  { userId: 'u-lotte', displayName: 'Lotte Leerkracht', role: 'org_admin' },
  { userId: 'u-bram', displayName: 'Bram de Boer', role: 'staff' },
];

type Write = (request: Request) => Response | Promise<Response> | undefined;

function coordinatorsApi(write?: Write) {
  const lists: Record<string, CareCoordinatorRead[]> = { c1: [ingrid], c2: [] };
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const match = /^\/api\/v1\/child-centres\/(c\d)\/care-coordinators(?:\/([\w-]+))?$/.exec(url.pathname);
    if (match && request.method === 'GET') return json(lists[match[1]!]);
    if (match && request.method !== 'GET') {
      const answer = await write?.(request.clone());
      if (answer) return answer;
      const centreId = match[1]!;
      if (request.method === 'POST') {
        const { userId } = (await request.json()) as { userId: string };
        const added = { userId, displayName: PROFESSIONALS.find((p) => p.userId === userId)!.displayName, centreId };
        lists[centreId] = [...lists[centreId]!, added];
        return json(added, { status: 201 });
      }
      if (request.method === 'DELETE') {
        lists[centreId] = lists[centreId]!.filter((c) => c.userId !== match[2]);
        return new Response(null, { status: 204 });
      }
    }
    if (url.pathname === `/api/v1/organisations/${SCHOOL}/professionals`) return json(PROFESSIONALS);
    return problem(404, 'Not found');
  });
}

const writes = (requests: Request[]) => requests.filter((r) => r.method === 'POST' || r.method === 'DELETE');

describe('care coordinators of a centre', () => {
  it('offers each professional of the chosen organisation once, leaving out who already is one', () => {
    expect(candidateOptions(PROFESSIONALS as never, [ingrid])).toEqual([
      { value: 'u-bram', label: 'Bram de Boer' },
      { value: 'u-lotte', label: 'Lotte Leerkracht' },
    ]);
  });

  it('lists them and adds one chosen by organisation and name', async () => {
    const { requests } = coordinatorsApi();
    const user = userEvent.setup();
    renderWithProviders(<CareCoordinators centres={[REGENBOOG]} />, setupApi());

    const list = screen.getByTestId('care-coordinator-list');
    expect(within(list).getByRole('heading', { name: 'Intern begeleiders van IKC De Regenboog' })).toBeInTheDocument();
    expect(await within(list).findByRole('cell', { name: 'Ingrid Bakker' })).toBeInTheDocument();
    // One centre: nothing to choose.
    expect(screen.queryByLabelText('Kindcentrum')).not.toBeInTheDocument();

    const form = screen.getByTestId('add-coordinator-form');
    const organisation = within(form).getByLabelText('Organisatie');
    expect(within(organisation).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Kies een organisatie',
      'Basisschool De Regenboog',
      'Zorgpartners Gooi',
    ]);
    await user.selectOptions(organisation, 'Basisschool De Regenboog');
    const professional = within(form).getByLabelText('Wie wordt intern begeleider?');
    await within(professional).findByRole('option', { name: 'Lotte Leerkracht' });
    expect(within(professional).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Kies een medewerker',
      'Bram de Boer',
      'Lotte Leerkracht',
    ]);
    await user.selectOptions(professional, 'Lotte Leerkracht');
    await user.click(within(form).getByRole('button', { name: 'Toevoegen als intern begeleider' }));

    expect(await screen.findByText('Lotte Leerkracht is nu intern begeleider van IKC De Regenboog.')).toBeInTheDocument();
    const [post] = writes(requests);
    expect(new URL(post!.url).pathname).toBe('/api/v1/child-centres/c1/care-coordinators');
    expect(await post!.json()).toEqual({ userId: 'u-lotte' });
    expect(await within(list).findByRole('cell', { name: 'Lotte Leerkracht' })).toBeInTheDocument();
    // Now designated: no longer offered.
    await waitFor(() =>
      expect(within(professional).queryByRole('option', { name: 'Lotte Leerkracht' })).not.toBeInTheDocument(),
    );
    expect(professional).toHaveValue('');
  });

  it('asks for the organisation and the person before sending', async () => {
    const { requests } = coordinatorsApi();
    const user = userEvent.setup();
    renderWithProviders(<CareCoordinators centres={[REGENBOOG]} />, setupApi());
    const form = screen.getByTestId('add-coordinator-form');
    await user.click(within(form).getByRole('button', { name: 'Toevoegen als intern begeleider' }));
    expect(within(form).getByText('Kies de organisatie waar de intern begeleider werkt.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Organisatie')).toHaveFocus();
    await user.selectOptions(within(form).getByLabelText('Organisatie'), 'Basisschool De Regenboog');
    await user.click(within(form).getByRole('button', { name: 'Toevoegen als intern begeleider' }));
    expect(within(form).getByText('Kies wie intern begeleider wordt.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Wie wordt intern begeleider?')).toHaveFocus();
    expect(writes(requests)).toHaveLength(0);
  });

  it('shows why the server refused next to the form (409 already designated, 400 not a professional)', async () => {
    let answer = problem(409, 'Already a care coordinator of this centre.');
    coordinatorsApi((request) => (request.method === 'POST' ? answer : undefined));
    const user = userEvent.setup();
    renderWithProviders(<CareCoordinators centres={[REGENBOOG]} />, setupApi());
    const form = screen.getByTestId('add-coordinator-form');
    await user.selectOptions(within(form).getByLabelText('Organisatie'), 'Basisschool De Regenboog');
    await user.selectOptions(
      within(form).getByLabelText('Wie wordt intern begeleider?'),
      await within(form).findByRole('option', { name: 'Bram de Boer' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Toevoegen als intern begeleider' }));
    let alert = await within(form).findByTestId('form-problem');
    expect(alert).toHaveTextContent('Deze persoon is al intern begeleider van dit kindcentrum.');
    expect(alert).toHaveTextContent('Already a care coordinator of this centre.');

    answer = new Response(
      JSON.stringify({
        type: 'https://kindcentraal.nl/problems/invalid-input',
        title: 'Invalid input',
        status: 400,
        detail: "Not an active professional of this centre's partners.",
        errors: [{ in: 'body', location: '#/userId', code: 'not_a_professional', detail: "Not an active professional of this centre's partners." }],
      }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    );
    await user.click(within(form).getByRole('button', { name: 'Toevoegen als intern begeleider' }));
    await waitFor(() => expect(within(form).getByTestId('form-problem')).toHaveTextContent('De gegevens zijn niet goed ingevuld.'));
    alert = within(form).getByTestId('form-problem');
    expect(alert).toHaveTextContent("Wie wordt intern begeleider?: Not an active professional of this centre's partners.");
    expect(within(screen.getByTestId('care-coordinator-list')).queryByRole('cell', { name: 'Bram de Boer' })).not.toBeInTheDocument();
  });

  it('removes one only after confirming, and can step back', async () => {
    const { requests } = coordinatorsApi();
    const user = userEvent.setup();
    renderWithProviders(<CareCoordinators centres={[REGENBOOG]} />, setupApi());
    const remove = await screen.findByRole('button', { name: 'Verwijder Ingrid Bakker als intern begeleider' });
    await user.click(remove);
    const confirm = screen.getByTestId('remove-coordinator-confirm');
    expect(within(confirm).getByText(/Wilt u Ingrid Bakker niet langer intern begeleider van IKC De Regenboog laten zijn\?/)).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Nee, laten staan' }));
    expect(screen.queryByTestId('remove-coordinator-confirm')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Verwijder Ingrid Bakker als intern begeleider' })).toHaveFocus();
    expect(writes(requests)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Verwijder Ingrid Bakker als intern begeleider' }));
    await user.click(within(screen.getByTestId('remove-coordinator-confirm')).getByRole('button', { name: 'Ja, verwijderen' }));
    expect(await screen.findByText('Ingrid Bakker is geen intern begeleider meer van IKC De Regenboog.')).toBeInTheDocument();
    const [deletion] = writes(requests);
    expect(deletion!.method).toBe('DELETE');
    expect(new URL(deletion!.url).pathname).toBe('/api/v1/child-centres/c1/care-coordinators/u-ingrid');
    expect(await screen.findByText('IKC De Regenboog heeft nog geen intern begeleider.')).toBeInTheDocument();
    expect(screen.getByTestId('care-coordinators-message')).toHaveFocus();
  });

  it('shows a failed removal in the confirmation', async () => {
    coordinatorsApi((request) => (request.method === 'DELETE' ? problem(403, 'Only an administrator of this centre designates its care coordinators.') : undefined));
    const user = userEvent.setup();
    renderWithProviders(<CareCoordinators centres={[REGENBOOG]} />, setupApi());
    await user.click(await screen.findByRole('button', { name: 'Verwijder Ingrid Bakker als intern begeleider' }));
    const confirm = screen.getByTestId('remove-coordinator-confirm');
    await user.click(within(confirm).getByRole('button', { name: 'Ja, verwijderen' }));
    const alert = await within(confirm).findByRole('alert');
    expect(alert).toHaveTextContent('Alleen een beheerder van dit kindcentrum kan de intern begeleiders aanwijzen.');
    expect(within(screen.getByTestId('care-coordinator-list')).getByRole('cell', { name: 'Ingrid Bakker' })).toBeInTheDocument();
  });

  it('switches between the centres one administers', async () => {
    const { requests } = coordinatorsApi();
    const user = userEvent.setup();
    renderWithProviders(<CareCoordinators centres={[REGENBOOG, ZONNEBLOEM]} />, setupApi());
    await screen.findByRole('cell', { name: 'Ingrid Bakker' });
    await user.selectOptions(screen.getByLabelText('Kindcentrum'), 'IKC De Zonnebloem');
    expect(await screen.findByText('IKC De Zonnebloem heeft nog geen intern begeleider.')).toBeInTheDocument();
    expect(requests.some((r) => new URL(r.url).pathname === '/api/v1/child-centres/c2/care-coordinators')).toBe(true);
    // The only partner is chosen already.
    expect(within(screen.getByTestId('add-coordinator-form')).getByLabelText('Organisatie')).toHaveValue(SCHOOL);
  });

  it('says so when the administrator runs no centre', () => {
    mockFetch(() => problem(404, 'Not found'));
    renderWithProviders(<CareCoordinators centres={[]} />, setupApi());
    expect(screen.getByTestId('no-centres')).toHaveTextContent('U beheert geen kindcentrum.');
    expect(screen.queryByTestId('add-coordinator-form')).not.toBeInTheDocument();
  });
});
