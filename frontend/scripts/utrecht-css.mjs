/**
 * Does every NL Design System class the app can render have its CSS in the build?
 *
 * main.tsx imports the CSS package of each component the app uses (not the whole library). This
 * check keeps that list complete: it collects the `utrecht-*` class names in the built JavaScript
 * (the components' own class names and those written in our code), keeps those that some
 * installed `@utrecht/*-css` package styles, and reports each one no stylesheet of the build names.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CLASS_IN_CSS = /\.(utrecht-[a-z0-9]+(?:[-_]{1,2}[a-z0-9]+)*)/g;
// Not after a '-' or a word character: `--utrecht-button-color` is a custom property, not a class.
const CLASS_IN_JS = /(?<![-\w])utrecht-[a-z0-9]+(?:-[a-z0-9]+)*(?:__[a-z0-9]+(?:-[a-z0-9]+)*)?(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?/g;

export function classesInCss(css) {
  return new Set([...css.matchAll(CLASS_IN_CSS)].map((m) => m[1]));
}

export function classesInJs(js) {
  return new Set(js.match(CLASS_IN_JS) ?? []);
}

/** The stylesheets of every installed @utrecht/*-css package, nested copies included. */
export function libraryStylesheets(nodeModules) {
  const files = [];
  const scan = (scope) => {
    if (!existsSync(scope)) return;
    for (const name of readdirSync(scope)) {
      const dir = join(scope, name);
      const css = join(dir, 'dist', 'index.css');
      if (name.endsWith('-css') && existsSync(css)) files.push(css);
      const nested = join(dir, 'node_modules', '@utrecht');
      if (existsSync(nested)) scan(nested);
    }
  };
  scan(join(nodeModules, '@utrecht'));
  return files;
}

/** The library classes the JavaScript names that no stylesheet of the build styles, sorted. */
export function missingUtrechtCss({ js, css, nodeModules, library = null }) {
  const styledByLibrary = new Set();
  for (const file of library ?? libraryStylesheets(nodeModules)) {
    for (const name of classesInCss(readFileSync(file, 'utf8'))) styledByLibrary.add(name);
  }
  const styledByBuild = classesInCss(css);
  return [...classesInJs(js)].filter((name) => styledByLibrary.has(name) && !styledByBuild.has(name)).sort();
}
