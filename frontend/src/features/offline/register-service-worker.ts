/// <reference types="vite-plugin-pwa/vanillajs" />

type RegisterSW = typeof import('virtual:pwa-register').registerSW;

/**
 * Registers the service worker (production builds only: main.tsx calls this when
 * `import.meta.env.PROD`). A new version takes over at once and reloads the page
 * (registerType "autoUpdate"); see docs/pwa.md.
 */
export async function registerServiceWorker(
  // sw-register.ts: registerSW, after the Trusted Types policy that lets the worker's URL through.
  load: () => Promise<{ registerSW: RegisterSW }> = () => import('@/features/offline/sw-register'),
): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return false;
  const { registerSW } = await load();
  registerSW({
    // Precaching starts after the page's `load`: the first screen comes first on a slow line.
    immediate: false,
    onRegisterError: (error: unknown) => console.error('Service worker registration failed', error),
  });
  keepConfigForOffline();
  return true;
}

/** How long after the page's `load` the worker is registered (see registerServiceWorkerLater). */
export const REGISTER_DELAY_MS = 3_000;

/**
 * Registers the service worker a while after the page's `load`, not with the first screen. On a
 * slow line the first screen's requests (its code, the session, its data) then go first: the
 * worker's own code and its precache of the app shell (about 2 MB, docs/pwa.md) come after.
 */
export function registerServiceWorkerLater(
  register: () => Promise<boolean> = registerServiceWorker,
  delayMs: number = REGISTER_DELAY_MS,
): void {
  const later = () => {
    setTimeout(() => void register(), delayMs);
  };
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

/**
 * config.json (the API's address) is read before the worker controls the first page, so it
 * is not in the worker's cache yet. Once the worker is in control, ask for it once more: the
 * worker's network-first route keeps that copy for a start without a network.
 */
export function keepConfigForOffline(
  container: ServiceWorkerContainer = navigator.serviceWorker,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): void {
  const refresh = () => {
    fetchImpl(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' }).catch(() => undefined);
  };
  if (container.controller) refresh();
  else container.addEventListener('controllerchange', refresh, { once: true });
}
