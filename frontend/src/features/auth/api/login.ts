import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { useAuth, type TokenResponse } from '@/lib/auth';

export type LoginInput = {
  email: string;
  password: string;
  /** The code from the authenticator app, or a recovery code, when the account uses two-factor. */
  totp?: string;
};

/**
 * POST /auth/token as an OAuth2 password grant (form-encoded, RFC 6749). An account with
 * two-factor login answers 401 `two-factor-required` until `totp` is sent along.
 */
export function login({ email, password, totp }: LoginInput): Promise<TokenResponse> {
  return unwrap(
    api().POST('/auth/token', {
      body: {
        grant_type: 'password',
        username: email,
        password,
        scope: '',
        ...(totp ? { totp } : {}),
      },
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      // The answer sets the refresh cookie (HttpOnly): the app stays signed in when reopened.
      credentials: 'include',
    }),
  );
}

export function useLogin(options: { onSuccess?: () => void } = {}) {
  const { signIn } = useAuth();
  return useMutation({
    mutationFn: login,
    onSuccess: (tokens) => {
      signIn(tokens);
      options.onSuccess?.();
    },
  });
}
