/**
 * Build plugins for vite.config.ts (typed in vite-plugins.d.mts), kept out of src/ because they
 * run in Node at build time:
 *   - chunkModules: dist/.vite/chunk-modules.json, what each chunk is made of (bundle-budget.mjs);
 *   - pruneDesignTokens: the NL Design System design tokens without the tokens nothing uses;
 *   - localeParts: a locale file split in the parent app's texts and the staff texts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readParentNamespaces } from './b1-check.mjs';

/**
 * Writes dist/.vite/chunk-modules.json next to Vite's manifest: which source modules (src/… or a
 * node_modules package path) ended up in which chunk, with each module's rendered size in bytes
 * (before minification). scripts/bundle-budget.mjs reads it to show what the parent app's first
 * screen is made of, and fails when a staff-only library lands in it.
 */
export function chunkModules(root) {
  const prefix = root.replace(/[\\/]$/, '') + '/';
  const short = (id) =>
    id
      .replace(/\?.*$/, '')
      .replace(/^.*[\\/]node_modules[\\/]/, 'node_modules/')
      .replace(prefix, '');
  return {
    name: 'kindcentraal:chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const report = {};
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        const modules = {};
        for (const [id, info] of Object.entries(output.modules)) {
          modules[short(id)] = (modules[short(id)] ?? 0) + info.renderedLength;
        }
        report[file] = { modules };
      }
      this.emitFile({ type: 'asset', fileName: '.vite/chunk-modules.json', source: JSON.stringify(report, null, 1) });
    },
  };
}

const CUSTOM_PROPERTY = /--[A-Za-z0-9_-]+/g;
const DECLARATION = /^\s*(--[A-Za-z0-9_-]+)\s*:([^;]*);?/;
const THEME_MODIFIER = /\.(utrecht-theme--[a-z0-9-]+)/g;

/** Every custom property name a text mentions (`var(--a)`, `--a: …`, `'--a'` in a style object). */
export function customPropertiesIn(text) {
  return new Set(text.match(CUSTOM_PROPERTY) ?? []);
}

/** Every `utrecht-theme--…` modifier class a text mentions (the themes' media-query and scale variants). */
export function themeModifiersIn(text) {
  return new Set(text.match(/utrecht-theme--[a-z0-9-]+/g) ?? []);
}

/**
 * A stylesheet as blocks: `{ prelude, body }` for a rule (body: its text) or an at-rule with
 * blocks inside (`children`), and `{ text }` for what lies between. Enough for generated CSS
 * without braces in strings or comments, such as @utrecht/design-tokens/dist/index.css.
 */
function parseBlocks(css) {
  const nodes = [];
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open === -1) {
      nodes.push({ text: css.slice(i) });
      break;
    }
    // The prelude starts after the last comment, `;` or `}` before the brace.
    const head = css.slice(i, open);
    const cut = Math.max(head.lastIndexOf('*/') + 2, head.lastIndexOf(';') + 1, 0);
    if (cut > 0) nodes.push({ text: head.slice(0, cut) });
    const prelude = head.slice(cut);
    let depth = 1;
    let j = open + 1;
    for (; j < css.length && depth > 0; j += 1) {
      if (css[j] === '{') depth += 1;
      else if (css[j] === '}') depth -= 1;
    }
    const inner = css.slice(open + 1, j - 1);
    if (prelude.trim().startsWith('@')) nodes.push({ prelude, children: parseBlocks(inner) });
    else nodes.push({ prelude, body: inner });
    i = j;
  }
  return nodes;
}

function serialize(nodes) {
  return nodes
    .map((node) => {
      if ('text' in node) return node.text;
      if (node.children) return `${node.prelude}{${serialize(node.children)}}`;
      return `${node.prelude}{${node.body}}`;
    })
    .join('');
}

/**
 * Prunes a design tokens stylesheet (@utrecht/design-tokens/dist/index.css: custom properties
 * on `.utrecht-theme` and its modifier classes):
 *   - rules whose every selector needs a `.utrecht-theme--…` modifier class that `classes` does
 *     not name (the dark, media-query and viewport-scale variants nobody switches on) go;
 *   - custom properties that `properties` does not name, and that no kept token's value refers to,
 *     go;
 *   - rules and at-rules left without declarations go.
 */
export function pruneDesignTokensCss(css, { properties, classes }) {
  const nodes = parseBlocks(css);
  const liveRule = (prelude) =>
    prelude
      .split(',')
      .some((selector) => [...selector.matchAll(THEME_MODIFIER)].every((m) => classes.has(m[1])));
  const keepRules = (list) =>
    list.filter((node) => {
      if (node.children) {
        node.children = keepRules(node.children);
        return true;
      }
      return 'text' in node || liveRule(node.prelude);
    });
  const live = keepRules(nodes);

  // The tokens the live rules define, and which tokens each one's values refer to.
  const refs = new Map();
  const visit = (list) => {
    for (const node of list) {
      if (node.children) visit(node.children);
      else if ('body' in node) {
        for (const line of node.body.split('\n')) {
          const match = DECLARATION.exec(line);
          if (!match) continue;
          const set = refs.get(match[1]) ?? new Set();
          for (const ref of customPropertiesIn(match[2])) set.add(ref);
          refs.set(match[1], set);
        }
      }
    }
  };
  visit(live);
  const keep = new Set();
  const queue = [...properties].filter((name) => refs.has(name));
  while (queue.length) {
    const name = queue.pop();
    if (keep.has(name)) continue;
    keep.add(name);
    for (const ref of refs.get(name) ?? []) if (refs.has(ref) && !keep.has(ref)) queue.push(ref);
  }

  const prune = (list) =>
    list.filter((node) => {
      if ('text' in node) return true;
      if (node.children) {
        node.children = prune(node.children);
        return node.children.some((child) => !('text' in child));
      }
      const lines = node.body.split('\n').filter((line) => {
        const match = DECLARATION.exec(line);
        return !match || keep.has(match[1]);
      });
      node.body = lines.join('\n');
      return lines.some((line) => /:/.test(line));
    });
  return serialize(prune(live));
}

/** Every file under `dir` (recursively) whose name ends with one of `extensions`. */
function filesUnder(dir, extensions) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, extensions));
    else if (extensions.some((ext) => name.endsWith(ext))) found.push(path);
  }
  return found;
}

/**
 * The design tokens stylesheet (@utrecht/design-tokens/dist/index.css, 167 kB minified) defines
 * some 1,300 custom properties for every NL Design System component; the app uses the components
 * main.tsx imports the CSS of. This plugin keeps the tokens that those stylesheets or our own
 * source (src/: CSS, inline styles) name, and the tokens their values refer to, and drops the rest.
 * Everything it reads is source (src/ and the imported packages), so the output, and with it the
 * file's content hash, follows from the sources alone.
 */
export function pruneDesignTokens(root) {
  const tokensFile = /[\\/]@utrecht[\\/]design-tokens[\\/]dist[\\/]index\.css$/;
  const src = join(root, 'src');
  let used = null;
  return {
    name: 'kindcentraal:prune-design-tokens',
    apply: 'build',
    enforce: 'pre',
    async buildStart() {
      used = { properties: new Set(), classes: new Set() };
      const importer = join(src, 'main.tsx');
      const packages = new Set();
      for (const file of filesUnder(src, ['.ts', '.tsx', '.css'])) {
        const text = readFileSync(file, 'utf8');
        for (const name of customPropertiesIn(text)) used.properties.add(name);
        for (const name of themeModifiersIn(text)) used.classes.add(name);
        for (const match of text.matchAll(/['"](@utrecht\/[a-z0-9-]+-css(?:\/[^'"]*)?)['"]/g)) packages.add(match[1]);
      }
      for (const specifier of packages) {
        const resolved = await this.resolve(specifier, importer);
        if (!resolved) this.error(`prune-design-tokens: cannot resolve ${specifier}`);
        for (const name of customPropertiesIn(readFileSync(resolved.id.replace(/\?.*$/, ''), 'utf8'))) {
          used.properties.add(name);
        }
      }
      for (const name of themeModifiersIn(readFileSync(join(root, 'index.html'), 'utf8'))) used.classes.add(name);
    },
    transform(code, id) {
      if (!tokensFile.test(id.replace(/\?.*$/, ''))) return null;
      return { code: pruneDesignTokensCss(code, used), map: null };
    },
  };
}

/**
 * A locale file's texts in three parts, each text in exactly one: `parent` (under a path of
 * `namespaces`, PARENT_NAMESPACES of src/lib/i18n.ts, but not under one of `later`), `later`
 * (under a path of `later`, PARENT_LATER_NAMESPACES: parent texts of screens past the first) and
 * `staff` (all the others). A top-level key may be split (`day.timeline` in parent, the rest of
 * `day` in staff). A `later` path outside the parent namespaces is an error: it would put staff
 * texts in a part parents load.
 */
export function splitTexts(texts, namespaces, later = []) {
  const split = (paths) => paths.map((path) => path.split('.'));
  const parentPaths = split(namespaces);
  const laterPaths = split(later);
  const under = (path, prefix) => prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
  for (const path of laterPaths) {
    if (!parentPaths.some((namespace) => under(path, namespace))) {
      throw new Error(`PARENT_LATER_NAMESPACES: ${path.join('.')} is not under PARENT_NAMESPACES`);
    }
  }
  const parts = { parent: {}, later: {}, staff: {} };
  const put = (tree, path, value) => {
    let node = tree;
    for (const key of path.slice(0, -1)) node = node[key] ??= {};
    node[path[path.length - 1]] = value;
  };
  const walk = (node, prefix) => {
    for (const [key, value] of Object.entries(node)) {
      const path = [...prefix, key];
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        walk(value, path);
        continue;
      }
      const part = laterPaths.some((p) => under(path, p))
        ? 'later'
        : parentPaths.some((p) => under(path, p))
          ? 'parent'
          : 'staff';
      put(parts[part], path, value);
    }
  };
  walk(texts, []);
  return parts;
}

const LOCALE_PART = /^(.*[\\/]locales[\\/][a-z]{2})\.json\?(parent|later|staff)$/;
/** The module of a part: no .json id, so Vite's JSON plugin leaves it alone (it does not take queries). */
const PART_MODULE = /^(.*[\\/]src[\\/]locales[\\/])([a-z]{2})\.(parent|later|staff)-texts\.js$/;

/**
 * `import texts from '@/locales/nl.json?parent'` gives the texts of the parent app's first screen
 * (the keys under PARENT_NAMESPACES of src/lib/i18n.ts and not under PARENT_LATER_NAMESPACES),
 * `?later` the parent texts of the screens past it, `?staff` all the other texts: one locale file
 * that translators edit, three modules in the build (`src/locales/nl.parent-texts.js`, no such
 * file on disk), so the later and the staff texts can be chunks of their own that load when a
 * screen needs them. Also in the dev server and in Vitest.
 */
export function localeParts(root) {
  const i18nSource = join(root, 'src', 'lib', 'i18n.ts');
  return {
    name: 'kindcentraal:locale-parts',
    enforce: 'pre',
    async resolveId(source, importer) {
      const part = LOCALE_PART.exec(source);
      if (part) {
        const resolved = await this.resolve(`${part[1]}.json`, importer, { skipSelf: true });
        if (!resolved) return null;
        return resolved.id.replace(/\.json$/, `.${part[2]}-texts.js`);
      }
      // The dev server asks again with the module's URL (/src/locales/nl.staff-texts.js).
      if (PART_MODULE.test(source)) return source.startsWith('/src/') ? join(root, source) : source;
      return null;
    },
    load(id) {
      const match = PART_MODULE.exec(id);
      if (!match) return null;
      const file = `${match[1]}${match[2]}.json`;
      this.addWatchFile(file);
      this.addWatchFile(i18nSource);
      const source = readFileSync(i18nSource, 'utf8');
      const parts = splitTexts(
        JSON.parse(readFileSync(file, 'utf8')),
        readParentNamespaces(source),
        readParentNamespaces(source, 'PARENT_LATER_NAMESPACES', { optional: true }),
      );
      // JSON.parse of a string: parsed faster than the same object as a literal.
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(parts[match[3]]))});\n`, map: null };
    },
  };
}

/**
 * The build's chunks (vite.config.ts, `output.codeSplitting.groups`). Left to itself the bundler
 * makes a file of every set of screens that shares a module: the parent app's first screens came
 * in twenty files of one or two kB, each asked for only after the entry had run. On a phone every
 * file is a request, and over HTTP/1.1 (six connections per host) they queue in rounds of six,
 * each a round trip on a slow line.
 *
 * So the entry file (`app`) holds, besides what it loads before the first render:
 *   - the parent app's first screens: the frame and the home, and the screens about one child
 *     (Mijn kind, Toestemming, Afmelden) with everything they import that no other screen does;
 *   - the Dutch parent texts of the screens past the home (`nl.json?later`), which those screens
 *     need and every staff screen loads too.
 * A parent's first screen is then one JavaScript file, and so is the next tap. Staff screens,
 * the other parent screens (messages, talks, the access log…) and the other languages keep files
 * of their own, loaded when opened.
 */
export const PARENT_FIRST_ROUTES = [
  'src/app/routes/parent-layout-route.tsx',
  'src/app/routes/parent-home.tsx',
  'src/app/routes/parent-child.tsx',
  'src/app/routes/parent-consents.tsx',
  'src/app/routes/parent-absence.tsx',
];

/** `codeSplitting.groups` for vite.config.ts. */
export function chunkGroups(root) {
  const prefix = root.replace(/[\\/]$/, '') + '/';
  const relative = (id) => id.replace(/\?.*$/, '').replace(prefix, '');
  const parentFirst = new Set(PARENT_FIRST_ROUTES);
  const ENTRY = '<entry>';

  /** The entry and the dynamically imported modules (screens) whose static imports reach `id`. */
  const reachedFrom = (id, ctx, memo) => {
    const known = memo.get(id);
    if (known) return known;
    const roots = new Set();
    memo.set(id, roots); // an import cycle ends here
    const info = ctx.getModuleInfo(id);
    if (!info) return roots;
    if (info.isEntry) roots.add(ENTRY);
    else if (info.dynamicImporters.length > 0) roots.add(relative(id));
    for (const importer of info.importers) {
      for (const rootId of reachedFrom(importer, ctx, memo)) roots.add(rootId);
    }
    return roots;
  };

  // `name` gets the bundler's module graph; one chunking pass shares one context.
  let memo = new Map();
  let memoFor = null;
  const inApp = (id, ctx) => {
    if (/[\\/]locales[\\/]nl\.later-texts\.js$/.test(id)) return true;
    if (memoFor !== ctx) {
      memo = new Map();
      memoFor = ctx;
    }
    const roots = [...reachedFrom(id, ctx, memo)];
    return roots.includes(ENTRY) || (roots.length > 0 && roots.every((r) => parentFirst.has(r)));
  };

  return [{ name: (id, ctx) => (inApp(id, ctx) ? 'app' : null), debugName: 'app' }];
}

/**
 * The built index.html asks for the app's script and stylesheet before config.json, the icons
 * and the manifest: Vite adds them at the end of <head>, after those links. A browser on a slow
 * line (HTTP/1.1: six connections per host) sends requests in the order it finds them, and the
 * first screen waits for the script, not for the icons.
 */
export function scriptsFirst() {
  return {
    name: 'kindcentraal:scripts-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const assets = /\n?[ \t]*<(?:script type="module"[^>]*><\/script|link rel="(?:stylesheet|modulepreload)"[^>]*)>/g;
        const tags = html.match(assets) ?? [];
        if (tags.length === 0) return html;
        const rest = html.replace(assets, '');
        const first = rest.search(/\n[ \t]*<link rel="(?:preload|icon|apple-touch-icon|manifest)"/);
        if (first === -1) return html;
        return rest.slice(0, first) + tags.join('') + rest.slice(first);
      },
    },
  };
}

/**
 * The tab's icon (`<link rel="icon" href="/icons/icon.svg">`) written into the built index.html
 * as a data: URL: one request fewer before the first screen. The file stays for the manifest.
 */
export function inlineIcon(root) {
  return {
    name: 'kindcentraal:inline-icon',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(/(<link rel="icon" href=")\/(icons\/[\w.-]+\.svg)(")/, (tag, before, path, after) => {
        const svg = readFileSync(join(root, 'public', path), 'utf8')
          .replace(/<!--[\s\S]*?-->/g, '')
          .replace(/\s*\n\s*/g, ' ')
          .trim();
        return `${before}data:image/svg+xml,${encodeURIComponent(svg)}${after}`;
      });
    },
  };
}
