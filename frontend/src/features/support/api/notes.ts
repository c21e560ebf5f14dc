import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { useInvalidateSupport } from '@/features/support/hooks/use-invalidate-support';
import type { NoteCreate } from '@/features/support/types';

/** POST /support-trajectories/{id}/notes: a note is never edited afterwards. */
export function createNote(trajectoryId: string, body: NoteCreate) {
  return unwrap(
    api().POST('/support-trajectories/{trajectoryId}/notes', { params: { path: { trajectoryId } }, body }),
  );
}

/** POST …/notes/{noteId}/corrections: a new version by the author; the old one is kept. */
export function correctNote(trajectoryId: string, noteId: string, body: NoteCreate) {
  return unwrap(
    api().POST('/support-trajectories/{trajectoryId}/notes/{noteId}/corrections', {
      params: { path: { trajectoryId, noteId } },
      body,
    }),
  );
}

type Scope = { trajectoryId: string; childId: string };
type Options = { onSuccess?: () => void };

/** Without `correcting` a new note; with it, a correction of that note. */
export function useWriteNote(scope: Scope, correcting: string | null, options: Options = {}) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: (body: NoteCreate) =>
      correcting ? correctNote(scope.trajectoryId, correcting, body) : createNote(scope.trajectoryId, body),
    onSuccess: async () => {
      await invalidate(scope);
      options.onSuccess?.();
    },
  });
}
