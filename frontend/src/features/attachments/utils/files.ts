import { ApiError } from '@/lib/api-client';

/** What POST /attachments takes (openapi.yaml): PDF, JPEG or PNG, at most 10 MB. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const ATTACHMENT_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** For the file input's `accept`: the same list, by extension and by type. */
export const ATTACHMENT_ACCEPT = [...ATTACHMENT_EXTENSIONS, ...ATTACHMENT_TYPES].join(',');

export type FileProblem = 'wrongType' | 'tooBig';

/**
 * Why this file cannot be attached, checked before it is sent (the server reads the content as
 * well and has the last word): its type or name, or its size.
 */
export function fileProblem(file: File): FileProblem | null {
  const name = file.name.toLowerCase();
  const typeOk = (ATTACHMENT_TYPES as readonly string[]).includes(file.type);
  const nameOk = ATTACHMENT_EXTENSIONS.some((extension) => name.endsWith(extension));
  if (!typeOk && !(file.type === '' && nameOk)) return 'wrongType';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'tooBig';
  return null;
}

/** The server's word about a file (a 400 or 413 at `#/file`), in ours. */
export function serverFileProblem(error: unknown): FileProblem | 'failed' {
  if (error instanceof ApiError) {
    if (error.status === 413) return 'tooBig';
    const codes = (error.problem?.errors ?? []).map((param) => param.code);
    if (codes.includes('too_large')) return 'tooBig';
    if (error.status === 400) return 'wrongType';
  }
  return 'failed';
}

/** "1,2 MB", "340 kB": a file size for people. */
export function fileSize(bytes: number, locale: string): string {
  const format = (value: number, unit: 'kilobyte' | 'megabyte') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return format(bytes / (1024 * 1024), 'megabyte');
  return format(Math.max(1, Math.round(bytes / 1024)), 'kilobyte');
}
