import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

/** POST /me/sessions/revocation: every device is signed out, this one too (its cookie is cleared). */
export async function endAllSessions(): Promise<void> {
  await unwrap(api().POST('/me/sessions/revocation', { credentials: 'include' }));
}

export function useEndAllSessions(options: { onSuccess?: () => void } = {}) {
  return useMutation({ mutationFn: endAllSessions, onSuccess: () => options.onSuccess?.() });
}
