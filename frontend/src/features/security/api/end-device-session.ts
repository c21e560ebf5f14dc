import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { devicesQueryOptions } from '@/features/security/api/get-devices';

/** DELETE /me/sessions/{sessionId}: that device is signed out at once. */
export async function endDeviceSession(sessionId: string): Promise<void> {
  await unwrap(api().DELETE('/me/sessions/{sessionId}', { params: { path: { sessionId } } }));
}

export function useEndDeviceSession(options: { onSuccess?: (sessionId: string) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endDeviceSession,
    onSuccess: async (_, sessionId) => {
      options.onSuccess?.(sessionId);
      await queryClient.invalidateQueries({ queryKey: devicesQueryOptions().queryKey });
    },
  });
}
