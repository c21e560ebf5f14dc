// Tests of the build scripts: `node --test scripts/scripts.test.mjs` (run by `make bundle-budget`).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FORBIDDEN, measure } from './bundle-budget.mjs';
import { classesInJs, missingUtrechtCss } from './utrecht-css.mjs';
import { customPropertiesIn, inlineIcon, localeParts, pruneDesignTokensCss, scriptsFirst, splitTexts } from './vite-plugins.mjs';

const TOKENS = `/* tokens */
@media (width >= 35em) {
  .utrecht-theme--media-query,
  .utrecht-theme--media-query-viewport {
    --utrecht-heading-1-font-size: 28px; /* tablet */
  }
}
.utrecht-theme {
  --utrecht-color-red-40: #d52b1e;
  --utrecht-color-blue-35: #24578f;
  --utrecht-button-background-color: var(--utrecht-color-blue-35);
  --utrecht-unused-token: 1px;
  --utrecht-heading-1-font-size: 24px;
}
.utrecht-theme .utrecht-page-footer {
  --utrecht-unused-footer: 0;
}
@media (prefers-color-scheme: dark) {
  .utrecht-theme--media-query-color-scheme {
    --utrecht-button-background-color: black;
  }
}
`;

test('design tokens: keeps the used tokens and what they refer to, drops the rest', () => {
  const used = customPropertiesIn('.utrecht-button { background: var(--utrecht-button-background-color); font-size: var(--utrecht-heading-1-font-size) }');
  const out = pruneDesignTokensCss(TOKENS, { properties: used, classes: new Set() });
  assert.match(out, /--utrecht-button-background-color: var\(--utrecht-color-blue-35\)/);
  assert.match(out, /--utrecht-color-blue-35: #24578f/, 'a token a kept token refers to stays');
  assert.match(out, /--utrecht-heading-1-font-size: 24px/);
  assert.doesNotMatch(out, /--utrecht-color-red-40|--utrecht-unused-token/);
  // The footer rule lost its only declaration; the variants nobody switches on are gone.
  assert.doesNotMatch(out, /utrecht-page-footer|media-query|prefers-color-scheme|28px/);
  assert.match(out, /^\.utrecht-theme \{/m);
});

test('design tokens: a theme modifier class in use keeps its rules', () => {
  const used = new Set(['--utrecht-heading-1-font-size']);
  const out = pruneDesignTokensCss(TOKENS, { properties: used, classes: new Set(['utrecht-theme--media-query']) });
  assert.match(out, /@media \(width >= 35em\)/);
  assert.match(out, /28px/);
});

test('utrecht CSS guard: a class the JavaScript renders without its stylesheet is reported', () => {
  const dir = mkdtempSync(join(tmpdir(), 'utrecht-css-'));
  const library = join(dir, 'library.css');
  writeFileSync(library, '.utrecht-button{} .utrecht-button--primary-action{} .utrecht-checkbox--custom{}');
  const js = 'const c = clsx("utrecht-button", x && "utrecht-button--primary-action", "utrecht-checkbox--custom"); s["--utrecht-checkbox-size"]';
  assert.deepEqual([...classesInJs(js)].sort(), ['utrecht-button', 'utrecht-button--primary-action', 'utrecht-checkbox--custom']);
  const css = '.utrecht-button{color:red}.utrecht-button--primary-action{color:blue}';
  assert.deepEqual(missingUtrechtCss({ js, css, library: [library] }), ['utrecht-checkbox--custom']);
  assert.deepEqual(missingUtrechtCss({ js, css: css + '.utrecht-checkbox--custom{}', library: [library] }), []);
});

test('bundle budget: counts the entry, the route chunks and their static imports, not dynamic imports', () => {
  const dist = mkdtempSync(join(tmpdir(), 'budget-'));
  mkdirSync(join(dist, '.vite'));
  mkdirSync(join(dist, 'assets'));
  const files = {
    'assets/index.js': 'a'.repeat(1000),
    'assets/shared.js': 'b'.repeat(2000),
    'assets/home.js': 'c'.repeat(3000),
    'assets/home-dep.js': 'd'.repeat(4000),
    'assets/calendar.js': 'e'.repeat(50000),
    'assets/index.css': '.utrecht-theme{}',
    'assets/calendar.css': '.fc{}',
  };
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dist, file), text);
  const manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['src/home.tsx', 'src/calendar.tsx'], css: ['assets/index.css'] },
    '_shared.js': { file: 'assets/shared.js' },
    'src/home.tsx': { file: 'assets/home.js', isDynamicEntry: true, imports: ['_shared.js', '_home-dep.js'] },
    '_home-dep.js': { file: 'assets/home-dep.js' },
    'src/calendar.tsx': { file: 'assets/calendar.js', isDynamicEntry: true, css: ['assets/calendar.css'] },
  };
  writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(
    join(dist, '.vite', 'chunk-modules.json'),
    JSON.stringify({ 'assets/home-dep.js': { modules: { 'node_modules/qrcode/lib/index.js': 4000 } } }),
  );
  const result = measure(dist, ['src/home.tsx']);
  assert.deepEqual(result.js.files.map((f) => f.file).sort(), ['assets/home-dep.js', 'assets/home.js', 'assets/index.js', 'assets/shared.js']);
  assert.equal(result.js.total.raw, 10000);
  assert.ok(result.js.total.gzip > 0 && result.js.total.gzip < 10000);
  assert.deepEqual(result.css.files.map((f) => f.file), ['assets/index.css']);
  assert.deepEqual(result.css.webFonts, []);
  assert.equal(result.allCss.files.length, 2);
  assert.deepEqual(result.composition.forbidden.map((f) => f.what), ['qrcode']);
});

test('bundle budget: a route inside a chunk that groups several screens counts that chunk', () => {
  const dist = mkdtempSync(join(tmpdir(), 'budget-'));
  mkdirSync(join(dist, '.vite'));
  mkdirSync(join(dist, 'assets'));
  const files = { 'assets/index.js': 'a'.repeat(1000), 'assets/frame.js': 'b'.repeat(2000), 'assets/other.js': 'c'.repeat(3000) };
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dist, file), text);
  const manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, dynamicImports: ['_frame.js', 'src/other.tsx'] },
    '_frame.js': { file: 'assets/frame.js', name: 'parent-frame', imports: ['index.html'] },
    'src/other.tsx': { file: 'assets/other.js', isDynamicEntry: true, imports: ['index.html'] },
  };
  writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(
    join(dist, '.vite', 'chunk-modules.json'),
    JSON.stringify({ 'assets/frame.js': { modules: { 'src/layout.tsx': 1200, 'src/home.tsx': 800 } } }),
  );
  const result = measure(dist, ['src/layout.tsx', 'src/home.tsx']);
  assert.deepEqual(result.js.files.map((f) => f.file).sort(), ['assets/frame.js', 'assets/index.js']);
  assert.deepEqual(result.notes, ['src/home.tsx is inside a chunk counted above (assets/frame.js)']);
});

test('bundle budget: a web font in the first screen\'s CSS is reported', () => {
  const dist = mkdtempSync(join(tmpdir(), 'budget-'));
  mkdirSync(join(dist, '.vite'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'assets', 'index.js'), 'x');
  writeFileSync(join(dist, 'assets', 'index.css'), '@font-face{font-family:"Noto Sans Variable";src:url(a.woff2)}');
  writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify({ 'index.html': { file: 'assets/index.js', isEntry: true, css: ['assets/index.css'] } }));
  assert.deepEqual(measure(dist, []).css.webFonts, ['assets/index.css']);
});

test('index.html: the script and stylesheet come before config.json, the icons and the manifest', () => {
  const html = [
    '<head>',
    '    <title>K</title>',
    '    <link rel="preload" href="/config.json" as="fetch" crossorigin="anonymous" />',
    '    <link rel="icon" href="/icons/icon.svg" type="image/svg+xml" />',
    '    <link rel="manifest" href="/manifest.webmanifest" />',
    '    <script type="module" crossorigin src="/assets/index-1.js"></script>',
    '    <link rel="stylesheet" crossorigin href="/assets/index-1.css">',
    '  </head>',
  ].join('\n');
  const out = scriptsFirst().transformIndexHtml.handler(html);
  const order = ['index-1.js', 'index-1.css', 'config.json', 'icon.svg', 'manifest.webmanifest'].map((name) => out.indexOf(name));
  assert.ok(order.every((at) => at > 0), out);
  assert.deepEqual([...order].sort((a, b) => a - b), order, out);
  assert.equal(out.match(/<script/g).length, 1);
  // Nothing to move: unchanged.
  assert.equal(scriptsFirst().transformIndexHtml.handler('<head><title>K</title></head>'), '<head><title>K</title></head>');
});

test('index.html: the tab icon is written in as a data: URL, without the comments of the file', () => {
  const root = mkdtempSync(join(tmpdir(), 'icon-'));
  mkdirSync(join(root, 'public', 'icons'), { recursive: true });
  writeFileSync(join(root, 'public', 'icons', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg">\n  <!-- why -->\n  <rect width="1"/>\n</svg>\n');
  const out = inlineIcon(root).transformIndexHtml('<link rel="icon" href="/icons/icon.svg" type="image/svg+xml" />');
  const href = /href="([^"]+)"/.exec(out)[1];
  assert.ok(href.startsWith('data:image/svg+xml,'), out);
  assert.equal(decodeURIComponent(href.slice('data:image/svg+xml,'.length)), '<svg xmlns="http://www.w3.org/2000/svg"> <rect width="1"/> </svg>');
});

test('splitTexts: the texts under the parent namespaces, and all the others, each text once', () => {
  const texts = {
    app: { name: 'KindCentraal', loading: 'Bezig…' },
    day: { title: 'Vandaag', timeline: { now: 'Nu', later: 'Straks' }, kinds: { school: 'School' }, group: 'Groep' },
    children: { search: 'Zoeken' },
    security: { title: 'Beveiliging', settings: { title: 'Instellingen' } },
  };
  const { parent, staff } = splitTexts(texts, ['app', 'day.timeline', 'day.kinds', 'security.title', 'nothing.here']);
  assert.deepEqual(parent, {
    app: { name: 'KindCentraal', loading: 'Bezig…' },
    day: { timeline: { now: 'Nu', later: 'Straks' }, kinds: { school: 'School' } },
    security: { title: 'Beveiliging' },
  });
  assert.deepEqual(staff, {
    day: { title: 'Vandaag', group: 'Groep' },
    children: { search: 'Zoeken' },
    security: { settings: { title: 'Instellingen' } },
  });
  // The input is left as it was.
  assert.equal(texts.day.title, 'Vandaag');
});

test('splitTexts: the later parent texts in a part of their own; a later path outside the parent namespaces is refused', () => {
  const texts = {
    app: { name: 'KindCentraal' },
    messages: { nav: { unread: '{{count}} nieuw' }, thread: { reply: 'Antwoorden' }, title: 'Berichten' },
    parentTalks: { title: 'Gesprekken' },
    rooms: { title: 'Ruimtes' },
  };
  const { parent, later, staff } = splitTexts(texts, ['app', 'messages', 'parentTalks'], ['messages.thread', 'parentTalks']);
  assert.deepEqual(parent, { app: { name: 'KindCentraal' }, messages: { nav: { unread: '{{count}} nieuw' }, title: 'Berichten' } });
  assert.deepEqual(later, { messages: { thread: { reply: 'Antwoorden' } }, parentTalks: { title: 'Gesprekken' } });
  assert.deepEqual(staff, { rooms: { title: 'Ruimtes' } });
  assert.throws(() => splitTexts(texts, ['app'], ['rooms']), /rooms is not under PARENT_NAMESPACES/);
});

test('localeParts: `nl.json?parent` and `?staff` become modules of the two parts, read from the file', async () => {
  const root = mkdtempSync(join(tmpdir(), 'locale-parts-'));
  mkdirSync(join(root, 'src', 'lib'), { recursive: true });
  mkdirSync(join(root, 'src', 'locales'), { recursive: true });
  writeFileSync(join(root, 'src', 'lib', 'i18n.ts'), "export const PARENT_NAMESPACES = [\n  'login', // the login page\n  'day.kinds',\n] as const;\n");
  writeFileSync(
    join(root, 'src', 'locales', 'nl.json'),
    JSON.stringify({ login: { submit: 'Inloggen' }, day: { title: 'Vandaag', kinds: { bso: 'BSO' } }, rooms: { title: "Ruimtes 'x'" } }),
  );
  const plugin = localeParts(root);
  const watched = [];
  const context = {
    resolve: async (source) => ({ id: source.replace('@/', `${root}/src/`) }),
    addWatchFile: (file) => watched.push(file),
  };
  const parentId = await plugin.resolveId.call(context, '@/locales/nl.json?parent', join(root, 'src', 'lib', 'i18n.ts'));
  assert.equal(parentId, join(root, 'src', 'locales', 'nl.parent-texts.js'));
  assert.equal(await plugin.resolveId.call(context, '@/locales/nl.json', undefined), null);
  assert.equal(await plugin.resolveId.call(context, '/src/locales/nl.staff-texts.js', undefined), join(root, 'src', 'locales', 'nl.staff-texts.js'));

  const evaluate = async (id) => {
    const { code } = plugin.load.call(context, id);
    return (await import(`data:text/javascript,${encodeURIComponent(code)}`)).default;
  };
  assert.deepEqual(await evaluate(parentId), { login: { submit: 'Inloggen' }, day: { kinds: { bso: 'BSO' } } });
  assert.deepEqual(await evaluate(join(root, 'src', 'locales', 'nl.staff-texts.js')), {
    day: { title: 'Vandaag' },
    rooms: { title: "Ruimtes 'x'" },
  });
  assert.ok(watched.includes(join(root, 'src', 'locales', 'nl.json')));
  assert.ok(watched.includes(join(root, 'src', 'lib', 'i18n.ts')));
  assert.equal(plugin.load.call(context, join(root, 'src', 'locales', 'nl.json')), null);
});

test('the first screen may hold the Dutch parent texts, and no other texts', () => {
  const forbidden = (module) => FORBIDDEN.some(({ pattern }) => pattern.test(module));
  assert.equal(forbidden('src/locales/nl.parent-texts.js'), false);
  assert.equal(forbidden('src/locales/nl.later-texts.js'), false);
  for (const module of ['src/locales/nl.json', 'src/locales/nl.staff-texts.js', 'src/locales/en.parent-texts.js', 'src/locales/en.later-texts.js', 'src/locales/en.json', 'src/locales/ar.json']) {
    assert.equal(forbidden(module), true, module);
  }
});

test('React itself may not come back into the first screen: the app runs on Preact', () => {
  const forbidden = (module) => FORBIDDEN.some(({ pattern }) => pattern.test(module));
  for (const module of ['node_modules/react-dom/cjs/react-dom-client.production.js', 'node_modules/react/index.js', 'node_modules/scheduler/index.js']) {
    assert.equal(forbidden(module), true, module);
  }
  for (const module of ['node_modules/preact/compat/dist/compat.mjs', 'node_modules/react-router/dist/production/index.mjs', 'node_modules/react-i18next/dist/es/context.js']) {
    assert.equal(forbidden(module), false, module);
  }
});
