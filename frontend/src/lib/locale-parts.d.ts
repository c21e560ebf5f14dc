/*
 * A part of a locale file (the localeParts plugin in scripts/vite-plugins.mjs): `?parent` the
 * first screen's texts under PARENT_NAMESPACES, `?later` those under PARENT_LATER_NAMESPACES,
 * `?staff` all the others. Untyped texts: the keys are typed from
 * the whole nl.json (i18next.d.ts).
 */
declare module '*.json?parent' {
  const texts: { [key: string]: unknown };
  export default texts;
}

declare module '*.json?staff' {
  const texts: { [key: string]: unknown };
  export default texts;
}

declare module '*.json?later' {
  const texts: { [key: string]: unknown };
  export default texts;
}
