import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useScreenSettled } from '@/hooks/use-screen-settled';
import { createQueryClient } from '@/lib/query';

function Screen({ data }: { data: Promise<string> }) {
  const query = useQuery({ queryKey: ['data'], queryFn: () => data });
  const settled = useScreenSettled(30);
  return (
    <p>
      {query.data ?? 'loading'} {settled ? 'settled' : 'waiting'}
    </p>
  );
}

/** The screen in a query client of its own; the client, to start other requests beside it. */
function renderScreen(data: Promise<string>) {
  const client = createQueryClient();
  render(
    <QueryClientProvider client={client}>
      <Screen data={data} />
    </QueryClientProvider>,
  );
  return client;
}

/** A request that stays on its way. */
const neverAnswered = (client: ReturnType<typeof createQueryClient>, key: string) =>
  void client.fetchQuery({ queryKey: [key], queryFn: () => new Promise(() => {}) });

describe('useScreenSettled', () => {
  it('waits while the screen asks for its data, and a moment after it came', async () => {
    let answer = (_value: string) => {};
    const data = new Promise<string>((resolve) => {
      answer = resolve;
    });
    renderScreen(data);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(screen.getByText('loading waiting')).toBeInTheDocument();

    const answeredAt = performance.now();
    answer('here');
    expect(await screen.findByText('here waiting')).toBeInTheDocument();
    await screen.findByText('here settled');
    expect(performance.now() - answeredAt).toBeGreaterThanOrEqual(30);
  });

  it('is not held back by a request that starts after the quiet moment (a poll)', async () => {
    const client = renderScreen(Promise.resolve('first'));
    await screen.findByText('first waiting');
    neverAnswered(client, 'poll');
    await waitFor(() => expect(client.isFetching()).toBe(1));
    expect(await screen.findByText('first settled')).toBeInTheDocument();
  });

  it('stays settled when a later request goes out', async () => {
    const client = renderScreen(Promise.resolve('first'));
    await screen.findByText('first settled');
    neverAnswered(client, 'other');
    await waitFor(() => expect(client.isFetching()).toBe(1));
    expect(screen.getByText('first settled')).toBeInTheDocument();
  });
});
