#!/usr/bin/env node
/**
 * The parent app's bundle budget: what a first visit to /ouder downloads, measured on a production
 * build (`npm run build`, which writes dist/.vite/manifest.json).
 *
 *   node scripts/bundle-budget.mjs [--dist dist] [--route src/app/routes/x.tsx ...] [--json]
 *
 * JavaScript of the first screen = the entry chunk (index.html) and its static imports, plus the
 * lazy route chunks of /ouder (the parent layout route and the parent home) and their static
 * imports. Dynamic imports are left out: they load later, when a screen or a language asks.
 * Sizes are gzip at level 9 (node:zlib, as Vite's build report), in kB of 1,000 bytes.
 *
 * CSS: the first screen's stylesheets (those of the same chunks) and every stylesheet of the build.
 * The script also checks that each NL Design System class the JavaScript can render has its
 * stylesheet (main.tsx imports the component CSS packages one by one: a newly used component whose
 * CSS is not imported would render unstyled).
 *
 * Exit code 1 when a budget is exceeded or a class lacks its CSS; 2 when the build is missing.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { missingUtrechtCss } from './utrecht-css.mjs';

const FRONTEND = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The first screen's JavaScript files: each is a request, and over HTTP/1.1 a phone opens six
 * connections per host, so more files queue in rounds of a round trip each. One since the build
 * puts the parent app's first screens and their texts in the entry (vite.config.ts,
 * scripts/vite-plugins.mjs `chunkGroups`); it was 11 files for /ouder, and 21 for a screen
 * about one child.
 */
export const MAX_FIRST_SCREEN_JS_FILES = 2;

/** Budgets in kB gzip (1 kB = 1,000 bytes). */
export const BUDGETS = {
  /**
   * The parent app's first screen JavaScript: issue 10's target, 120 kB gzip. Measured 118.5 kB
   * (2 December 2026): the entry holds the home, the screens about one child and their Dutch
   * texts (106.4 kB without them, in 11 files); since the app runs on Preact through
   * preact/compat (vite.config.ts). It was 164.5 kB on React 19, whose React and react-dom alone
   * were 68.6 kB (docs/performance.md, "The parent app").
   */
  firstScreenJs: 120,
  /**
   * The first screen's CSS: 20.6 kB gzip measured (per-component NL Design System CSS, pruned design
   * tokens, the parent screens' own CSS; it was 49.8 kB with the whole library); about 15% headroom.
   */
  firstScreenCss: 24,
  /** Every stylesheet of the build, the staff screens' included: 27.9 kB measured (57.4 kB before). */
  allCss: 32,
};

/**
 * The route modules a first visit to /ouder loads besides the entry: the parent layout route and
 * the parent home. A module that is not a chunk of its own is either part of a chunk counted
 * already (statically imported) or does not exist yet; the first that is missing from the source
 * makes the script measure FALLBACK_ROUTES instead, and say so.
 */
export const PARENT_ROUTES = ['src/app/routes/parent-layout-route.tsx', 'src/app/routes/parent-home.tsx'];
const FALLBACK_ROUTES = ['src/app/routes/login.tsx'];

/**
 * Staff-only code in the shared entry (the staff frame and the role helpers its menu needs):
 * listed, not failed. The day timeline, time formatting and the notifications are the parents' too.
 */
export const STAFF_CODE =
  /^src\/(components\/layouts\/app-layout|features\/(room-reports|children|activities\/(api|components)|rooms\/(api|components))\/|features\/day\/utils\/roles|features\/support\/(?!api\/notifications|components\/notifications-menu))/;

/**
 * What must not be in the parent's first screen: the staff screens' heavy libraries (FullCalendar
 * and its Temporal polyfill for the room calendar, qrcode for two-factor set-up), React itself
 * (the app runs on Preact), the staff
 * screens themselves, and any texts but the Dutch parent texts (lib/i18n.ts). Matched against the module paths of dist/.vite/chunk-modules.json.
 */
export const FORBIDDEN = [
  { what: 'FullCalendar', pattern: /^node_modules\/@(fullcalendar|full-ui)\// },
  { what: 'temporal-polyfill', pattern: /^node_modules\/temporal-polyfill\// },
  { what: 'qrcode', pattern: /^node_modules\/(qrcode|dijkstrajs)\// },
  // The app runs on Preact (vite.config.ts aliases react and react-dom to preact/compat).
  { what: 'React itself (react, react-dom, scheduler)', pattern: /^node_modules\/(react|react-dom|scheduler)\// },
  // Only the Dutch parent texts (of the home, and of the screens about one child and past it, which
  // the entry holds: chunkGroups in vite-plugins.mjs): English, the staff texts and the families'
  // languages load on demand.
  { what: 'locale texts other than the Dutch parent texts', pattern: /^src\/locales\/(?!nl\.(?:parent|later)-texts\.js$)/ },
  {
    what: 'staff screens',
    pattern:
      /^src\/app\/routes\/(children-list|child-detail|today|support-|trajectory-detail|signals-inbox|care-coordinators|rooms-|room-reports-|activity-detail|activities-catalogue)/,
  },
];

function parseArgs(argv) {
  const args = { dist: join(FRONTEND, 'dist'), routes: null, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--dist') args.dist = resolve(argv[(i += 1)]);
    else if (arg === '--route') (args.routes ??= []).push(argv[(i += 1)]);
    else if (arg === '--json') args.json = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node scripts/bundle-budget.mjs [--dist DIR] [--route SRC ...] [--json]');
      process.exit(0);
    } else {
      console.error(`bundle-budget: unknown argument ${arg}`);
      process.exit(2);
    }
  }
  return args;
}

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kB = (bytes) => (bytes / 1000).toFixed(2);

function sizeOf(dist, file) {
  const bytes = readFileSync(join(dist, file));
  return { raw: bytes.length, gzip: gzip(bytes) };
}

/** The chunk of `key` and every chunk it imports statically, depth first, each once. */
function staticClosure(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`manifest has no chunk ${key}`);
  seen.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

/**
 * The manifest key of the chunk that holds a source module (from dist/.vite/chunk-modules.json),
 * or null: for a module that is no chunk of its own.
 */
function chunkOfModule(dist, manifest) {
  const path = join(dist, '.vite', 'chunk-modules.json');
  const chunks = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  const keyOfFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  return (module) => {
    const file = Object.keys(chunks).find((name) => module in chunks[name].modules);
    return file ? (keyOfFile.get(file) ?? null) : null;
  };
}

/** Which route modules to count: the parent routes once the parent home exists, else the fallback. */
function chooseRoutes(manifest, requested) {
  if (requested) return { routes: requested, note: null };
  const home = PARENT_ROUTES.at(-1);
  if (!existsSync(join(FRONTEND, home)) && !manifest[home]) {
    return { routes: FALLBACK_ROUTES, note: `${home} does not exist yet: the login route is measured instead` };
  }
  return { routes: PARENT_ROUTES, note: null };
}

export function measure(dist, requestedRoutes = null) {
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) {
    const error = new Error(`${relative(process.cwd(), manifestPath)} is missing: run \`npm run build\` first`);
    error.code = 'NO_BUILD';
    throw error;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry in the manifest, found ${entries.length}`);
  const [entryKey] = entries[0];

  const { routes, note } = chooseRoutes(manifest, requestedRoutes);
  const notes = note ? [note] : [];
  const reason = new Map(); // chunk key -> why it is loaded
  for (const key of staticClosure(manifest, entryKey)) reason.set(key, key === entryKey ? 'entry' : 'entry import');
  const chunkOf = chunkOfModule(dist, manifest);
  for (const route of routes) {
    // A route module is a chunk of its own, or part of a chunk that groups several (vite.config.ts).
    const key = manifest[route] ? route : chunkOf(route);
    if (!key) {
      notes.push(`${route} does not exist: not counted`);
      continue;
    }
    if (reason.has(key)) {
      notes.push(`${route} is inside a chunk counted above (${manifest[key].file})`);
      continue;
    }
    for (const imported of staticClosure(manifest, key)) {
      if (!reason.has(imported)) reason.set(imported, imported === key ? `route ${route}` : `import of ${route}`);
    }
  }

  const js = [];
  const cssFiles = new Set();
  for (const [key, why] of reason) {
    const chunk = manifest[key];
    js.push({ file: chunk.file, why, ...sizeOf(dist, chunk.file) });
    for (const css of chunk.css ?? []) cssFiles.add(css);
  }
  const css = [...cssFiles].map((file) => ({ file, ...sizeOf(dist, file) }));
  // A web font in the first screen's CSS is 37 kB a phone fetches before the first screen
  // (src/lib/staff-font.ts): the parent app uses the device's own typeface.
  const webFonts = [...cssFiles].filter((file) => /@font-face/.test(readFileSync(join(dist, file), 'utf8')));
  const allCssFiles = readdirSync(join(dist, 'assets'))
    .filter((name) => name.endsWith('.css'))
    .map((name) => `assets/${name}`);
  const allCss = allCssFiles.map((file) => ({ file, ...sizeOf(dist, file) }));
  const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });

  const composition = compose(dist, js.map((row) => row.file));

  const jsFiles = readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.js'));
  const missingCss = missingUtrechtCss({
    js: jsFiles.map((name) => readFileSync(join(dist, 'assets', name), 'utf8')).join('\n'),
    css: allCssFiles.map((file) => readFileSync(join(dist, file), 'utf8')).join('\n'),
    nodeModules: join(FRONTEND, 'node_modules'),
  });

  return {
    routes,
    notes,
    js: { files: js, total: sum(js) },
    css: { files: css, total: sum(css), webFonts },
    allCss: { files: allCss, total: sum(allCss) },
    composition,
    missingCss,
  };
}

/** Package (node_modules) or source folder of a module path, for the composition table. */
function groupOf(path) {
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1];
  if (path.startsWith('src/features/')) return path.split('/').slice(0, 3).join('/');
  if (path.startsWith('src/locales/')) return path;
  if (path.startsWith('src/')) return path.split('/').slice(0, 2).join('/');
  return path;
}

/**
 * What the first screen's chunks are made of (dist/.vite/chunk-modules.json, written by
 * scripts/chunk-modules-plugin.ts): rendered bytes per package or source folder, and the modules
 * that must not be there.
 */
function compose(dist, files) {
  const path = join(dist, '.vite', 'chunk-modules.json');
  if (!existsSync(path)) return { available: false, groups: [], forbidden: [] };
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const groups = new Map();
  const forbidden = [];
  const staff = [];
  for (const file of files) {
    for (const [module, bytes] of Object.entries(report[file]?.modules ?? {})) {
      groups.set(groupOf(module), (groups.get(groupOf(module)) ?? 0) + bytes);
      const rule = FORBIDDEN.find(({ pattern }) => pattern.test(module));
      if (rule) forbidden.push({ what: rule.what, module, file });
      else if (STAFF_CODE.test(module)) staff.push({ module, bytes });
    }
  }
  return {
    available: true,
    groups: [...groups].map(([group, bytes]) => ({ group, bytes })).sort((a, b) => b.bytes - a.bytes),
    forbidden,
    staff,
  };
}

function verdicts(result) {
  const over = [];
  const check = (label, total, budget) => {
    const ok = total.gzip <= budget * 1000;
    if (!ok) over.push(`${label}: ${kB(total.gzip)} kB gzip is over the budget of ${budget} kB`);
    return `${ok ? 'ok  ' : 'OVER'} ${label}: ${kB(total.gzip)} kB gzip (budget ${budget} kB)`;
  };
  const lines = [
    check('first screen JavaScript', result.js.total, BUDGETS.firstScreenJs),
    check('first screen CSS', result.css.total, BUDGETS.firstScreenCss),
    check('all CSS', result.allCss.total, BUDGETS.allCss),
  ];
  if (result.css.webFonts.length) {
    over.push(`the first screen's CSS declares a web font: ${result.css.webFonts.join(', ')}`);
    lines.push(`FAIL the first screen's CSS declares a web font (${result.css.webFonts.join(', ')})`);
  } else {
    lines.push('ok   no web font in the first screen (the device\'s own typeface)');
  }
  const files = result.js.files.length;
  if (files > MAX_FIRST_SCREEN_JS_FILES) {
    over.push(`first screen JavaScript: ${files} files, more than ${MAX_FIRST_SCREEN_JS_FILES}`);
  }
  lines.push(
    `${files > MAX_FIRST_SCREEN_JS_FILES ? 'OVER' : 'ok  '} first screen JavaScript: ${files} files (at most ${MAX_FIRST_SCREEN_JS_FILES})`,
  );
  if (!result.composition.available) {
    lines.push('?    dist/.vite/chunk-modules.json is missing: the first screen\'s modules were not checked');
  } else if (result.composition.forbidden.length) {
    const list = result.composition.forbidden.map((f) => `${f.module} (${f.what}, in ${f.file})`);
    over.push(`the first screen holds what it must not: ${list.join('; ')}`);
    lines.push(`FAIL the first screen holds what it must not:\n       ${list.join('\n       ')}`);
  } else {
    lines.push(`ok   no ${FORBIDDEN.map((f) => f.what).join(', ')} in the first screen`);
  }
  if (result.composition.staff?.length) {
    const total = result.composition.staff.reduce((t, s) => t + s.bytes, 0);
    lines.push(
      `note staff code in the first screen (${kB(total)} kB rendered): ` +
        result.composition.staff.map((s) => s.module.replace(/^src\//, '')).join(', '),
    );
  }
  if (result.missingCss.length) {
    over.push(`NL Design System classes without their CSS: ${result.missingCss.join(', ')}`);
    lines.push(`FAIL NL Design System classes rendered without their CSS: ${result.missingCss.join(', ')}`);
  } else {
    lines.push('ok   every NL Design System class in the JavaScript has its CSS');
  }
  return { lines, over };
}

function table(title, rows, total) {
  const width = Math.max(40, ...rows.map((r) => r.file.length));
  const out = [title, `  ${'file'.padEnd(width)}  ${'raw kB'.padStart(9)}  ${'gzip kB'.padStart(8)}  loaded as`];
  for (const r of [...rows].sort((a, b) => b.gzip - a.gzip)) {
    out.push(`  ${r.file.padEnd(width)}  ${kB(r.raw).padStart(9)}  ${kB(r.gzip).padStart(8)}  ${r.why ?? ''}`);
  }
  out.push(`  ${'total'.padEnd(width)}  ${kB(total.raw).padStart(9)}  ${kB(total.gzip).padStart(8)}`);
  return out.join('\n');
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  let result;
  try {
    result = measure(args.dist, args.routes);
  } catch (error) {
    console.error(`bundle-budget: ${error.message}`);
    process.exit(error.code === 'NO_BUILD' ? 2 : 1);
  }
  const { lines, over } = verdicts(result);
  if (args.json) {
    console.log(JSON.stringify({ budgets: BUDGETS, ...result, over }, null, 2));
  } else {
    console.log(`Bundle budget of the parent app (first visit to /ouder), ${relative(process.cwd(), args.dist) || '.'}`);
    console.log(`Routes counted: ${result.routes.join(', ')}`);
    for (const note of result.notes) console.log(`Note: ${note}`);
    console.log('');
    console.log(table('First screen JavaScript (entry, its static imports, the route chunks and theirs)', result.js.files, result.js.total));
    console.log('');
    if (result.composition.available) {
      console.log('What the first screen JavaScript is made of (rendered kB before minification, the largest 15)');
      for (const { group, bytes } of result.composition.groups.slice(0, 15)) {
        console.log(`  ${kB(bytes).padStart(9)}  ${group}`);
      }
      console.log('');
    }
    console.log(table('First screen CSS', result.css.files, result.css.total));
    console.log('');
    console.log(table('All CSS of the build', result.allCss.files, result.allCss.total));
    console.log('');
    for (const line of lines) console.log(line);
  }
  process.exit(over.length ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
