import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';
import { threadKey } from '@/features/messages/api/get-thread';

export type CareTeamMember = components['schemas']['CareTeamMemberRead'];

/** POST /threads/{threadId}/participants: a care-team member joins (with the guardians' consent in force). */
export function addParticipant(threadId: string, userId: string) {
  return unwrap(api().POST('/threads/{threadId}/participants', { params: { path: { threadId } }, body: { userId } }));
}

export function useAddParticipant(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => addParticipant(threadId, userId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: threadKey(threadId) }),
  });
}

/** GET /children/{childId}/care-team: who may be added to the child's thread. */
export function useCareTeam(childId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['children', childId, 'care-team'],
    queryFn: () => unwrap(api().GET('/children/{childId}/care-team', { params: { path: { childId } } })),
    enabled: options.enabled ?? true,
  });
}
