import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, ApiError, unwrap } from '@/lib/api-client';

export type ContactPersonRead = components['schemas']['ContactPersonRead'];

/** GET /children/{childId}/contact-person; null when the child has none (404). */
export async function getChildContactPerson(childId: string): Promise<ContactPersonRead | null> {
  try {
    return await unwrap(
      api().GET('/children/{childId}/contact-person', { params: { path: { childId } } }),
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const childContactPersonQueryOptions = (childId: string) =>
  queryOptions({
    queryKey: ['children', childId, 'contact-person'],
    queryFn: () => getChildContactPerson(childId),
  });

export function useChildContactPerson(childId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...childContactPersonQueryOptions(childId), enabled: options.enabled ?? true });
}
