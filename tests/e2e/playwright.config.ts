import { defineConfig } from '@playwright/test';
import { API_BASE_URL, SPA_URL } from './support/env';

/**
 * Browser tests of KindCentraal. `globalSetup` starts a fresh stack on its own ports (API 8100,
 * SPA 5183; never those of `make run`) with a new SQLite database and the demo data, and stops
 * it afterwards. The browser is always Debian's /usr/bin/chromium: no Playwright browser
 * download is used or needed.
 */
export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  globalSetup: './support/global-setup.ts',
  // Two cores: one browser, one test at a time, next to the API and the SPA server.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_500 },
  reporter: process.env.CI
    ? [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]]
    : [['list']],
  metadata: { apiBaseUrl: API_BASE_URL },
  use: {
    baseURL: SPA_URL,
    headless: true,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
