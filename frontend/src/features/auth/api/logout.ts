import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';

/** POST /auth/logout: the server stops the access token and spends the refresh token. */
export async function logout(refreshToken: string | undefined): Promise<void> {
  await api().POST('/auth/logout', { body: refreshToken ? { refreshToken } : {} });
}

/** Logs out on the server, then always forgets the session here, even when the server failed. */
export function useLogout(options: { onSettled?: () => void } = {}) {
  const { tokens, signOut } = useAuth();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => logout(tokens?.refreshToken),
    onSettled: () => {
      signOut();
      queryClient.clear();
      options.onSettled?.();
    },
  });
}
