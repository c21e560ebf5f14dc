import { describe, expect, it } from 'vitest';
import { pwaOptions } from '@/features/offline/pwa-plugin';

type MatchContext = { url: URL; sameOrigin: boolean };
type UrlMatcher = (context: MatchContext) => boolean;

const APP = 'https://kindcentraal.example';
const workbox = pwaOptions.workbox!;

function routesMatching(href: string): number {
  const url = new URL(href);
  const context = { url, sameOrigin: url.origin === APP } as MatchContext;
  return (workbox.runtimeCaching ?? []).filter((route) => {
    const pattern = route.urlPattern;
    if (typeof pattern === 'function') return (pattern as unknown as UrlMatcher)(context);
    if (pattern instanceof RegExp) return pattern.test(href);
    return href === pattern;
  }).length;
}

describe('the service worker configuration', () => {
  it('has no route for any API request, same origin or not', () => {
    for (const href of [
      `${APP}/api/v1/me/home`,
      `${APP}/api/v1/children/5b7c/day`,
      'http://127.0.0.1:8000/api/v1/me',
      'https://api.kindcentraal.example/api/v1/children',
      'https://api.kindcentraal.example/config.json',
    ]) {
      expect(routesMatching(href), href).toBe(0);
    }
  });

  it('keeps only its own config.json, network first', () => {
    expect(routesMatching(`${APP}/config.json`)).toBe(1);
    expect(workbox.runtimeCaching).toHaveLength(1);
    expect(workbox.runtimeCaching?.[0]?.handler).toBe('NetworkFirst');
  });

  it('answers navigations with the app, except to the API', () => {
    expect(workbox.navigateFallback).toBe('index.html');
    const denied = (path: string) => (workbox.navigateFallbackDenylist ?? []).some((re) => re.test(path));
    expect(denied('/api/v1/openapi.json')).toBe(true);
    expect(denied('/api')).toBe(true);
    expect(denied('/ouder')).toBe(false);
    expect(denied('/ouder/kinderen/5b7c')).toBe(false);
    expect(denied('/apinfo')).toBe(false);
  });

  it('precaches the build output (not config.json), and registers from our own module', () => {
    expect(workbox.globIgnores).toContain('**/config.json');
    expect(workbox.globPatterns?.join(',')).not.toMatch(/json/);
    expect(pwaOptions.injectRegister).toBe(false);
    expect(pwaOptions.registerType).toBe('autoUpdate');
  });
});
