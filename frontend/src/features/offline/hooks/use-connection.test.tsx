import { QueryClientProvider, useQuery, type Query } from '@tanstack/react-query';
import { renderHook, render, screen, waitFor, act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { OfflineBanner } from '@/features/offline/components/offline-banner';
import { FreshnessMark } from '@/features/offline/components/freshness-mark';
import {
  apiAnswers,
  apiUnreachable,
  useConnection,
  useReconnectProbe,
} from '@/features/offline/hooks/use-connection';
import { ApiError } from '@/lib/api-client';
import { setConfig } from '@/lib/config';
import { createQueryClient } from '@/lib/query';

type State = Partial<Query['state']>;
const query = (state: State) =>
  ({ state: { dataUpdatedAt: 0, errorUpdatedAt: 0, error: null, ...state } }) as unknown as Query;

describe('apiUnreachable', () => {
  it('is true when the newest thing that happened is a request without any answer', () => {
    expect(
      apiUnreachable([query({ dataUpdatedAt: 100 }), query({ error: new TypeError('Failed to fetch'), errorUpdatedAt: 200 })]),
    ).toBe(true);
  });

  it('is false once an answer came after the failure', () => {
    expect(
      apiUnreachable([query({ dataUpdatedAt: 300 }), query({ error: new TypeError('Failed to fetch'), errorUpdatedAt: 200 })]),
    ).toBe(false);
  });

  it('counts an API error (e.g. a 404) as an answer, and other errors not as "no connection"', () => {
    expect(
      apiUnreachable([
        query({ error: new TypeError('Failed to fetch'), errorUpdatedAt: 200 }),
        query({ error: new ApiError(404, null), errorUpdatedAt: 300 }),
      ]),
    ).toBe(false);
    expect(apiUnreachable([query({ error: new RangeError('bad date'), errorUpdatedAt: 200 })])).toBe(false);
    expect(apiUnreachable([])).toBe(false);
  });
});

function setup() {
  const client = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { client, wrapper };
}

describe('useConnection', () => {
  it('says "no connection" when the API gives no answer although the browser says online', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(
      () => {
        const home = useQuery({ queryKey: ['home'], queryFn: () => Promise.reject(new TypeError('Failed to fetch')), retry: false });
        return { connected: useConnection(), home };
      },
      { wrapper },
    );
    expect(result.current.connected).toBe(true);
    await waitFor(() => expect(result.current.home.isError).toBe(true));
    expect(result.current.connected).toBe(false);
  });

  it('is "connected" outside a QueryClientProvider, from the browser alone', () => {
    const { result } = renderHook(() => useConnection());
    expect(result.current).toBe(true);
  });
});

describe('the banner and the mark when the API cannot be reached', () => {
  it('show, and go away by themselves once the API answers again (the probe asks again)', async () => {
    const { client, wrapper } = setup();
    let reachable = true;
    const probe = vi.fn(() => Promise.resolve(reachable));
    const queryFn = vi.fn(() => (reachable ? Promise.resolve({ name: 'Sam' }) : Promise.reject(new TypeError('Failed to fetch'))));
    function Screen() {
      const home = useQuery({ queryKey: ['home'], queryFn, retry: false });
      useReconnectProbe({ intervalMs: 50, probe });
      return (
        <>
          <OfflineBanner />
          <FreshnessMark dataUpdatedAt={home.dataUpdatedAt} isError={home.isError} />
          {home.data ? <p>{home.data.name}</p> : null}
        </>
      );
    }
    render(<Screen />, { wrapper });
    await screen.findByText('Sam');
    expect(screen.queryByTestId('freshness-mark')).not.toBeInTheDocument();

    reachable = false;
    await act(() => client.refetchQueries({ queryKey: ['home'] }));
    expect(screen.getByRole('status')).toHaveTextContent('Geen verbinding.');
    expect(screen.getByTestId('freshness-mark')).toHaveTextContent(/^Niet actueel · bijgewerkt om \d{2}:\d{2}$/);
    expect(screen.getByText('Sam')).toBeInTheDocument();

    // While the API gives no answer, the probe asks it, not the queries (no screen changes).
    const calls = queryFn.mock.calls.length;
    await waitFor(() => expect(probe).toHaveBeenCalledTimes(2));
    expect(queryFn.mock.calls.length).toBe(calls);
    reachable = true;
    await waitFor(() => expect(screen.queryByTestId('freshness-mark')).not.toBeInTheDocument());
    expect(queryFn.mock.calls.length).toBeGreaterThan(calls);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('the probe leaves a reachable API alone', async () => {
    const { wrapper } = setup();
    const queryFn = vi.fn(() => Promise.resolve({ name: 'Sam' }));
    const probe = vi.fn(() => Promise.resolve(true));
    renderHook(
      () => {
        useQuery({ queryKey: ['home'], queryFn });
        useReconnectProbe({ intervalMs: 20, probe });
      },
      { wrapper },
    );
    await waitFor(() => expect(queryFn).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(queryFn).toHaveBeenCalledTimes(1);
    expect(probe).not.toHaveBeenCalled();
  });
});

describe('apiAnswers', () => {
  it('sends a HEAD without credentials to the API and counts any answer', async () => {
    setConfig({ apiBaseUrl: 'http://api.test/api/v1' });
    const fetchImpl = vi.fn(() => Promise.resolve(new Response(null, { status: 404 })));
    await expect(apiAnswers(fetchImpl)).resolves.toBe(true);
    expect(fetchImpl).toHaveBeenCalledWith('http://api.test/api/v1/', {
      method: 'HEAD',
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
    });
  });

  it('is false when no answer comes at all', async () => {
    setConfig({ apiBaseUrl: 'http://api.test/api/v1' });
    const fetchImpl = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(apiAnswers(fetchImpl)).resolves.toBe(false);
  });
});
