import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ChildrenList } from '@/features/children/components/children-list';
import { json, mockFetch, renderWithProviders, setupApi } from '@/test/utils';

const GROUP_A = '6f1c1d7e-0000-4000-8000-00000000000a';
const GROUP_B = '6f1c1d7e-0000-4000-8000-00000000000b';

function child(n: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    centreId: '11111111-1111-4111-8111-111111111111',
    groupId: GROUP_A,
    givenName: `Kind${n}`,
    familyName: `Achternaam${n}`,
    dateOfBirth: '2018-03-05',
    hasBsn: true,
    contactPerson: null,
    createdAt: '2024-01-01T00:00:00+00:00',
    updatedAt: '2024-01-01T00:00:00+00:00',
    ...overrides,
  };
}

const groups = {
  items: [
    { id: GROUP_A, centreId: 'c', organisationId: 'o', name: 'Groep 3a', kind: 'school_class', grade: 3, createdAt: '', updatedAt: '' },
    { id: GROUP_B, centreId: 'c', organisationId: 'o', name: 'Dreumesgroep', kind: 'childcare_group', grade: null, createdAt: '', updatedAt: '' },
  ],
  nextCursor: null,
};

function childrenApi(handler: (url: URL) => unknown) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/groups')) return json(groups);
    if (url.pathname.endsWith('/children')) return json(handler(url));
    return new Response(null, { status: 404 });
  });
}

const childrenRequests = (requests: Request[]) =>
  requests.map((r) => new URL(r.url)).filter((u) => u.pathname.endsWith('/children'));

describe('ChildrenList', () => {
  it('shows the children from the API with date of birth in Dutch and the group name', async () => {
    const store = setupApi();
    childrenApi(() => ({
      items: [child(1), child(2, { groupId: GROUP_B, dateOfBirth: '2023-11-20' }), child(3, { groupId: null })],
      nextCursor: null,
    }));

    renderWithProviders(<ChildrenList debounceMs={0} />, store, '/children');

    const table = await screen.findByRole('table', { name: 'Kinderen' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByRole('link', { name: /Kind1 Achternaam1/ })).toHaveAttribute(
      'href',
      `/children/${child(1).id}`,
    );
    expect(rows[0]).toHaveTextContent('5 maart 2018');
    await waitFor(() => expect(rows[0]).toHaveTextContent('Groep 3a'));
    expect(rows[1]).toHaveTextContent('20 november 2023');
    expect(rows[1]).toHaveTextContent('Dreumesgroep');
    expect(rows[2]).toHaveTextContent('Geen groep');
    expect(screen.getByText('3 kinderen te zien.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Meer laden' })).not.toBeInTheDocument();
  });

  it('loads the next page with nextCursor when "Meer laden" is pressed', async () => {
    const store = setupApi();
    const { requests } = childrenApi((url) =>
      url.searchParams.get('cursor') === 'page-2'
        ? { items: [child(3)], nextCursor: null }
        : { items: [child(1), child(2)], nextCursor: 'page-2' },
    );
    const user = userEvent.setup();

    renderWithProviders(<ChildrenList debounceMs={0} />, store, '/children');

    const more = await screen.findByRole('button', { name: 'Meer laden' });
    expect(screen.getByText('2 kinderen te zien. Er zijn er nog meer.')).toBeInTheDocument();
    expect(childrenRequests(requests)[0]!.searchParams.has('cursor')).toBe(false);

    await user.click(more);

    await screen.findByRole('link', { name: /Kind3/ });
    const calls = childrenRequests(requests);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.searchParams.get('cursor')).toBe('page-2');
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Meer laden' })).not.toBeInTheDocument();
  });

  it('searches by name with q once typing pauses', async () => {
    const store = setupApi();
    const { requests } = childrenApi((url) =>
      url.searchParams.get('q') === 'Emma'
        ? { items: [child(7, { givenName: 'Emma' })], nextCursor: null }
        : { items: [child(1), child(2)], nextCursor: null },
    );
    const user = userEvent.setup();

    const { router } = renderWithProviders(<ChildrenList debounceMs={50} />, store, '/children');
    await screen.findByRole('link', { name: /Kind1/ });

    await user.type(screen.getByRole('searchbox', { name: 'Zoeken op naam' }), 'Emma');

    await screen.findByRole('link', { name: /Emma/ });
    const queries = childrenRequests(requests).map((u) => u.searchParams.get('q'));
    // Debounced: no request for "E", "Em" or "Emm".
    expect(queries).toEqual([null, 'Emma']);
    expect(router.state.location.search).toContain('q=Emma');
  });

  it('filters by group and sorts', async () => {
    const store = setupApi();
    const { requests } = childrenApi(() => ({ items: [child(1)], nextCursor: null }));
    const user = userEvent.setup();

    renderWithProviders(<ChildrenList debounceMs={0} />, store, '/children');
    await screen.findByRole('link', { name: /Kind1/ });

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Groep' }), 'Dreumesgroep');
    await waitFor(() =>
      expect(childrenRequests(requests).at(-1)!.searchParams.get('groupId')).toBe(GROUP_B),
    );

    await user.selectOptions(screen.getByRole('combobox', { name: 'Sorteren op' }), '-dateOfBirth');
    await waitFor(() =>
      expect(childrenRequests(requests).at(-1)!.searchParams.get('sort')).toBe('-dateOfBirth'),
    );
    expect(childrenRequests(requests).at(-1)!.searchParams.get('groupId')).toBe(GROUP_B);
  });

  it('says so when nothing is found', async () => {
    const store = setupApi();
    childrenApi(() => ({ items: [], nextCursor: null }));
    renderWithProviders(<ChildrenList debounceMs={0} />, store, '/children');
    expect(await screen.findByText('Er zijn geen kinderen gevonden.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the problem detail when the API fails', async () => {
    const store = setupApi();
    mockFetch(async (request) =>
      request.url.includes('/groups')
        ? json(groups)
        : new Response(
            JSON.stringify({ type: 'x', title: 'Bad', status: 400, detail: 'The cursor is not valid.' }),
            { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
          ),
    );
    renderWithProviders(<ChildrenList debounceMs={0} />, store, '/children');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('De gegevens zijn niet goed ingevuld.');
    expect(alert).toHaveTextContent('The cursor is not valid.');
  });
});
