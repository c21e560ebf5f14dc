import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { paths } from '@/api/schema';

/** The token answer of POST /auth/token and POST /auth/refresh (RFC 6749 names). */
export type TokenResponse =
  paths['/auth/token']['post']['responses'][200]['content']['application/json'];

/**
 * The access token, in this page's memory only. The refresh token is an HttpOnly cookie the
 * API sets (docs/sessions.md): no script of this page, ours or an injected one, can read it.
 */
export type Tokens = {
  accessToken: string;
  /** Epoch milliseconds after which the access token is expected to be refused. */
  expiresAt: number;
};

/**
 * `checking`: the page has no access token yet, but the cookie may hold a session (the app was
 * just opened, or the refresh found no network); `signedIn`: an access token is at hand;
 * `signedOut`: the API said there is no session.
 */
export type SessionStatus = 'checking' | 'signedIn' | 'signedOut';
export type Session = { status: SessionStatus; tokens: Tokens | null };

export type TokenStore = {
  get(): Tokens | null;
  session(): Session;
  set(tokens: Tokens): void;
  clear(): void;
  subscribe(listener: () => void): () => void;
};

export function tokensFromResponse(response: TokenResponse, now: number = Date.now()): Tokens {
  return { accessToken: response.access_token, expiresAt: now + response.expires_in * 1000 };
}

/** Memory only: a reload or a reopened app asks the API again (the cookie goes along). */
export function createTokenStore(status: SessionStatus = 'checking'): TokenStore {
  const listeners = new Set<() => void>();
  let current: Session = { status, tokens: null };
  const update = (next: Session) => {
    current = next;
    listeners.forEach((listener) => listener());
  };
  return {
    get: () => current.tokens,
    session: () => current,
    set: (tokens) => update({ status: 'signedIn', tokens }),
    clear() {
      if (current.status !== 'signedOut') update({ status: 'signedOut', tokens: null });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Trades the refresh cookie for an access token: the tokens, null when refused; throws offline. */
export type Exchange = () => Promise<Tokens | null>;

type Locks = { request<T>(name: string, callback: () => Promise<T>): Promise<T> };

/**
 * One refresh at a time. The API spends a refresh token on first use and ends the whole session
 * when a spent one comes back, so two refreshes must never send the same cookie: in this page
 * they share one promise, and across tabs a Web Lock queues them (the second then sends the
 * cookie the first one got). Refused: signed out. No answer (offline): nothing changes, the
 * next request tries again.
 */
export function createRefresher(
  store: TokenStore,
  exchange: Exchange,
  locks: Locks | null | undefined = globalThis.navigator?.locks,
) {
  let pending: Promise<boolean> | null = null;
  return (): Promise<boolean> => {
    pending ??= (locks?.request('kindcentraal.refresh', exchange) ?? exchange())
      .then((tokens) => {
        if (tokens) store.set(tokens);
        else store.clear();
        return tokens !== null;
      })
      .catch(() => false)
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}

/** The one store the running app uses; tests make their own. */
export const tokenStore = createTokenStore();

type AuthContextValue = {
  tokens: Tokens | null;
  status: SessionStatus;
  /** An access token is at hand (not while the session is still being checked). */
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
  const { status, tokens } = useSyncExternalStore(store.subscribe, store.session, store.session);
  const value = useMemo<AuthContextValue>(
    () => ({
      tokens,
      status,
      isAuthenticated: status === 'signedIn',
      signIn: (response) => store.set(tokensFromResponse(response)),
      signOut: () => store.clear(),
      store,
    }),
    [tokens, status, store],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() needs an <AuthProvider>');
  return value;
}
