import type { Me } from '@/features/auth/api/get-me';
import type { Announcement, AnnouncementRecipient, GroupRead } from '@/features/announcements/types';
import { testMe } from '@/test/utils';

/* Test data for announcements, shaped as the API sends it. */

export const CENTRE = 'cccccccc-0000-4000-8000-000000000001';
export const GROUP_6 = 'dddddddd-0000-4000-8000-000000000006';
export const GROUP_7 = 'dddddddd-0000-4000-8000-000000000007';

const membership = (role: 'staff' | 'centre_admin') => ({
  id: `m-${role}`,
  organisationId: 'aaaaaaaa-0000-4000-8000-000000000001',
  organisationName: 'Basisschool De Regenboog',
  organisationType: 'school',
  role,
});

export const teacherMe: Me = testMe([membership('staff')] as Me['memberships']);
export const adminMe: Me = testMe([membership('centre_admin')] as Me['memberships'], { displayName: 'Bea Beheerder' });

export function group(id: string, name: string): GroupRead {
  return {
    id,
    name,
    centreId: CENTRE,
    organisationId: 'aaaaaaaa-0000-4000-8000-000000000001',
    kind: 'school_class',
    grade: Number(name.replace(/\D/g, '')) || null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  } as GroupRead;
}

export function announcement(overrides: Partial<Announcement> = {}): Announcement {
  return {
    id: 'a-1',
    title: 'Schoolreisje naar Artis',
    text: 'Op vrijdag gaan we naar Artis.\n\nNeem een lunchpakket mee.',
    audience: 'group',
    centreId: CENTRE,
    groupId: GROUP_6,
    groupName: 'Groep 6',
    senderName: 'Lotte Leerkracht',
    publishedAt: '2026-03-02T09:00:00Z',
    requiresConfirmation: false,
    children: [],
    read: false,
    confirmed: false,
    readAt: null,
    confirmedAt: null,
    counts: null,
    attachments: [],
    ...overrides,
  };
}

export function recipient(overrides: Partial<AnnouncementRecipient> = {}): AnnouncementRecipient {
  return {
    userId: 'u-olga',
    displayName: 'Olga de Ouder',
    children: [{ id: 'c-1', givenName: 'Noor' }],
    readAt: '2026-03-02T10:00:00Z',
    confirmedAt: null,
    ...overrides,
  };
}
