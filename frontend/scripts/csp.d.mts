import type { Plugin } from 'vite';

export declare const TRUSTED_TYPES_POLICIES: string[];
export declare const PERMISSIONS_POLICY: string;
export declare function apiEndpoints(apiBaseUrl: string): { origin: string | null; reportUri: string };
export declare function contentSecurityPolicy(options?: { apiBaseUrl?: string; meta?: boolean }): string;
export declare function securityHeaders(options: { apiBaseUrl: string }): Record<string, string>;
export declare function apiBaseUrlOf(configPath: string): string | null;
export declare function servedApiBaseUrl(root: string, env?: Record<string, string | undefined>): string;
/** The `<meta http-equiv="Content-Security-Policy">` fallback in the built index.html. */
export declare function cspMeta(env?: Record<string, string | undefined>): Plugin;
