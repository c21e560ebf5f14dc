export type AppConfig = {
  apiBaseUrl: string;
};

let current: AppConfig | null = null;

/** Reads config.json beside the built files, so one build deploys on any static host. */
export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  const url = `${import.meta.env.BASE_URL}config.json`;
  const response = await fetchImpl(url, { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`config.json could not be loaded (HTTP ${response.status})`);
  }
  const raw: unknown = await response.json();
  current = parseConfig(raw);
  return current;
}

export function parseConfig(raw: unknown): AppConfig {
  if (typeof raw !== 'object' || raw === null) {
    throw new Error('config.json must hold a JSON object');
  }
  const { apiBaseUrl } = raw as Record<string, unknown>;
  if (typeof apiBaseUrl !== 'string' || apiBaseUrl.trim() === '') {
    throw new Error('config.json needs a non-empty "apiBaseUrl"');
  }
  return { apiBaseUrl: apiBaseUrl.replace(/\/+$/, '') };
}

export function getConfig(): AppConfig {
  if (!current) {
    throw new Error('Config is not loaded yet: call loadConfig() before rendering');
  }
  return current;
}

export function setConfig(config: AppConfig): void {
  current = config;
}
