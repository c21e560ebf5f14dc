type ScriptUrlRules = { createScriptURL: (input: string) => string | null };
type TrustedTypesFactory = {
  defaultPolicy: unknown;
  createPolicy: (name: string, rules: ScriptUrlRules) => unknown;
};

/**
 * The app's pages require Trusted Types (`require-trusted-types-for 'script'`, scripts/csp.mjs):
 * a plain string reaches a script sink only through a policy. workbox-window registers the
 * service worker with its URL as a string, so the page's `default` policy lets exactly that
 * URL through. It has no rule for HTML or script text, and any other script URL gets null:
 * those stay refused and reported (docs/security.md, "Trusted Types").
 */
export function allowServiceWorkerScript(
  scriptUrl: string,
  scope: { trustedTypes?: TrustedTypesFactory; location: Location } = globalThis as never,
): void {
  const factory = scope.trustedTypes;
  if (!factory || factory.defaultPolicy) return;
  const allowed = new URL(scriptUrl, scope.location.href).href;
  factory.createPolicy('default', {
    createScriptURL: (input) => (new URL(input, scope.location.href).href === allowed ? input : null),
  });
}
