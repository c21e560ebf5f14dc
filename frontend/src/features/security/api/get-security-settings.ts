import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type SecuritySettings = components['schemas']['SecuritySettings'];

/** GET /security-settings: centre administrators only. */
export function getSecuritySettings(): Promise<SecuritySettings> {
  return unwrap(api().GET('/security-settings'));
}

export const securitySettingsQueryOptions = () =>
  queryOptions({
    queryKey: ['security-settings'],
    queryFn: getSecuritySettings,
  });

export function useSecuritySettings(options: { enabled?: boolean } = {}) {
  return useQuery({ ...securitySettingsQueryOptions(), enabled: options.enabled ?? true });
}
