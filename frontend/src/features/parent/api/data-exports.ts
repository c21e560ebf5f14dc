import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api, toApiError, unwrap } from '@/lib/api-client';
import type { DataExport, DataExportFormat } from '@/features/parent/types';

/** POST /children/{childId}/data-exports: starts preparing everything stored about the child and the caller. */
export function createDataExport(childId: string): Promise<DataExport> {
  return unwrap(api().POST('/children/{childId}/data-exports', { params: { path: { childId } } }));
}

export function useCreateDataExport(childId: string) {
  return useMutation({ mutationFn: () => createDataExport(childId) });
}

/** GET /data-exports/{exportId}: how far the export is (only its requester sees it). */
export function getDataExport(exportId: string): Promise<DataExport> {
  return unwrap(api().GET('/data-exports/{exportId}', { params: { path: { exportId } } }));
}

export const POLL_INTERVAL_MS = 1000;

export const dataExportQueryOptions = (exportId: string) =>
  queryOptions({
    queryKey: ['data-exports', exportId],
    queryFn: () => getDataExport(exportId),
    // Asked again every second while it is being prepared (queued or running).
    refetchInterval: (query) => {
      if (query.state.status === 'error') return false;
      const status = query.state.data?.status;
      return status === undefined || status === 'queued' || status === 'running' ? POLL_INTERVAL_MS : false;
    },
    staleTime: 0,
  });

/** The export being prepared; polls each second until it is ready (or failed). */
export function useDataExport(exportId: string | null) {
  return useQuery({ ...dataExportQueryOptions(exportId ?? ''), enabled: Boolean(exportId) });
}

/** The file name the server gives in Content-Disposition, if any. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // Fall through to the plain filename.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() ?? null;
}

/**
 * GET /data-exports/{exportId}/content?format=: the file, fetched with the bearer token (a plain
 * link could not send it), then saved through a Blob and an object URL under `fallbackName`
 * (or the server's name for it).
 */
export async function downloadDataExport(
  exportId: string,
  format: DataExportFormat,
  fallbackName: string,
): Promise<string> {
  const { data, error, response } = await api().GET('/data-exports/{exportId}/content', {
    params: { path: { exportId }, query: { format } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw toApiError(response, error);
  const name = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(data);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes.
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return name;
}

export function useDownloadDataExport(exportId: string | null) {
  return useMutation({
    mutationFn: ({ format, fileName }: { format: DataExportFormat; fileName: string }) =>
      downloadDataExport(exportId ?? '', format, fileName),
  });
}
