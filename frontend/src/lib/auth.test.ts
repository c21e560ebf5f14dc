import { describe, expect, it, vi } from 'vitest';
import { createTokenStore, SESSION_KEY, tokensFromResponse } from '@/lib/auth';

describe('token store', () => {
  const tokens = { accessToken: 'a', refreshToken: 'r', expiresAt: 1 };

  it('keeps tokens in sessionStorage so a reload keeps the session', () => {
    const first = createTokenStore(window.sessionStorage);
    first.set(tokens);
    expect(JSON.parse(window.sessionStorage.getItem(SESSION_KEY)!)).toEqual(tokens);
    const afterReload = createTokenStore(window.sessionStorage);
    expect(afterReload.get()).toEqual(tokens);
  });

  it('forgets tokens on clear and tells subscribers', () => {
    const store = createTokenStore(window.sessionStorage);
    store.set(tokens);
    const listener = vi.fn();
    store.subscribe(listener);
    store.clear();
    expect(store.get()).toBeNull();
    expect(window.sessionStorage.getItem(SESSION_KEY)).toBeNull();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores damaged storage', () => {
    window.sessionStorage.setItem(SESSION_KEY, '{"accessToken": 5');
    expect(createTokenStore(window.sessionStorage).get()).toBeNull();
    window.sessionStorage.setItem(SESSION_KEY, '{"accessToken": 5}');
    expect(createTokenStore(window.sessionStorage).get()).toBeNull();
  });

  it('turns the RFC 6749 token answer into tokens with an expiry time', () => {
    expect(
      tokensFromResponse(
        { access_token: 'a', refresh_token: 'r', token_type: 'bearer', expires_in: 900 },
        1_000,
      ),
    ).toEqual({ accessToken: 'a', refreshToken: 'r', expiresAt: 901_000 });
  });
});
