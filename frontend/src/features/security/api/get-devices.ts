import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type Device = components['schemas']['DeviceRead'];

/** GET /me/sessions: the devices signed in with this account, last used first. */
export function getDevices(): Promise<Device[]> {
  return unwrap(api().GET('/me/sessions'));
}

export const devicesQueryOptions = () =>
  queryOptions({ queryKey: ['me', 'sessions'], queryFn: getDevices });

export function useDevices() {
  return useQuery(devicesQueryOptions());
}
