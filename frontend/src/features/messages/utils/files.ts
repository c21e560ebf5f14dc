/** What a message may carry (openapi.yaml, POST /attachments): PDF, JPEG or PNG, at most 10 MB. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const ATTACHMENT_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The longest message the API takes (MessageCreate.text, ThreadCreate.text). */
export const MESSAGE_MAX = 5000;

export type FileProblem = 'wrongType' | 'tooBig';

/**
 * Why this file cannot go with a message, checked before it is sent (the server reads the
 * content as well and has the last word): its type or name, or its size.
 */
export function fileProblem(file: File): FileProblem | null {
  const name = file.name.toLowerCase();
  const typeOk = (ATTACHMENT_TYPES as readonly string[]).includes(file.type);
  const nameOk = ATTACHMENT_EXTENSIONS.some((extension) => name.endsWith(extension));
  if (!typeOk && !(file.type === '' && nameOk)) return 'wrongType';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'tooBig';
  return null;
}

/** Characters as the API counts them (code points, not UTF-16 units: an emoji is one). */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/** "1,2 MB", "340 kB": a file size for people. */
export function fileSize(bytes: number, locale: string): string {
  const format = (value: number, unit: 'kilobyte' | 'megabyte') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return format(bytes / (1024 * 1024), 'megabyte');
  return format(Math.max(1, Math.round(bytes / 1024)), 'kilobyte');
}
