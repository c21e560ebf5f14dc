import { useMutation } from '@tanstack/react-query';
import { api, toApiError } from '@/lib/api-client';
import type { Attachment } from '@/features/attachments/types';

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
