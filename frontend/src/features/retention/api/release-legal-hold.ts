import { useMutation } from '@tanstack/react-query';
import { useStoreLegalHold } from '@/features/retention/api/set-legal-hold';
import { api, unwrap } from '@/lib/api-client';

/** DELETE /children/{childId}/legal-hold: the schedule applies to the child's data again. */
export function releaseLegalHold(childId: string) {
  return unwrap(
    api().DELETE('/children/{childId}/legal-hold', { params: { path: { childId } } }),
  );
}

export function useReleaseLegalHold(childId: string) {
  const store = useStoreLegalHold(childId);
  return useMutation({
    mutationFn: () => releaseLegalHold(childId),
    onSuccess: () => store({ childId, held: false }),
  });
}
