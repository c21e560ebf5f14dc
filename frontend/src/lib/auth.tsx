import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { paths } from '@/api/schema';

/** The token answer of POST /auth/token and POST /auth/refresh (RFC 6749 names). */
export type TokenResponse =
  paths['/auth/token']['post']['responses'][200]['content']['application/json'];

export type Tokens = {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds after which the access token is expected to be refused. */
  expiresAt: number;
};

export type TokenStore = {
  get(): Tokens | null;
  set(tokens: Tokens): void;
  clear(): void;
  subscribe(listener: () => void): () => void;
};

export const SESSION_KEY = 'kindcentraal.session';

export function tokensFromResponse(response: TokenResponse, now: number = Date.now()): Tokens {
  // A person's login always answers a refresh token; only API clients go without.
  if (!response.refresh_token) throw new Error('The token response has no refresh token.');
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresAt: now + response.expires_in * 1000,
  };
}

function isTokens(value: unknown): value is Tokens {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.accessToken === 'string' &&
    typeof v.refreshToken === 'string' &&
    typeof v.expiresAt === 'number'
  );
}

function safeSessionStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    // Storage can be blocked by browser privacy settings; tokens then live in memory only.
    return null;
  }
}

/**
 * Tokens live in memory and in sessionStorage: a reload keeps the session, closing the tab
 * ends it, and nothing is shared with other tabs or kept on disk after the browser closes.
 */
export function createTokenStore(storage: Storage | null = safeSessionStorage()): TokenStore {
  const listeners = new Set<() => void>();
  let tokens: Tokens | null = null;
  try {
    const raw = storage?.getItem(SESSION_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    tokens = isTokens(parsed) ? parsed : null;
  } catch {
    tokens = null;
  }

  const emit = () => listeners.forEach((listener) => listener());

  return {
    get: () => tokens,
    set(next) {
      tokens = next;
      try {
        storage?.setItem(SESSION_KEY, JSON.stringify(next));
      } catch {
        // Memory still holds the tokens.
      }
      emit();
    },
    clear() {
      if (tokens === null) return;
      tokens = null;
      try {
        storage?.removeItem(SESSION_KEY);
      } catch {
        // Nothing to remove.
      }
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The one store the running app uses; tests make their own. */
export const tokenStore = createTokenStore();

type AuthContextValue = {
  tokens: Tokens | null;
  isAuthenticated: boolean;
  signIn(response: TokenResponse): void;
  signOut(): void;
  store: TokenStore;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({
  store = tokenStore,
  children,
}: {
  store?: TokenStore;
  children: ReactNode;
}) {
  const tokens = useSyncExternalStore(store.subscribe, store.get, store.get);
  const value = useMemo<AuthContextValue>(
    () => ({
      tokens,
      isAuthenticated: tokens !== null,
      signIn: (response) => store.set(tokensFromResponse(response)),
      signOut: () => store.clear(),
      store,
    }),
    [tokens, store],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() needs an <AuthProvider>');
  return value;
}
