import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Attachment } from '@/features/attachments/types';

/**
 * POST /attachments (multipart `file`): a PDF, JPEG or PNG of at most 10 MB, to attach to a
 * message or an announcement by its id.
 */
export function uploadAttachment(file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api().POST('/attachments', {
      // openapi-fetch sends a FormData as it is (the browser sets the multipart boundary).
      body: form as unknown as { file: string },
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
}

export function useUploadAttachment() {
  return useMutation({ mutationFn: uploadAttachment });
}
