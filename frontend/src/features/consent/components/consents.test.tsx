import { useQuery } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Consents } from '@/features/consent/components/consents';
import { api, unwrap } from '@/lib/api-client';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const CHILD_ID = '00000000-0000-4000-8000-000000000001';
const ORG_LOGO = 'aaaaaaaa-0000-4000-8000-000000000003';
const ORG_SCHOOL = 'aaaaaaaa-0000-4000-8000-000000000001';
const CONSENT_ID = 'dddddddd-0000-4000-8000-000000000001';
const organisations = [
  { id: ORG_LOGO, name: 'Logopediepraktijk De Klank' },
  { id: ORG_SCHOOL, name: 'Basisschool De Regenboog' },
];

const inForce = {
  id: CONSENT_ID,
  childId: CHILD_ID,
  organisationId: ORG_LOGO,
  organisationName: 'Logopediepraktijk De Klank',
  purpose: 'trajectory',
  trajectoryType: 'logopedie',
  givenById: 'u1',
  givenByName: 'Sanne de Vries',
  childAlsoConsented: false,
  givenAt: '2025-09-01T10:00:00+02:00',
  validUntil: '2026-07-31',
  withdrawnAt: null,
  withdrawnByName: null,
  inForce: true,
};

const withdrawn = {
  ...inForce,
  id: 'dddddddd-0000-4000-8000-000000000002',
  organisationId: ORG_SCHOOL,
  organisationName: 'Basisschool De Regenboog',
  purpose: 'photos',
  trajectoryType: null,
  givenAt: '2024-09-01T10:00:00+02:00',
  validUntil: null,
  withdrawnAt: '2025-01-15T09:00:00+01:00',
  withdrawnByName: 'Sanne de Vries',
  inForce: false,
};

const yearsAgo = (years: number) => `${new Date().getFullYear() - years}-01-01`;

/**
 * A consent API in memory: withdrawing and giving change what the next GET of the child page
 * (`/children/{id}?expand=…`, consents under `embedded`) answers.
 */
function consentApi(initial: Record<string, unknown>[] = [inForce, withdrawn]) {
  let consents = [...initial];
  return mockFetch(async (request) => {
    const path = new URL(request.url).pathname.replace('/api/v1', '');
    if (path === `/children/${CHILD_ID}` && request.method === 'GET') {
      return json({ id: CHILD_ID, embedded: { consents } });
    }
    if (path === `/children/${CHILD_ID}/consents` && request.method === 'POST') {
      const body = (await request.json()) as Record<string, unknown>;
      const created = { ...inForce, id: 'new', ...body, organisationName: 'Basisschool De Regenboog' };
      consents = [created, ...consents];
      return json(created, { status: 201 });
    }
    if (path === `/children/${CHILD_ID}/consents/${CONSENT_ID}/withdrawal` && request.method === 'POST') {
      const updated = { ...inForce, withdrawnAt: '2026-01-10T12:00:00+01:00', withdrawnByName: 'Sanne de Vries', inForce: false };
      consents = consents.map((c) => (c.id === CONSENT_ID ? updated : c));
      return json(updated);
    }
    return problem(404, 'Not found');
  });
}

/** The child page's requests: after giving or withdrawing, the page is fetched again. */
const consentGets = (requests: Request[]) =>
  requests.filter((r) => r.method === 'GET' && new URL(r.url).pathname.endsWith(`/children/${CHILD_ID}`));

type PageProps = { canManage: boolean; dateOfBirth: string };

/**
 * As on the child page: the consents come from the page query (`['children', id, 'detail']`,
 * which a consent change invalidates), not from a request of their own.
 */
function ConsentsOnChildPage({ canManage, dateOfBirth }: PageProps) {
  const page = useQuery({
    queryKey: ['children', CHILD_ID, 'detail'],
    queryFn: () =>
      unwrap(
        api().GET('/children/{childId}', {
          params: { path: { childId: CHILD_ID }, query: { expand: 'consents' } },
        }),
      ),
  });
  const consents = page.data?.embedded?.consents;
  if (!consents) return null;
  return (
    <Consents
      childId={CHILD_ID}
      dateOfBirth={dateOfBirth}
      consents={consents}
      canManage={canManage}
      organisations={organisations}
    />
  );
}

function renderConsents({ canManage = true, dateOfBirth = yearsAgo(6) } = {}) {
  const store = setupApi();
  return renderWithProviders(<ConsentsOnChildPage canManage={canManage} dateOfBirth={dateOfBirth} />, store);
}

describe('Consents', () => {
  it('lists each consent per organisation and purpose, with status, giver and end date', async () => {
    consentApi();
    renderConsents();
    const table = await screen.findByRole('table', { name: 'Toestemmingen' });
    expect(screen.getByRole('heading', { level: 2, name: 'Toestemmingen' })).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Logopediepraktijk De Klank');
    expect(rows[0]).toHaveTextContent('Hulp of begeleiding (traject): Logopedie');
    expect(rows[0]).toHaveTextContent('Geldig');
    expect(rows[0]).toHaveTextContent('Sanne de Vries, op 1 september 2025');
    expect(rows[0]).toHaveTextContent('31 juli 2026');
    expect(rows[1]).toHaveTextContent('Foto’s');
    expect(rows[1]).toHaveTextContent('Ingetrokken op 15 januari 2025 door Sanne de Vries');
    expect(rows[1]).toHaveTextContent('Geen einddatum');
    // Only what is in force can be withdrawn.
    expect(within(rows[0]!).getByRole('button', { name: 'Toestemming intrekken' })).toHaveAccessibleDescription(
      'Logopediepraktijk De Klank, Hulp of begeleiding (traject): Logopedie',
    );
    expect(within(rows[1]!).queryByRole('button')).not.toBeInTheDocument();
  });

  it('withdraws only after "Ja, intrekken", at the withdrawal endpoint, and refreshes the list', async () => {
    const { requests } = consentApi();
    const user = userEvent.setup();
    renderConsents();

    await user.click(await screen.findByRole('button', { name: 'Toestemming intrekken' }));
    const question = screen.getByRole('group', { name: /Weet u zeker/ });
    expect(question).toHaveTextContent('Logopediepraktijk De Klank');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.click(within(question).getByRole('button', { name: 'Ja, intrekken' }));

    expect(await screen.findByText(/De toestemming is ingetrokken/)).toBeInTheDocument();
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(new URL(posts[0]!.url).pathname).toBe(
      `/api/v1/children/${CHILD_ID}/consents/${CONSENT_ID}/withdrawal`,
    );
    await waitFor(() => expect(consentGets(requests)).toHaveLength(2));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Toestemming intrekken' })).not.toBeInTheDocument(),
    );
    expect(screen.getByText('Ingetrokken op 10 januari 2026 door Sanne de Vries')).toBeInTheDocument();
  });

  it('sends nothing when the withdrawal is cancelled, and gives focus back to the button', async () => {
    const { requests } = consentApi();
    const user = userEvent.setup();
    renderConsents();
    await user.click(await screen.findByRole('button', { name: 'Toestemming intrekken' }));
    await user.click(screen.getByRole('button', { name: 'Nee, niet intrekken' }));
    expect(screen.getByRole('button', { name: 'Toestemming intrekken' })).toHaveFocus();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('requires "Mijn kind geeft ook toestemming" for a child of 12 or older', async () => {
    const { requests } = consentApi([]);
    const user = userEvent.setup();
    renderConsents({ dateOfBirth: yearsAgo(13) });

    await user.selectOptions(await screen.findByLabelText('Organisatie'), 'Basisschool De Regenboog');
    await user.selectOptions(screen.getByLabelText('Waarvoor geeft u toestemming?'), 'care_team');
    await user.click(screen.getByRole('button', { name: 'Toestemming geven' }));

    const checkbox = screen.getByRole('checkbox', { name: 'Mijn kind (12 jaar of ouder) geeft ook toestemming' });
    expect(checkbox).toHaveAttribute('aria-invalid', 'true');
    expect(checkbox).toHaveFocus();
    expect(screen.getByText(/Uw kind moet ook toestemming geven/)).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.click(checkbox);
    await user.click(screen.getByRole('button', { name: 'Toestemming geven' }));

    expect(await screen.findByText('De toestemming is gegeven.')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ organisationId: ORG_SCHOOL, purpose: 'care_team', childAlsoConsents: true });
    await waitFor(() => expect(consentGets(requests)).toHaveLength(2));
  });

  it('does not ask a younger child, and asks the kind of help for a trajectory', async () => {
    const { requests } = consentApi([]);
    const user = userEvent.setup();
    renderConsents({ dateOfBirth: yearsAgo(6) });

    await user.selectOptions(await screen.findByLabelText('Organisatie'), 'Logopediepraktijk De Klank');
    await user.selectOptions(screen.getByLabelText('Waarvoor geeft u toestemming?'), 'trajectory');
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Toestemming geven' }));
    expect(screen.getByText('Kies de soort hulp of begeleiding.')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.selectOptions(screen.getByLabelText('Soort hulp of begeleiding'), 'logopedie');
    await user.type(screen.getByLabelText('Geldig tot en met (niet verplicht)'), '2030-07-31');
    await user.click(screen.getByRole('button', { name: 'Toestemming geven' }));

    await screen.findByText('De toestemming is gegeven.');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({
      organisationId: ORG_LOGO,
      purpose: 'trajectory',
      trajectoryType: 'logopedie',
      validUntil: '2030-07-31',
      childAlsoConsents: false,
    });
  });

  it('asks organisation and purpose before sending anything', async () => {
    const { requests } = consentApi([]);
    const user = userEvent.setup();
    renderConsents();
    await user.click(await screen.findByRole('button', { name: 'Toestemming geven' }));
    expect(screen.getByText('Kies een organisatie.')).toBeInTheDocument();
    expect(screen.getByText('Kies waarvoor u toestemming geeft.')).toBeInTheDocument();
    expect(screen.getByLabelText('Organisatie')).toHaveFocus();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows no form and no withdraw button to whoever may only read', async () => {
    consentApi();
    renderConsents({ canManage: false });
    await screen.findByRole('table', { name: 'Toestemmingen' });
    expect(screen.queryByRole('button', { name: 'Toestemming intrekken' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Toestemming geven' })).not.toBeInTheDocument();
  });

  it('says so when there are no consents', async () => {
    consentApi([]);
    renderConsents({ canManage: false });
    expect(await screen.findByText('Er zijn nog geen toestemmingen gegeven.')).toBeInTheDocument();
  });
});
