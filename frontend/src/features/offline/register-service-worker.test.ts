import { describe, expect, it, vi } from 'vitest';
import {
  keepConfigForOffline,
  REGISTER_DELAY_MS,
  registerServiceWorker,
  registerServiceWorkerLater,
} from '@/features/offline/register-service-worker';

function fakeContainer(controller: unknown) {
  const target = new EventTarget();
  return Object.assign(target, { controller }) as unknown as ServiceWorkerContainer;
}

describe('keepConfigForOffline', () => {
  it('asks for config.json at once when the worker already controls the page', () => {
    const fetchImpl = vi.fn(() => Promise.resolve(new Response('{}')));
    keepConfigForOffline(fakeContainer({}), fetchImpl);
    expect(fetchImpl).toHaveBeenCalledWith('/config.json', { cache: 'no-store' });
  });

  it('waits until the worker takes control, then asks once', () => {
    const fetchImpl = vi.fn(() => Promise.resolve(new Response('{}')));
    const container = fakeContainer(null);
    keepConfigForOffline(container, fetchImpl);
    expect(fetchImpl).not.toHaveBeenCalled();
    container.dispatchEvent(new Event('controllerchange'));
    container.dispatchEvent(new Event('controllerchange'));
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('stays quiet when config.json cannot be fetched', async () => {
    const fetchImpl = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(() => keepConfigForOffline(fakeContainer({}), fetchImpl)).not.toThrow();
    await Promise.resolve();
  });
});

describe('registerServiceWorker', () => {
  it('does nothing where the browser has no service workers', async () => {
    const load = vi.fn();
    // jsdom has no navigator.serviceWorker.
    expect('serviceWorker' in navigator).toBe(false);
    await expect(registerServiceWorker(load)).resolves.toBe(false);
    expect(load).not.toHaveBeenCalled();
  });

  it('registers after the page has loaded, where service workers exist', async () => {
    const container = fakeContainer(null);
    Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true });
    try {
      const registerSW = vi.fn();
      await expect(registerServiceWorker(() => Promise.resolve({ registerSW }))).resolves.toBe(true);
      expect(registerSW).toHaveBeenCalledWith(expect.objectContaining({ immediate: false }));
    } finally {
      delete (navigator as unknown as Record<string, unknown>).serviceWorker;
    }
  });
});

describe('registerServiceWorkerLater', () => {
  it("registers a while after the page's load, not with the first screen", () => {
    vi.useFakeTimers();
    try {
      const register = vi.fn(() => Promise.resolve(true));
      // jsdom's page has loaded: the wait starts now.
      expect(document.readyState).toBe('complete');
      registerServiceWorkerLater(register);
      vi.advanceTimersByTime(REGISTER_DELAY_MS - 1);
      expect(register).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(register).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
