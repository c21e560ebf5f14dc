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

describe('useScreenSettled', () => {
  it('waits while the screen asks for its data, and a moment after it came', async () => {
    let answer = (_value: string) => {};
    const data = new Promise<string>((resolve) => {
      answer = resolve;
    });
    render(
      <QueryClientProvider client={createQueryClient()}>
        <Screen data={data} />
      </QueryClientProvider>,
    );
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(screen.getByText('loading waiting')).toBeInTheDocument();

    const answeredAt = performance.now();
    answer('here');
    expect(await screen.findByText('here waiting')).toBeInTheDocument();
    await screen.findByText('here settled');
    expect(performance.now() - answeredAt).toBeGreaterThanOrEqual(30);
  });

  it('is not held back by a request that starts after the quiet moment (a poll)', async () => {
    const client = createQueryClient();
    render(
      <QueryClientProvider client={client}>
        <Screen data={Promise.resolve('first')} />
      </QueryClientProvider>,
    );
    await screen.findByText('first waiting');
    void client.fetchQuery({ queryKey: ['poll'], queryFn: () => new Promise(() => {}) });
    await waitFor(() => expect(client.isFetching()).toBe(1));
    expect(await screen.findByText('first settled')).toBeInTheDocument();
  });

  it('stays settled when a later request goes out', async () => {
    const client = createQueryClient();
    render(
      <QueryClientProvider client={client}>
        <Screen data={Promise.resolve('first')} />
      </QueryClientProvider>,
    );
    await screen.findByText('first settled');
    void client.fetchQuery({ queryKey: ['other'], queryFn: () => new Promise(() => {}) });
    await waitFor(() => expect(client.isFetching()).toBe(1));
    expect(screen.getByText('first settled')).toBeInTheDocument();
  });
});
