/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import {
  chunkGroups,
  chunkModules,
  inlineIcon,
  localeParts,
  pruneDesignTokens,
  scriptsFirst,
} from './scripts/vite-plugins.mjs';
import { cspMeta, securityHeaders, servedApiBaseUrl } from './scripts/csp.mjs';
import { serviceWorker } from './src/features/offline/pwa-plugin';

/**
 * The NL Design System React packages assign `Component.displayName` at module level; a bundler
 * must keep such writes, so every component ships even when unused. The names only serve React
 * DevTools: drop them from production builds and mark the modules side-effect free.
 */
function utrechtTreeShaking(): Plugin {
  const utrechtReact = /[\\/]node_modules[\\/]@utrecht[\\/][a-z-]+-react[\\/]dist[\\/].*\.mjs$/;
  return {
    name: 'kindcentraal:utrecht-tree-shaking',
    apply: 'build',
    transform(code, id) {
      if (!utrechtReact.test(id)) return null;
      return {
        code: code.replace(/^[A-Za-z_$][\w$]*\.displayName = (['"])[^'"]*\1;$/gm, ''),
        map: null,
        moduleSideEffects: false,
      };
    },
  };
}

/** React's API on Preact (preact/compat): the same components, about 9 kB gzip instead of React's 69 kB. */
const PREACT = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
  // react-i18next's shim for React 17 and older; Preact has the hook itself.
  { find: /^use-sync-external-store\/shim$/, replacement: 'preact/compat' },
];

const TESTS = 'src/**/*.test.{ts,tsx}';
/** Test files that need a world of their own (see `test.projects`). */
const ISOLATED_TESTS = [
  'src/app/staff-texts.test.tsx', // vi.doMock and fresh imports of the i18n module
  'src/features/offline/query-offline.test.tsx', // vi.mock
  // These switch the language, load other languages' texts or set the page's direction.
  'src/lib/i18n.test.ts',
  'src/lib/i18n-parts.test.ts',
  'src/app/parent-separation.test.tsx',
  'src/app/routes/room-reports.test.tsx',
  'src/features/auth/hooks/use-account-language.test.tsx',
  'src/features/access-log/components/access-log.test.tsx',
  'src/features/parent-child/components/access-visits-screen.test.tsx',
  'src/features/parent-child/components/child-overview.test.tsx',
  'src/features/room-reports/hooks/use-room-reports-nav-items.test.tsx',
  'src/features/activities/utils/format.test.ts',
  'src/features/outcomes/utils/readings.test.ts',
  'src/features/offline/components/freshness-mark.test.tsx',
  'src/features/offline/components/offline-banner.test.tsx',
];

export default defineConfig({
  plugins: [
    // Fast Refresh is React's own and does nothing on Preact: let no module take a hot update,
    // so that the development server reloads the page after a change instead of showing the old
    // screen.
    react({ refreshExclude: /./ }),
    utrechtTreeShaking(),
    // `@/locales/nl.json?parent` and `?staff`: the parent app's texts and the staff texts of one
    // locale file, so the staff texts are a chunk of their own (lib/i18n.ts, docs/i18n.md).
    localeParts(fileURLToPath(new URL('.', import.meta.url))),
    // Design tokens that no imported component CSS and no src/ file uses are left out (~150 kB raw).
    pruneDesignTokens(fileURLToPath(new URL('.', import.meta.url))),
    // dist/.vite/chunk-modules.json for scripts/bundle-budget.mjs.
    chunkModules(fileURLToPath(new URL('.', import.meta.url))),
    serviceWorker(),
    // index.html: the app's script first, the tab icon inline (both for a slow line's first visit).
    scriptsFirst(),
    inlineIcon(fileURLToPath(new URL('.', import.meta.url))),
    // The Content-Security-Policy as a <meta> in the built index.html, for hosts that set no
    // headers (scripts/csp.mjs, docs/security.md).
    cspMeta(),
  ],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      ...PREACT,
    ],
    // Vitest resolves packages for Node and leaves out `module`, which picks react-router's
    // CommonJS build; that build would load React itself instead of Preact.
    ...(process.env.VITEST ? { conditions: ['module'] } : {}),
  },
  server: {
    port: 5173,
    strictPort: true,
    host: '127.0.0.1',
  },
  // `vite preview` (make run, the browser tests) sends the SPA's security headers, the policy's
  // connect-src and report-uri taken from the API base URL it serves (scripts/csp.mjs).
  preview: {
    headers: securityHeaders({ apiBaseUrl: servedApiBaseUrl(fileURLToPath(new URL('.', import.meta.url))) }),
  },
  build: {
    target: 'es2022',
    rolldownOptions: {
      // react-router uses React 19's useOptimistic where there is one and works without it;
      // preact/compat has none, which the bundler would report on every build.
      onLog(level, log, handler) {
        if (log.code === 'IMPORT_IS_UNDEFINED' && log.message.includes('useOptimistic')) return;
        handler(level, log);
      },
      // Fewer, larger files for the first screens (scripts/vite-plugins.mjs, chunkGroups).
      output: {
        codeSplitting: { groups: chunkGroups(fileURLToPath(new URL('.', import.meta.url))) },
      },
    },
    // dist/.vite/manifest.json: the chunk graph scripts/bundle-budget.mjs measures the first screen with.
    manifest: true,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    // Its ES module build, so that the `react` it imports is Preact too (its CommonJS entry
    // would load React itself through Node).
    alias: [
      {
        find: /^@testing-library\/react$/,
        replacement: fileURLToPath(
          new URL('./node_modules/@testing-library/react/dist/@testing-library/react.esm.js', import.meta.url),
        ),
      },
    ],
    // Run through Vite, so that their `react` imports resolve to Preact as in the app.
    server: {
      deps: {
        inline: [
          '@fullcalendar/react',
          '@tanstack/react-query',
          '@testing-library/react',
          /@utrecht\/[a-z-]+-react/,
          'react-i18next',
          'react-router',
        ],
      },
    },
    unstubGlobals: true,
    // A fresh jsdom and module graph per test file cost three quarters of the run (434 s of
    // 690 tests on two busy cores, 104 s without). src/test/setup.ts resets what tests share
    // (storage, the language, mocks and stubbed globals) after every test; the files that
    // replace modules or test loading the texts themselves keep a fresh world of their own.
    projects: [
      {
        extends: true,
        test: { name: 'shared', isolate: false, include: [TESTS], exclude: [...ISOLATED_TESTS] },
      },
      { extends: true, test: { name: 'isolated', include: [...ISOLATED_TESTS] } },
    ],
  },
});
