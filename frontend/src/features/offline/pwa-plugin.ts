import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';

/**
 * The service worker (Workbox, generated at build time by vite-plugin-pwa). It precaches the
 * app shell so the app opens without a network, and it caches NO API response: no route of the
 * worker matches an API request, so those go straight to the network (never through
 * `respondWith`) and fail while offline. See docs/pwa.md.
 */
export const pwaOptions: Partial<VitePWAOptions> = {
  strategies: 'generateSW',
  registerType: 'autoUpdate',
  // Registered by src/features/offline/register-service-worker.ts, in production builds only.
  injectRegister: false,
  // The manifest is a static file: public/manifest.webmanifest, linked from index.html.
  manifest: false,
  includeManifestIcons: false,
  workbox: {
    // The app shell: the HTML, every JS and CSS chunk (the lazy routes too), fonts, icons, manifest.
    globPatterns: ['**/*.{html,js,css,woff2,png,svg,webmanifest}'],
    globIgnores: [
      // config.json is edited per deployment after the build: fetched fresh, kept for offline (below).
      '**/config.json',
      // Noto Sans for the scripts of our six languages (Latin, Latin Extended, Cyrillic) only; the
      // other subsets load when a text needs them. Arabic is not in Noto Sans: the system font.
      '**/*-{cyrillic-ext,devanagari,greek,greek-ext,vietnamese}-*.woff2',
    ],
    navigateFallback: 'index.html',
    // A navigation to the API (or its documentation) is never answered with the app.
    navigateFallbackDenylist: [/^\/api(\/|$)/],
    cleanupOutdatedCaches: true,
    // The Workbox runtime inside sw.js rather than loaded with importScripts(): the worker runs
    // under the SPA's Content-Security-Policy, whose Trusted Types refuse a script URL given
    // as a string (scripts/csp.mjs).
    inlineWorkboxRuntime: true,
    clientsClaim: true,
    skipWaiting: true,
    runtimeCaching: [
      {
        // Only this app's own config.json (the API's address): network first, the last copy offline.
        urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/config.json',
        handler: 'NetworkFirst',
        options: { cacheName: 'kindcentraal-config', expiration: { maxEntries: 1 } },
      },
    ],
  },
};

export function serviceWorker() {
  return VitePWA(pwaOptions);
}
