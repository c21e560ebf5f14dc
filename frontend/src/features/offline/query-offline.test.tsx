import { onlineManager, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient, shouldRetry } from '@/lib/query';

/**
 * What the browser does when the network goes or comes back: navigator.onLine and an event.
 * TanStack Query listens to the event only while a client is mounted; before that, the state
 * is set as src/lib/query.ts sets it for a page opened offline.
 */
function setNetwork(online: boolean) {
  vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(online);
  act(() => {
    if (!onlineManager.hasListeners()) onlineManager.setOnline(online);
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

function wrapperFor(client = createQueryClient()) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { client, wrapper };
}

const failedToFetch = () => Promise.reject(new TypeError('Failed to fetch'));

afterEach(() => {
  onlineManager.setOnline(true);
});

describe('queries without a network (the app defaults)', () => {
  it('do not retry while offline', () => {
    vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(false);
  });

  it('fail at once when there is no data, instead of a paused endless loading state', async () => {
    const { wrapper } = wrapperFor();
    setNetwork(false);
    const queryFn = vi.fn(failedToFetch);
    const { result } = renderHook(() => useQuery({ queryKey: ['home'], queryFn }), { wrapper });
    // Retries (1 s and 2 s apart) or a pause would keep it pending well past this.
    await waitFor(() => expect(result.current.status).toBe('error'), { timeout: 500 });
    expect(result.current.fetchStatus).toBe('idle');
    expect(result.current.error).toBeInstanceOf(TypeError);
    expect(queryFn).toHaveBeenCalledTimes(1);
  });

  it('ask again by themselves when the connection is back', async () => {
    const { wrapper } = wrapperFor();
    setNetwork(false);
    let online = false;
    const queryFn = vi.fn(() => (online ? Promise.resolve({ name: 'Sam' }) : failedToFetch()));
    const { result } = renderHook(() => useQuery({ queryKey: ['home'], queryFn }), { wrapper });
    await waitFor(() => expect(result.current.status).toBe('error'), { timeout: 500 });
    online = true;
    setNetwork(true);
    await waitFor(() => expect(result.current.data).toEqual({ name: 'Sam' }));
    expect(result.current.isError).toBe(false);
  });

  it('keep the data they have when a screen opens again offline, without a failing request', async () => {
    const { wrapper } = wrapperFor();
    const queryFn = vi.fn(() => Promise.resolve({ name: 'Sam' }));
    const options = { queryKey: ['home'], queryFn, staleTime: 0 };
    const first = renderHook(() => useQuery(options), { wrapper });
    await waitFor(() => expect(first.result.current.data).toEqual({ name: 'Sam' }));
    const loadedAt = first.result.current.dataUpdatedAt;
    first.unmount();
    expect(queryFn).toHaveBeenCalledTimes(1);

    setNetwork(false);
    queryFn.mockImplementation(failedToFetch);
    const again = renderHook(() => useQuery(options), { wrapper });
    expect(again.result.current.data).toEqual({ name: 'Sam' });
    // Give a refetch the chance it must not take.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(queryFn).toHaveBeenCalledTimes(1);
    expect(again.result.current.status).toBe('success');
    expect(again.result.current.dataUpdatedAt).toBe(loadedAt);
  });

  it('still refresh a stale screen when it opens online', async () => {
    const { wrapper } = wrapperFor();
    const queryFn = vi.fn(() => Promise.resolve({ name: 'Sam' }));
    const options = { queryKey: ['home'], queryFn, staleTime: 0 };
    const first = renderHook(() => useQuery(options), { wrapper });
    await waitFor(() => expect(first.result.current.isSuccess).toBe(true));
    first.unmount();
    renderHook(() => useQuery(options), { wrapper });
    await waitFor(() => expect(queryFn).toHaveBeenCalledTimes(2));
  });

  it('fail a change at once while offline, rather than holding it back to send later', async () => {
    const { wrapper } = wrapperFor();
    setNetwork(false);
    const mutationFn = vi.fn(failedToFetch);
    const { result } = renderHook(() => useMutation({ mutationFn }), { wrapper });
    act(() => result.current.mutate());
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 500 });
    expect(result.current.isPaused).toBe(false);
    expect(mutationFn).toHaveBeenCalledTimes(1);
  });
});

describe('a page opened offline', () => {
  it('tells TanStack Query it is offline, so the `online` event later counts as a change', async () => {
    vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    vi.resetModules();
    const fresh = await import('@tanstack/react-query');
    expect(fresh.onlineManager.isOnline()).toBe(true);
    await import('@/lib/query');
    expect(fresh.onlineManager.isOnline()).toBe(false);
  });
});
