// Tests the Spectral ruleset (../../.spectral.yaml) itself: a small valid document passes, and each
// rule fires on a copy of it with exactly one deliberate violation. Also lints the real
// openapi.yaml. Run: `node --test spectral-rules.test.mjs` (from tests/e2e, after `npm ci`).
//
// All documents are linted by one spectral CLI run (each run costs about a second).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const ruleset = join(repoRoot, '.spectral.yaml');
const openapi = join(repoRoot, 'openapi.yaml');
const spectral = join(here, 'node_modules/.bin/spectral');

const problemResponse = (description) => ({
  description,
  headers: { 'API-Version': { $ref: '#/components/headers/API-Version' } },
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const apiVersion = { 'API-Version': { $ref: '#/components/headers/API-Version' } };
const json = (ref) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });

/** A small document that follows every rule, in the shape FastAPI writes ours. */
function validDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Test API',
      description: 'A document that follows every rule.',
      version: '1.2.3',
      contact: { name: 'Team', email: 'api@example.nl', url: 'https://example.nl/' },
    },
    servers: [{ url: '/api/v1' }],
    paths: {
      '/': {
        get: {
          operationId: 'root:read',
          description: 'Landing resource.',
          tags: ['root'],
          responses: { 200: { description: 'OK', headers: apiVersion, content: json('Child') } },
        },
      },
      '/auth/token': {
        post: {
          operationId: 'auth:create_token',
          description: 'OAuth2 password login.',
          tags: ['auth'],
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: { $ref: '#/components/schemas/Body_auth_create_token' },
              },
            },
          },
          responses: {
            200: { description: 'Tokens', headers: apiVersion, content: json('TokenResponse') },
            400: { $ref: '#/components/responses/400' },
            401: { $ref: '#/components/responses/401' },
          },
        },
      },
      '/child-centres/{centreId}/children': {
        get: {
          operationId: 'children:list',
          description: 'Children of a centre.',
          tags: ['children'],
          parameters: [
            { name: 'centreId', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'pageSize', in: 'query', required: false, schema: { type: 'integer' } },
          ],
          responses: {
            200: { description: 'OK', headers: apiVersion, content: json('ChildPage') },
            400: { $ref: '#/components/responses/400' },
            404: { $ref: '#/components/responses/404' },
          },
        },
        post: {
          operationId: 'children:create',
          description: 'Adds a child.',
          tags: ['children'],
          parameters: [{ name: 'centreId', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: json('Child') },
          responses: {
            201: { description: 'Created', headers: apiVersion, content: json('Child') },
            400: { $ref: '#/components/responses/400' },
          },
        },
      },
      '/children/{childId}': {
        delete: {
          operationId: 'children:delete',
          description: 'Removes a child.',
          tags: ['children'],
          parameters: [{ name: 'childId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            204: { description: 'Deleted', headers: apiVersion },
            400: { $ref: '#/components/responses/400' },
            404: { $ref: '#/components/responses/404' },
          },
        },
      },
    },
    components: {
      schemas: {
        Child: {
          type: 'object',
          properties: { givenName: { type: 'string' }, familyName: { type: 'string' } },
        },
        ChildPage: {
          type: 'object',
          properties: {
            items: { type: 'array', items: { $ref: '#/components/schemas/Child' } },
            nextCursor: { type: ['string', 'null'] },
          },
        },
        TokenResponse: {
          type: 'object',
          properties: {
            access_token: { type: 'string' },
            token_type: { type: 'string' },
            expires_in: { type: 'integer' },
            refresh_token: { type: 'string' },
          },
        },
        Body_auth_create_token: {
          type: 'object',
          properties: {
            grant_type: { type: 'string' },
            username: { type: 'string' },
            password: { type: 'string' },
            scope: { type: 'string' },
            client_id: { type: 'string' },
            client_secret: { type: 'string' },
          },
        },
        Problem: {
          type: 'object',
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' } },
        },
      },
      headers: { 'API-Version': { description: 'Version.', schema: { type: 'string' } } },
      responses: {
        400: problemResponse('Invalid input.'),
        401: problemResponse('Not logged in.'),
        404: problemResponse('Not found.'),
      },
    },
  };
}

const childrenPath = '/child-centres/{centreId}/children';

function renamePath(doc, from, to) {
  doc.paths = Object.fromEntries(
    Object.entries(doc.paths).map(([key, value]) => [key === from ? to : key, value]),
  );
}

/** One case per violation: the rule that must fire, and how to break the valid document. */
const violations = [
  ['kc-path-kebab-case', 'a camelCase path segment', (d) => renamePath(d, childrenPath, '/childCentres/{centreId}/children')],
  ['kc-path-kebab-case', 'a snake_case path segment', (d) => renamePath(d, '/children/{childId}', '/child_list/{childId}')],
  ['kc-path-kebab-case', 'a snake_case path parameter', (d) => renamePath(d, '/children/{childId}', '/children/{child_id}')],
  ['kc-path-no-trailing-slash', 'a trailing slash', (d) => renamePath(d, '/children/{childId}', '/children/{childId}/')],
  ['path-keys-no-trailing-slash', 'a trailing slash (Spectral rule, raised to error)', (d) => renamePath(d, '/children/{childId}', '/children/{childId}/')],
  ['kc-servers-present', 'no servers', (d) => delete d.servers],
  ['kc-server-url-api-v1', 'a server without the version', (d) => (d.servers = [{ url: '/api' }])],
  ['kc-server-url-api-v1', 'a server with another version', (d) => (d.servers = [{ url: 'https://example.nl/api/v2' }])],
  ['oas3-server-trailing-slash', 'a server URL with a trailing slash', (d) => (d.servers = [{ url: '/api/v1/' }])],
  ['kc-info-contact', 'no contact email', (d) => delete d.info.contact.email],
  ['kc-info-contact', 'no contact at all', (d) => delete d.info.contact],
  ['kc-info-version-semver', 'version "1.0"', (d) => (d.info.version = '1.0')],
  ['kc-info-version-semver', 'version "v1"', (d) => (d.info.version = 'v1')],
  ['kc-api-version-header', 'a 200 without API-Version', (d) => delete d.paths[childrenPath].get.responses[200].headers],
  ['kc-api-version-header', 'a 204 without API-Version', (d) => delete d.paths['/children/{childId}'].delete.responses[204].headers],
  ['kc-api-version-header', 'a 302 without headers', (d) => (d.paths['/'].get.responses[302] = { description: 'Moved' })],
  ['kc-api-version-header', 'a shared (component) 2XX response without API-Version', (d) => {
    d.components.responses.Ok = { description: 'OK' };
    d.paths['/'].get.responses['2XX'] = { $ref: '#/components/responses/Ok' };
  }],
  ['kc-error-problem-json', 'a 404 as application/json', (d) => {
    d.paths[childrenPath].get.responses[404] = { description: 'Not found', headers: apiVersion, content: json('Problem') };
  }],
  ['kc-error-problem-json', 'a 500 without content', (d) => (d.paths['/'].get.responses[500] = { description: 'Error' })],
  ['kc-error-problem-json', 'a 409 offering problem+json and application/json', (d) => {
    d.paths[childrenPath].post.responses[409] = {
      description: 'Conflict',
      content: { ...problemResponse('x').content, ...json('Problem') },
    };
  }],
  ['kc-no-422', 'a 422 response', (d) => (d.paths[childrenPath].post.responses[422] = problemResponse('Unprocessable'))],
  ['kc-400-documented', 'query parameters without 400', (d) => delete d.paths[childrenPath].get.responses[400]],
  ['kc-400-documented', 'a request body without 400', (d) => delete d.paths[childrenPath].post.responses[400]],
  ['kc-400-documented', 'path-level parameters without 400', (d) => {
    const item = d.paths['/children/{childId}'];
    item.parameters = item.delete.parameters;
    delete item.delete.parameters;
    delete item.delete.responses[400];
  }],
  ['kc-query-parameter-camel-case', 'a snake_case query parameter', (d) => (d.paths[childrenPath].get.parameters[1].name = 'page_size')],
  ['kc-query-parameter-camel-case', 'a kebab-case query parameter (shared component)', (d) => {
    d.components.parameters = { Sort: { name: 'sort-order', in: 'query', schema: { type: 'string' } } };
    d.paths[childrenPath].get.parameters.push({ $ref: '#/components/parameters/Sort' });
  }],
  ['kc-property-camel-case', 'a snake_case property in a component schema', (d) => {
    d.components.schemas.Child.properties.date_of_birth = { type: 'string' };
  }],
  ['kc-property-camel-case', 'a PascalCase nested property', (d) => {
    d.components.schemas.Child.properties.address = { type: 'object', properties: { Street: { type: 'string' } } };
  }],
  ['kc-property-camel-case', 'a snake_case property in an inline response schema', (d) => {
    d.paths['/'].get.responses[200].content = {
      'application/json': { schema: { type: 'object', properties: { api_version: { type: 'string' } } } },
    };
  }],
  ['kc-property-camel-case', 'RFC 6749 names outside the token endpoint (a form body elsewhere)', (d) => {
    d.paths[childrenPath].post.requestBody.content = {
      'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { refresh_token: { type: 'string' } } } },
    };
  }],
  ['kc-property-camel-case', 'a snake_case property in a JSON body of /auth/token', (d) => {
    d.paths['/auth/token'].post.requestBody.content['application/json'] = {
      schema: { type: 'object', properties: { grant_type: { type: 'string' } } },
    };
  }],
  ['kc-token-response-property-names', 'a non-RFC snake_case name in TokenResponse', (d) => {
    d.components.schemas.TokenResponse.properties.user_id = { type: 'string' };
  }],
  ['kc-token-form-property-names', 'a non-RFC snake_case field in the token form', (d) => {
    d.components.schemas.Body_auth_create_token.properties.remember_me = { type: 'boolean' };
  }],
  ['kc-token-form-property-names', 'a non-RFC field in an inline token form', (d) => {
    d.paths['/auth/token'].post.requestBody.content['application/x-www-form-urlencoded'].schema = {
      type: 'object',
      properties: { grant_type: { type: 'string' }, one_time_code: { type: 'string' } },
    };
  }],
  ['operation-operationId', 'an operation without operationId', (d) => delete d.paths['/'].get.operationId],
  ['operation-operationId-unique', 'two operations with one operationId', (d) => {
    d.paths[childrenPath].post.operationId = d.paths[childrenPath].get.operationId;
  }],
];

let workDir;
/** source file name → results of that document */
const results = new Map();

function errorsOf(name) {
  return (results.get(name) ?? []).filter((r) => r.severity === 0);
}

function describeResults(list) {
  return list.map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`).join('\n') || '(none)';
}

before(() => {
  workDir = mkdtempSync(join(tmpdir(), 'kc-spectral-'));
  const files = ['valid.json'];
  writeFileSync(join(workDir, 'valid.json'), JSON.stringify(validDocument(), null, 2));
  violations.forEach(([, , mutate], index) => {
    const doc = validDocument();
    mutate(doc);
    const name = `violation-${index}.json`;
    writeFileSync(join(workDir, name), JSON.stringify(doc, null, 2));
    files.push(name);
  });
  const run = spawnSync(
    spectral,
    ['lint', '--format', 'json', '--fail-severity', 'error', '--ruleset', ruleset, ...files.map((f) => join(workDir, f)), openapi],
    { encoding: 'utf8', cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
  );
  // Exit 1 = errors found (expected here); anything else is a broken ruleset or CLI.
  assert.ok(run.status === 0 || run.status === 1, `spectral exited ${run.status}: ${run.stderr}${run.stdout}`);
  const start = run.stdout.indexOf('[');
  assert.ok(start >= 0, `spectral printed no JSON: ${run.stdout}${run.stderr}`);
  for (const result of JSON.parse(run.stdout.slice(start))) {
    const key = result.source === openapi ? 'openapi.yaml' : result.source.split(/[\\/]/).pop();
    if (!results.has(key)) results.set(key, []);
    results.get(key).push(result);
  }
});

after(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('.spectral.yaml', () => {
  test('the real openapi.yaml has no errors', () => {
    const errors = errorsOf('openapi.yaml');
    assert.equal(errors.length, 0, describeResults(errors));
  });

  test('the valid test document has no errors and no findings of our rules', () => {
    const ours = (results.get('valid.json') ?? []).filter((r) => r.severity === 0 || r.code.startsWith('kc-'));
    assert.equal(ours.length, 0, describeResults(ours));
  });

  test('the RFC 6749 names of TokenResponse and the /auth/token form are exempt', () => {
    const found = (results.get('valid.json') ?? []).filter((r) => /camel-case|property-names/.test(r.code));
    assert.equal(found.length, 0, describeResults(found));
  });

  violations.forEach(([rule, what], index) => {
    test(`${rule} fires on ${what}`, () => {
      const errors = errorsOf(`violation-${index}.json`);
      assert.ok(
        errors.some((r) => r.code === rule),
        `expected an error from ${rule}; got:\n${describeResults(errors)}`,
      );
    });
  });

  test('every kc-* rule of the ruleset is exercised by a violation case', async () => {
    const { readFileSync } = await import('node:fs');
    const declared = [...readFileSync(ruleset, 'utf8').matchAll(/^ {2}(kc-[a-z0-9-]+):/gm)].map((m) => m[1]);
    assert.ok(declared.length > 0, 'no kc-* rules found in .spectral.yaml');
    const tested = new Set(violations.map(([rule]) => rule));
    assert.deepEqual(declared.filter((rule) => !tested.has(rule)), []);
  });
});
