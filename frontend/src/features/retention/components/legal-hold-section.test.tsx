import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LegalHoldSection } from '@/features/retention/components/legal-hold-section';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const PATH = '/children/c-1/legal-hold';

function holdApi(initial: Record<string, unknown> | 'forbidden') {
  let hold = initial;
  return mockFetch(async (request) => {
    const path = new URL(request.url).pathname.replace('/api/v1', '');
    if (path !== PATH) return problem(404, 'Not found');
    if (hold === 'forbidden') return problem(403, 'Forbidden');
    if (request.method === 'PUT') {
      const { reason } = (await request.json()) as { reason: string };
      hold = { childId: 'c-1', held: true, reason, setAt: '2026-12-01T10:00:00Z', setByName: 'Anna Admin' };
      return json(hold);
    }
    if (request.method === 'DELETE') {
      hold = { childId: 'c-1', held: false };
      return new Response(null, { status: 204 });
    }
    return json(hold);
  });
}

describe('LegalHoldSection', () => {
  it('sets a hold with a reason and lifts it again', async () => {
    const { requests } = holdApi({ childId: 'c-1', held: false });
    const user = userEvent.setup();
    renderWithProviders(<LegalHoldSection childId="c-1" />, setupApi());

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
  });

  it('shows nothing to someone the server refuses', async () => {
    holdApi('forbidden');
    renderWithProviders(<LegalHoldSection childId="c-1" />, setupApi());
    const heading = { name: 'Juridische bewaarplicht' };
    expect(await screen.findByRole('heading', heading)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('heading', heading)).toBeNull());
  });
});
