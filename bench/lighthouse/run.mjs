#!/usr/bin/env node
/**
 * Lighthouse (mobile form factor, default simulated throttling) on the parent app's screens,
 * logged in as the demo parent:
 *   /ouder, /ouder/kinderen/<first child>, /ouder/kinderen/<first child>/toestemming.
 *
 *   make lighthouse                        # or: cd bench/lighthouse && npm ci && node run.mjs
 *   node run.mjs --spa http://127.0.0.1:5173 --runs 3 --port 9229
 *
 * Builds and starts nothing: it expects the built SPA and the API to be running with the demo data
 * (`make run`: SPA on 127.0.0.1:5173, API on 127.0.0.1:8000). The API's address comes from the
 * SPA's own /config.json.
 *
 * How the session reaches Lighthouse: the session is the API's HttpOnly refresh cookie
 * (docs/sessions.md), kept by the browser, and each page of the SPA starts by trading it for an
 * access token, as a parent reopening the installed app does. Chromium is started by Playwright (a
 * persistent context, so Lighthouse's tabs share its cookies) with --remote-debugging-port; the
 * script logs in through the login screen once. Lighthouse's storage reset stays on (its default;
 * it leaves cookies alone): every run is a first visit with an empty HTTP cache and no service
 * worker, as a parent opening the app from a link would have, except that the session exists. A
 * run that does not end on the requested address (e.g. sent to /login) fails the script.
 *
 * Prints performance and accessibility per page (the median run when --runs > 1), what holds a
 * score back, and writes every report as JSON to bench/lighthouse/results/ (gitignored).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
// Lighthouse's own simulator (a file of the pinned 12.8.2, not its public API): --critical-path.
import * as Lantern from 'lighthouse/core/lib/lantern/lantern.js';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// TOOLING.md: the flags Debian's chromium runs headless with on this machine.
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const PARENT = { email: 'ouder@regenboog.demo', password: 'Regenboog-demo-2026' };
const TARGETS = { performance: 0.95, accessibility: 1 };

function parseArgs(argv) {
  const args = {
    spa: process.env.KC_LH_SPA_URL ?? 'http://127.0.0.1:5173',
    port: Number(process.env.KC_LH_PORT ?? 9229),
    runs: Number(process.env.KC_LH_RUNS ?? 1),
    out: join(HERE, 'results'),
    criticalPath: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--spa') args.spa = argv[(i += 1)];
    else if (arg === '--port') args.port = Number(argv[(i += 1)]);
    else if (arg === '--runs') args.runs = Number(argv[(i += 1)]);
    else if (arg === '--out') args.out = argv[(i += 1)];
    else if (arg === '--critical-path') args.criticalPath = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node run.mjs [--spa URL] [--port CDP_PORT] [--runs N] [--out DIR] [--critical-path]');
      process.exit(0);
    } else {
      console.error(`lighthouse: unknown argument ${arg}`);
      process.exit(2);
    }
  }
  args.spa = args.spa.replace(/\/$/, '');
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error('--runs must be a whole number ≥ 1');
  return args;
}

async function fetchJson(url, init) {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: HTTP ${response.status}`);
  return response.json();
}

/** Logs in through the login screen (the browser keeps the refresh cookie); returns an access token. */
async function logIn(context, spa) {
  const page = await context.newPage();
  const bearers = [];
  page.on('request', (request) => {
    const header = request.headers()['authorization'];
    if (header?.startsWith('Bearer ')) bearers.push(header.slice('Bearer '.length));
  });
  await page.goto(`${spa}/login`);
  await page.getByLabel('E-mailadres').fill(PARENT.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PARENT.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/ouder'), { timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await page.close();
  if (bearers.length === 0) throw new Error('logged in, but the SPA sent no access token');
  return bearers.at(-1);
}

/** The first child of the parent, from the parent home (GET /me/home), else the children list. */
async function firstChildId(apiBaseUrl, accessToken) {
  const headers = { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' };
  try {
    const home = await fetchJson(`${apiBaseUrl}/me/home`, { headers });
    if (home.children?.[0]?.id) return home.children[0].id;
  } catch (error) {
    console.warn(`GET /me/home failed (${error.message}); trying GET /children`);
  }
  const list = await fetchJson(`${apiBaseUrl}/children`, { headers });
  const id = (list.items ?? list.data ?? list)[0]?.id;
  if (!id) throw new Error('the demo parent has no children: is the demo data loaded?');
  return id;
}

/**
 * What the simulated phone waited for before the largest paint of the run just done: each
 * request and each main-thread task of 20 ms or more (simulated, 4x CPU) in Lighthouse's
 * optimistic LCP simulation, with its simulated start and end. Lighthouse scores these times,
 * not the ones measured on this machine: requests that the real page sends late but that
 * Lighthouse cannot tie to a script (CORS preflights, the manifest, the icon) are put right
 * after the document there, and take some of its 10 simultaneous requests.
 */
function criticalPath() {
  const timings = Lantern.Simulation.Simulator.allNodeTimings.get('optimisticLargestContentfulPaint');
  if (!timings) return [];
  const rows = [];
  for (const [node, time] of timings) {
    if (node.type === 'network') {
      rows.push({ start: time.startTime, end: time.endTime, what: `${node.request.transferSize} B ${node.request.url}` });
    } else if (time.endTime - time.startTime >= 20) {
      rows.push({ start: time.startTime, end: time.endTime, what: 'main thread' });
    }
  }
  return rows
    .sort((a, b) => a.start - b.start)
    .map((row) => `${String(Math.round(row.start)).padStart(6)} ${String(Math.round(row.end)).padStart(6)} ms  ${row.what}`);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (audit) => (audit?.numericValue === undefined ? '—' : `${Math.round(audit.numericValue)} ms`);

/** What holds the scores back: accessibility audits that fail, performance metrics and opportunities. */
function findings(lhr) {
  const out = [];
  const a11y = lhr.categories.accessibility.auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative');
  for (const audit of a11y) {
    const items = audit.details?.items ?? [];
    const nodes = items.map((item) => item.node?.snippet ?? item.node?.selector).filter(Boolean).slice(0, 3);
    out.push(`accessibility: ${audit.id} — ${audit.title}${nodes.length ? ` (${nodes.join(', ')})` : ''}`);
  }
  if (lhr.categories.performance.score < TARGETS.performance) {
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
    for (const id of metrics) {
      const audit = lhr.audits[id];
      if (audit && audit.score !== null && audit.score < 0.9) {
        out.push(`performance: ${audit.title} ${audit.displayValue} (metric score ${audit.score})`);
      }
    }
    const opportunities = Object.values(lhr.audits)
      .filter((audit) => audit.details?.type === 'opportunity' && (audit.details.overallSavingsMs ?? 0) >= 100)
      .sort((a, b) => b.details.overallSavingsMs - a.details.overallSavingsMs)
      .slice(0, 4);
    for (const audit of opportunities) {
      out.push(`performance: ${audit.title} (about ${Math.round(audit.details.overallSavingsMs)} ms)`);
    }
    const lcp = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet;
    if (lcp) out.push(`performance: the largest contentful paint is ${lcp}`);
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const config = await fetchJson(`${args.spa}/config.json`).catch((error) => {
    throw new Error(`the SPA does not answer at ${args.spa} (${error.message}); start it, e.g. \`make run\``);
  });
  // A relative apiBaseUrl (the API behind the SPA's own host) is resolved against the SPA.
  const apiBaseUrl = new URL(config.apiBaseUrl, `${args.spa}/`).href.replace(/\/$/, '');
  await fetchJson(`${apiBaseUrl}/`).catch((error) => {
    throw new Error(`the API does not answer at ${apiBaseUrl} (${error.message})`);
  });

  const profile = mkdtempSync(join(tmpdir(), 'kc-lighthouse-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${args.port}`],
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const summary = { date: new Date().toISOString(), spa: args.spa, api: apiBaseUrl, runs: args.runs, pages: [] };
  let failed = false;
  try {
    const accessToken = await logIn(context, args.spa);
    const childId = await firstChildId(apiBaseUrl, accessToken);
    const pages = [
      { name: 'Home', path: '/ouder' },
      { name: 'Mijn kind', path: `/ouder/kinderen/${childId}` },
      { name: 'Toestemming', path: `/ouder/kinderen/${childId}/toestemming` },
    ];
    mkdirSync(args.out, { recursive: true });

    for (const page of pages) {
      const url = `${args.spa}${page.path}`;
      const lhrs = [];
      for (let run = 1; run <= args.runs; run += 1) {
        const result = await lighthouse(url, {
          port: args.port,
          // Lighthouse's defaults, said out loud: a mid-range phone, simulated slow 4G and 4x CPU slowdown.
          formFactor: 'mobile',
          throttlingMethod: 'simulate',
          onlyCategories: ['performance', 'accessibility'],
          logLevel: 'error',
          output: 'json',
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const landed = new URL(lhr.finalDisplayedUrl).pathname;
        if (landed !== page.path) {
          throw new Error(`${url} ended on ${landed}, not on ${page.path}: the session did not reach Lighthouse's tab`);
        }
        const file = join(args.out, `${stamp}-${page.path.replace(/\//g, '_').replace(/^_/, '') || 'root'}-${run}.json`);
        writeFileSync(file, result.report);
        lhrs.push(lhr);
        if (args.criticalPath) {
          console.log(`${page.name}, run ${run}: simulated LCP ${ms(lhr.audits['largest-contentful-paint'])}; its critical path:`);
          for (const line of criticalPath()) console.log(`  ${line}`);
        }
      }
      // The run with the median performance score stands for the page.
      const perf = median(lhrs.map((lhr) => lhr.categories.performance.score));
      const lhr = lhrs.find((l) => l.categories.performance.score === perf);
      const row = {
        page: page.name,
        path: page.path.replace(childId, ':childId'),
        performance: lhr.categories.performance.score,
        accessibility: lhr.categories.accessibility.score,
        performanceRuns: lhrs.map((l) => l.categories.performance.score),
        metrics: {
          fcp: lhr.audits['first-contentful-paint']?.numericValue,
          lcp: lhr.audits['largest-contentful-paint']?.numericValue,
          tbt: lhr.audits['total-blocking-time']?.numericValue,
          cls: lhr.audits['cumulative-layout-shift']?.numericValue,
          si: lhr.audits['speed-index']?.numericValue,
        },
        findings: findings(lhr),
        lighthouse: lhr.lighthouseVersion,
      };
      summary.pages.push(row);
      if (row.performance < TARGETS.performance || row.accessibility < TARGETS.accessibility) failed = true;
      console.log(
        `${page.name.padEnd(12)} ${row.path.padEnd(36)} performance ${row.performance.toFixed(2)}` +
          `${args.runs > 1 ? ` (runs ${row.performanceRuns.map((s) => s.toFixed(2)).join(' ')})` : ''}` +
          `  accessibility ${row.accessibility.toFixed(2)}` +
          `  FCP ${ms(lhr.audits['first-contentful-paint'])} LCP ${ms(lhr.audits['largest-contentful-paint'])}` +
          ` TBT ${ms(lhr.audits['total-blocking-time'])} CLS ${lhr.audits['cumulative-layout-shift']?.displayValue ?? '—'}`,
      );
      for (const finding of row.findings) console.log(`    ${finding}`);
    }
    writeFileSync(join(args.out, `${stamp}-summary.json`), JSON.stringify(summary, null, 2));
    console.log(`\nReports: ${args.out}/${stamp}-*.json`);
    console.log(
      failed
        ? `Below the target (performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}) on at least one page.`
        : `Every page meets the target (performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}).`,
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  // Below target is reported, not an error: the run itself worked. KC_LH_STRICT=1 makes it one.
  if (failed && process.env.KC_LH_STRICT === '1') process.exit(1);
}

main().catch((error) => {
  console.error(`lighthouse: ${error.message}`);
  process.exit(1);
});
