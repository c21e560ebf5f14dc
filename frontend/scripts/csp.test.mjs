// Tests of the SPA's security headers: `node --test scripts/csp.test.mjs` (run by `make bundle-budget`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { apiEndpoints, contentSecurityPolicy, securityHeaders, servedApiBaseUrl } from './csp.mjs';

const API = 'https://api.huizen.kindcentraal.nl/api/v1/';
const directives = (policy) => new Map(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1).join(' ')]));

test('the header policy: own scripts only, the API as the one other origin, reports to it', () => {
  const policy = directives(contentSecurityPolicy({ apiBaseUrl: API }));
  assert.equal(policy.get('script-src'), "'self'");
  assert.equal(policy.get('style-src'), "'self'");
  assert.equal(policy.get('connect-src'), "'self' https://api.huizen.kindcentraal.nl");
  assert.equal(policy.get('frame-ancestors'), "'none'");
  assert.equal(policy.get('object-src'), "'none'");
  assert.equal(policy.get('base-uri'), "'none'");
  assert.equal(policy.get('require-trusted-types-for'), "'script'");
  assert.equal(policy.get('trusted-types'), 'default');
  assert.equal(policy.get('report-uri'), 'https://api.huizen.kindcentraal.nl/api/v1/csp-reports');
  assert.equal(policy.has('report-to'), false);
  assert.doesNotMatch(contentSecurityPolicy({ apiBaseUrl: API }), /unsafe-|\*/);
});

test('the meta policy leaves out what browsers ignore there, and connect-src without an address', () => {
  const bare = directives(contentSecurityPolicy({ meta: true }));
  for (const ignored of ['frame-ancestors', 'report-uri', 'report-to', 'connect-src', 'default-src']) {
    assert.equal(bare.has(ignored), false, ignored);
  }
  assert.equal(bare.get('script-src'), "'self'");
  assert.equal(bare.get('require-trusted-types-for'), "'script'");
  const known = directives(contentSecurityPolicy({ apiBaseUrl: API, meta: true }));
  assert.equal(known.get('connect-src'), "'self' https://api.huizen.kindcentraal.nl");
  assert.equal(known.has('report-uri'), false);
});

test('an API on the SPA\'s own origin needs only self; other schemes are refused', () => {
  assert.deepEqual(apiEndpoints('/api/v1'), { origin: null, reportUri: '/api/v1/csp-reports' });
  assert.equal(directives(contentSecurityPolicy({ apiBaseUrl: '/api/v1' })).get('connect-src'), "'self'");
  assert.throws(() => apiEndpoints('javascript:alert(1)'), /http/);
  assert.throws(() => apiEndpoints(''), /empty/);
});

test('the headers, and the served API address from the environment or config.json', () => {
  const headers = securityHeaders({ apiBaseUrl: API });
  assert.equal(headers['Cross-Origin-Opener-Policy'], 'same-origin');
  assert.equal(headers['Referrer-Policy'], 'no-referrer');
  assert.match(headers['Permissions-Policy'], /camera=\(\)/);
  // An API on another host: both connections to it opened early, with and without the cookie.
  const origin = new URL(API).origin;
  assert.equal(headers.Link, `<${origin}>; rel=preconnect, <${origin}>; rel=preconnect; crossorigin`);
  assert.equal(securityHeaders({ apiBaseUrl: '/api/v1' }).Link, undefined);
  const root = mkdtempSync(join(tmpdir(), 'kc-csp-'));
  assert.throws(() => servedApiBaseUrl(root, {}), /no API base URL/);
  execFileSync('mkdir', ['-p', join(root, 'public')]);
  writeFileSync(join(root, 'public', 'config.json'), JSON.stringify({ apiBaseUrl: 'http://127.0.0.1:8000/api/v1' }));
  assert.equal(servedApiBaseUrl(root, {}), 'http://127.0.0.1:8000/api/v1');
  assert.equal(servedApiBaseUrl(root, { KC_CSP_API_BASE_URL: API }), API);
});

test('the command prints nginx lines with quotes escaped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kc-csp-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ apiBaseUrl: API }));
  const script = new URL('./csp.mjs', import.meta.url).pathname;
  const nginx = execFileSync('node', [script, '--config', join(dir, 'config.json'), '--format', 'nginx'], { encoding: 'utf8' });
  assert.match(nginx, /^add_header Content-Security-Policy "default-src 'self';.*" always;$/m);
  assert.match(nginx, /^add_header Permissions-Policy "accelerometer=\(\), .*" always;$/m);
  assert.match(nginx, /^add_header Link "<.*>; rel=preconnect, <.*>; rel=preconnect; crossorigin" always;$/m);
  assert.equal(nginx.trim().split('\n').length, 7);
  const file = execFileSync('node', [script, '--config', join(dir, 'config.json')], { encoding: 'utf8' });
  assert.match(file, /^\/\*\n {2}Content-Security-Policy: default-src 'self';/);
});
