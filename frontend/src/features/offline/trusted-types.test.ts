import { describe, expect, it } from 'vitest';
import { allowServiceWorkerScript } from '@/features/offline/trusted-types';

function browser(existing: unknown = null) {
  const created: { name: string; rules: { createScriptURL: (input: string) => string | null } }[] = [];
  const scope = {
    location: new URL('https://app.example.nl/ouder/kind/1') as unknown as Location,
    trustedTypes: {
      defaultPolicy: existing,
      createPolicy: (name: string, rules: { createScriptURL: (input: string) => string | null }) => {
        created.push({ name, rules });
        return {};
      },
    },
  };
  return { scope, created };
}

describe('allowServiceWorkerScript', () => {
  it('creates a default policy that lets only the worker script through', () => {
    const { scope, created } = browser();
    allowServiceWorkerScript('/sw.js', scope);
    expect(created.map((policy) => policy.name)).toEqual(['default']);
    const rules = created[0]!.rules;
    const { createScriptURL } = rules;
    expect(createScriptURL('/sw.js')).toBe('/sw.js');
    expect(createScriptURL('https://app.example.nl/sw.js')).toBe('https://app.example.nl/sw.js');
    for (const other of ['/evil.js', '/sw.js?x=1', 'https://evil.example/sw.js', 'data:text/javascript,1']) {
      expect(createScriptURL(other)).toBeNull();
    }
    expect(rules).not.toHaveProperty('createHTML');
    expect(rules).not.toHaveProperty('createScript');
  });

  it('does nothing without Trusted Types or when a default policy exists', () => {
    const { scope, created } = browser({});
    allowServiceWorkerScript('/sw.js', scope);
    expect(created).toEqual([]);
    expect(() =>
      allowServiceWorkerScript('/sw.js', { location: scope.location }),
    ).not.toThrow();
  });
});
