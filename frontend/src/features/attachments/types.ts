import type { components } from '@/api/schema';

/* A file uploaded with POST /attachments, to go with a message or an announcement. */
export type Attachment = components['schemas']['AttachmentRead'];
