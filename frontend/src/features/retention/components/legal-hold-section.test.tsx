import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useChildDetail } from '@/features/children/api/get-child-detail';
import { LegalHoldSection } from '@/features/retention/components/legal-hold-section';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const CHILD = '/children/c-1';

/** The child page as the route has it: the hold comes with the page's one request. */
function Page() {
  const page = useChildDetail('c-1');
  const hold = page.data?.embedded?.legalHold;
  return hold ? <LegalHoldSection childId="c-1" hold={hold} /> : null;
}

function pageApi() {
  let hold: Record<string, unknown> = { childId: 'c-1', held: false };
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace('/api/v1', '');
    if (path === CHILD && request.method === 'GET') {
      return json({ id: 'c-1', givenName: 'Sam', familyName: 'Jansen', embedded: { legalHold: hold } });
    }
    if (path === `${CHILD}/legal-hold` && request.method === 'PUT') {
      const { reason } = (await request.json()) as { reason: string };
      hold = { childId: 'c-1', held: true, reason, setAt: '2026-12-01T10:00:00Z', setByName: 'Anna Admin' };
      return json(hold);
    }
    if (path === `${CHILD}/legal-hold` && request.method === 'DELETE') {
      hold = { childId: 'c-1', held: false };
      return new Response(null, { status: 204 });
    }
    return problem(404, 'Not found');
  });
}

describe('LegalHoldSection', () => {
  it('sets a hold with a reason and lifts it again, with no read of its own', async () => {
    const { requests } = pageApi();
    const user = userEvent.setup();
    renderWithProviders(<Page />, setupApi());

    await user.click(await screen.findByRole('button', { name: 'Bewaarplicht instellen' }));
    expect(await screen.findByText('Vul een reden in (minstens 3 tekens).')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);

    await user.type(screen.getByLabelText('Reden'), 'Zaak 2026/17');
    await user.click(screen.getByRole('button', { name: 'Bewaarplicht instellen' }));
    expect(await screen.findByText(/ingesteld door Anna Admin/)).toBeInTheDocument();
    expect(screen.getByText('Reden: Zaak 2026/17')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(await put.json()).toEqual({ reason: 'Zaak 2026/17' });

    await user.click(screen.getByRole('button', { name: 'Bewaarplicht opheffen' }));
    expect(await screen.findByRole('button', { name: 'Bewaarplicht instellen' })).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'DELETE')).toBe(true);
    // The page was read once; the answers of PUT and DELETE took the hold's place in it.
    const reads = requests.filter((r) => r.method === 'GET');
    expect(reads.map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/children/c-1']);
    expect(new URL(reads[0]!.url).searchParams.get('expand')).toContain('legalHold');
  });
});
