import { describe, expect, it, vi } from 'vitest';
import { getConfig, loadConfig, parseConfig } from '@/lib/config';

describe('config', () => {
  it('reads apiBaseUrl and drops a trailing slash', () => {
    expect(parseConfig({ apiBaseUrl: 'https://api.example.nl/api/v1/' })).toEqual({
      apiBaseUrl: 'https://api.example.nl/api/v1',
    });
  });

  it('refuses a config without apiBaseUrl', () => {
    expect(() => parseConfig({})).toThrow(/apiBaseUrl/);
    expect(() => parseConfig(null)).toThrow();
    expect(() => parseConfig({ apiBaseUrl: ' ' })).toThrow(/apiBaseUrl/);
  });

  it('fetches config.json beside the app at run time', async () => {
    const fetchMock = vi.fn(async () =>
      new Response(JSON.stringify({ apiBaseUrl: 'http://127.0.0.1:8000/api/v1' })),
    );
    const config = await loadConfig(fetchMock as unknown as typeof fetch);
    expect(fetchMock).toHaveBeenCalledWith('/config.json', { cache: 'no-store' });
    expect(config.apiBaseUrl).toBe('http://127.0.0.1:8000/api/v1');
    expect(getConfig()).toEqual(config);
  });

  it('fails loudly when config.json is missing', async () => {
    const fetchMock = vi.fn(async () => new Response('not found', { status: 404 }));
    await expect(loadConfig(fetchMock as unknown as typeof fetch)).rejects.toThrow(/404/);
  });
});
