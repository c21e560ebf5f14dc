import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type ContactPersonChange = components['schemas']['ContactPersonChange'];
export type ContactPersonPeriod = components['schemas']['ContactPersonPeriod'];
export type Professional = components['schemas']['ProfessionalRead'];
export type Assignment = { childId: string; userId: string; handoverNote: string | null };

/**
 * PUT /children/{childId}/contact-person: the child's one contact person; a handover needs a
 * note for the new one. The answer lists the siblings, to give them the same contact person.
 */
export function assignContactPerson({ childId, userId, handoverNote }: Assignment): Promise<ContactPersonChange> {
  return unwrap(
    api().PUT('/children/{childId}/contact-person', {
      params: { path: { childId } },
      body: { userId, handoverNote },
    }),
  );
}

export function useAssignContactPerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignContactPerson,
    onSuccess: (_change, { childId }) => {
      void queryClient.invalidateQueries({ queryKey: ['children', childId] });
      void queryClient.invalidateQueries({ queryKey: ['contact-person-history', childId] });
    },
  });
}

/** GET /children/{childId}/contact-person/history: who it was when; a note only for its addressee. */
export function useContactPersonHistory(childId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['contact-person-history', childId],
    queryFn: () =>
      unwrap(api().GET('/children/{childId}/contact-person/history', { params: { path: { childId } } })),
    enabled: options.enabled ?? true,
  });
}

/** GET /organisations/{organisationId}/professionals: who may become the contact person. */
export function useProfessionals(organisationId: string) {
  return useQuery({
    queryKey: ['organisations', organisationId, 'professionals'],
    queryFn: () =>
      unwrap(api().GET('/organisations/{organisationId}/professionals', { params: { path: { organisationId } } })),
    enabled: Boolean(organisationId),
  });
}
