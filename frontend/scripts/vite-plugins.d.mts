import type { Plugin } from 'vite';

/** Writes dist/.vite/chunk-modules.json: each chunk's modules and their rendered size. */
export declare function chunkModules(root: string): Plugin;
/** Drops the design tokens that neither the imported component CSS nor src/ uses. */
export declare function pruneDesignTokens(root: string): Plugin;
export declare function customPropertiesIn(text: string): Set<string>;
export declare function themeModifiersIn(text: string): Set<string>;
export declare function pruneDesignTokensCss(css: string, used: { properties: Set<string>; classes: Set<string> }): string;
/** `@/locales/<language>.json?parent` (texts under PARENT_NAMESPACES) and `?staff` (the others). */
export declare function localeParts(root: string): Plugin;
export type LocaleTree = { [key: string]: string | LocaleTree };
export declare function splitTexts(texts: LocaleTree, namespaces: readonly string[]): { parent: LocaleTree; staff: LocaleTree };
/** The parent app's first screens: the frame and home, and the screens about one child. */
export declare const PARENT_FIRST_ROUTES: readonly string[];
/** `output.codeSplitting.groups`: the entry file holds the parent app's first screens and their texts. */
export declare function chunkGroups(root: string): import('rolldown').CodeSplittingGroup[];
/** The built index.html: the app's script and stylesheet before config.json, the icons and the manifest. */
export declare function scriptsFirst(): Plugin;
/** The built index.html's tab icon as a data: URL (one request fewer). */
export declare function inlineIcon(root: string): Plugin;
