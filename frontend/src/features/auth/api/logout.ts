import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';

/** POST /auth/logout: the server ends the session, and the browser forgets the refresh cookie. */
export async function logout(): Promise<void> {
  await api().POST('/auth/logout', { body: {}, credentials: 'include' });
}

/** Logs out on the server, then always forgets the session here, even when the server failed. */
export function useLogout(options: { onSettled?: () => void } = {}) {
  const { signOut } = useAuth();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      signOut();
      queryClient.clear();
      options.onSettled?.();
    },
  });
}
