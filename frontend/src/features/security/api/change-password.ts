import { useMutation } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type PasswordChange = components['schemas']['PasswordChange'];

/** POST /me/password: on success the server ends every session of this user, this one too. */
export async function changePassword(body: PasswordChange): Promise<void> {
  await unwrap(api().POST('/me/password', { body }));
}

export function useChangePassword(options: { onSuccess?: () => void } = {}) {
  return useMutation({ mutationFn: changePassword, onSuccess: () => options.onSuccess?.() });
}
