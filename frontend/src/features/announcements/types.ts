import type { components } from '@/api/schema';

/* Announcements (issue 11) as the API sends them. */
export type Announcement = components['schemas']['AnnouncementRead'];
export type AnnouncementCreate = components['schemas']['AnnouncementCreate'];
export type AnnouncementRecipient = components['schemas']['AnnouncementRecipientRead'];
export type GroupRead = components['schemas']['GroupRead'];
