import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';
import { securitySettingsQueryOptions } from '@/features/security/api/get-security-settings';

export type SecuritySettingsUpdate = components['schemas']['SecuritySettingsUpdate'];

/** PUT /security-settings: the roles that must use two-factor login; how long parents stay signed in. */
export function updateSecuritySettings(body: SecuritySettingsUpdate) {
  return unwrap(api().PUT('/security-settings', { body }));
}

export function useUpdateSecuritySettings(options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSecuritySettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(securitySettingsQueryOptions().queryKey, settings);
      // The admin may have made two-factor mandatory for one of their own roles.
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      options.onSuccess?.();
    },
  });
}
