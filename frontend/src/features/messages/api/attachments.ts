import { useMutation } from '@tanstack/react-query';
import { api, toApiError, unwrap } from '@/lib/api-client';
import type { Attachment } from '@/features/messages/types';

/** POST /attachments (multipart `file`): a PDF, JPEG or PNG of at most 10 MB, to attach to a message. */
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

/**
 * GET /attachments/{attachmentId}/content: fetched with the bearer token (a plain link could not
 * send it), then saved under its own name through a Blob and an object URL.
 */
export async function downloadAttachment(attachment: Attachment): Promise<void> {
  const { data, error, response } = await api().GET('/attachments/{attachmentId}/content', {
    params: { path: { attachmentId: attachment.id } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw toApiError(response, error);
  const url = URL.createObjectURL(data as Blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = attachment.fileName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export function useDownloadAttachment() {
  return useMutation({ mutationFn: downloadAttachment });
}
