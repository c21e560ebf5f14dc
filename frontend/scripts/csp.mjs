#!/usr/bin/env node
/**
 * The SPA's Content-Security-Policy and the other security headers, worked out from the API's
 * base URL (the `apiBaseUrl` of config.json): the one place they are written (docs/security.md,
 * "Browser hardening"). Used by
 *   - vite.config.ts: `preview.headers` (what `make run` and the browser tests serve), and the
 *     `<meta http-equiv="Content-Security-Policy">` fallback written into index.html at build;
 *   - deployers, for their web server (docs/deploy.md):
 *       node scripts/csp.mjs [--config dist/config.json] [--format nginx|headers|json]
 *     prints nginx `add_header` lines, a static host's `_headers` file, or JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Trusted Types policies the app may create. `default` is the one the service worker's
 * registration needs: workbox-window passes the script URL as a string, which a page that
 * requires Trusted Types accepts only through a default policy; ours lets exactly the
 * worker's own URL through (src/features/offline/trusted-types.ts). Nothing else is allowed.
 */
export const TRUSTED_TYPES_POLICIES = ['default'];

/** Powerful features the app does not use, off for it and anything it could embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
  // Kept for the app itself: copying an API client's secret, printing is not a feature, and
  // the device's own unlock (WebAuthn) for reopening the parent app.
  'clipboard-write=(self)',
  'publickey-credentials-get=(self)',
].join(', ');

/** `{ origin, reportUri }` of an API base URL: absolute, or relative to the SPA ("/api/v1"). */
export function apiEndpoints(apiBaseUrl) {
  const base = String(apiBaseUrl ?? '').trim().replace(/\/+$/, '');
  if (!base) throw new Error('csp: the API base URL is empty');
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(base);
  const url = new URL(base, 'http://spa.invalid');
  if (!relative && !['http:', 'https:'].includes(url.protocol)) {
    throw new Error(`csp: the API base URL must be http(s), not ${url.protocol}`);
  }
  return {
    // A relative base URL is on the SPA's own origin: 'self' covers it.
    origin: relative ? null : url.origin,
    reportUri: relative ? `${url.pathname}/csp-reports` : `${url.origin}${url.pathname}/csp-reports`,
  };
}

/**
 * The policy as a header value, or (`meta: true`) as a `<meta>` fallback: a meta policy
 * cannot carry frame-ancestors or report-uri (browsers ignore them there), and it
 * has connect-src only when the API's address is known at build time (`apiBaseUrl` given):
 * the build is the same for every environment, whose API address is written into
 * config.json after it.
 */
export function contentSecurityPolicy({ apiBaseUrl, meta = false } = {}) {
  const api = apiBaseUrl ? apiEndpoints(apiBaseUrl) : null;
  const connect = ["'self'", ...(api?.origin ? [api.origin] : [])].join(' ');
  const directives = [
    // No default-src in the meta without an API address: it would also close connect-src.
    ...(!meta || api ? ["default-src 'self'"] : []),
    // Only our own files: no inline script, no eval, no other host.
    "script-src 'self'",
    // Only our own stylesheets. React sets `style` props through the CSSOM, which CSP does not
    // govern, so no 'unsafe-inline' is needed for the few colours set per child.
    "style-src 'self'",
    // data: the QR code of a two-factor enrolment; blob: a photo attachment shown before download.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ...(api ? [`connect-src ${connect}`] : []),
    "manifest-src 'self'",
    "worker-src 'self'",
    "media-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    ...(meta ? [] : ["frame-ancestors 'none'"]),
    "require-trusted-types-for 'script'",
    `trusted-types ${TRUSTED_TYPES_POLICIES.join(' ')}`,
    // report-uri only: given `report-to` as well, Chromium ignores report-uri and sends through
    // the Reporting API instead, in batches up to a minute late, which we could not see
    // delivered in the test browser; report-uri reports leave at once, in every browser.
    ...(meta || !api ? [] : [`report-uri ${api.reportUri}`]),
  ];
  return directives.join('; ');
}

/** Every security header of the SPA's responses, for an API base URL. */
export function securityHeaders({ apiBaseUrl }) {
  const { origin } = apiEndpoints(apiBaseUrl);
  return {
    'Content-Security-Policy': contentSecurityPolicy({ apiBaseUrl }),
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
    // The SPA's addresses carry ids of children; it loads nothing from other hosts, and the
    // Origin header (CORS) is sent regardless, so no referrer at all.
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // The API on a host of its own: the browser opens the connections to it while the app's
    // script loads, not after (on a phone's slow line a round trip or two before the first
    // screen). Two, as the browser keeps them apart: the session's refresh sends the cookie, the
    // other calls send none (`crossorigin`).
    ...(origin ? { Link: `<${origin}>; rel=preconnect, <${origin}>; rel=preconnect; crossorigin` } : {}),
  };
}

/** The API base URL of a config.json file; null when the file is missing. */
export function apiBaseUrlOf(configPath) {
  if (!existsSync(configPath)) return null;
  const { apiBaseUrl } = JSON.parse(readFileSync(configPath, 'utf8'));
  if (typeof apiBaseUrl !== 'string' || !apiBaseUrl.trim()) throw new Error(`csp: ${configPath} has no "apiBaseUrl"`);
  return apiBaseUrl;
}

/**
 * The API base URL the served SPA talks to: KC_CSP_API_BASE_URL when set (the browser tests
 * point the SPA at their own API), else the config.json `vite preview` serves (dist/), else
 * the one in public/.
 */
export function servedApiBaseUrl(root, env = process.env) {
  const found =
    env.KC_CSP_API_BASE_URL ||
    apiBaseUrlOf(join(root, 'dist', 'config.json')) ||
    apiBaseUrlOf(join(root, 'public', 'config.json'));
  if (!found) throw new Error(`csp: no API base URL (KC_CSP_API_BASE_URL, or config.json in ${root}/dist or /public)`);
  return found;
}

/**
 * Vite plugin: writes the meta fallback as the first element of <head> in the built
 * index.html (before any script or stylesheet it governs). Its connect-src comes from
 * KC_CSP_API_BASE_URL at build time, when set. Not in `vite` dev: the dev server injects
 * inline scripts (React refresh) by design.
 */
export function cspMeta(env = process.env) {
  return {
    name: 'kindcentraal:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler() {
        const content = contentSecurityPolicy({ apiBaseUrl: env.KC_CSP_API_BASE_URL || undefined, meta: true });
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

function format(headers, kind) {
  const entries = Object.entries(headers);
  if (kind === 'json') return JSON.stringify(headers, null, 2);
  if (kind === 'nginx') return entries.map(([name, value]) => `add_header ${name} "${value.replace(/"/g, '\\"')}" always;`).join('\n');
  // Netlify / Cloudflare Pages `_headers`: a path pattern, then its headers indented.
  return ['/*', ...entries.map(([name, value]) => `  ${name}: ${value}`)].join('\n');
}

function main(argv) {
  const args = { config: 'dist/config.json', format: 'headers' };
  for (let i = 0; i < argv.length; i += 1) {
    const [key, inline] = argv[i].replace(/^--/, '').split('=');
    if (!(key in args)) throw new Error(`usage: node scripts/csp.mjs [--config FILE] [--format nginx|headers|json]`);
    args[key] = inline ?? argv[(i += 1)];
  }
  const apiBaseUrl = apiBaseUrlOf(args.config);
  if (!apiBaseUrl) throw new Error(`csp: ${args.config} is missing`);
  console.log(format(securityHeaders({ apiBaseUrl }), args.format));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
