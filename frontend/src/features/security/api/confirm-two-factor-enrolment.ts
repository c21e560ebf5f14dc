import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type RecoveryCodes = components['schemas']['RecoveryCodes'];

/** POST /me/two-factor/enrolment/confirmation: the first code turns two-factor on. */
export function confirmTwoFactorEnrolment(code: string): Promise<RecoveryCodes> {
  return unwrap(api().POST('/me/two-factor/enrolment/confirmation', { body: { code } }));
}

/** Afterwards /me says two-factor is on (and no longer required): ask for it again. */
export function useConfirmTwoFactorEnrolment(options: { onSuccess?: (codes: RecoveryCodes) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmTwoFactorEnrolment,
    onSuccess: async (codes) => {
      options.onSuccess?.(codes);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
