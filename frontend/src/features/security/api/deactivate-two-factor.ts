import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

/** POST /me/two-factor/deactivation: asks the password again; 403 while mandatory for a role. */
export async function deactivateTwoFactor(password: string): Promise<void> {
  await unwrap(api().POST('/me/two-factor/deactivation', { body: { password } }));
}

export function useDeactivateTwoFactor(options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateTwoFactor,
    onSuccess: async () => {
      options.onSuccess?.();
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
