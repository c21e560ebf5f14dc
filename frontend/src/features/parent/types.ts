import type { ChildDay } from '@/features/day/types';

/*
 * The parent home (GET /me/home), as the API contract of issue 10 describes it.
 * TODO(issue 10): switch to components['schemas']['ParentHome'] once openapi.yaml has it.
 */

export type ParentContactPerson = {
  userId: string;
  displayName: string;
  email: string;
  phone: string | null;
};

export type ParentActionKind = 'care_team_consent' | 'trajectory_consent' | 'place_offered';

export type ParentAction = {
  kind: ParentActionKind;
  organisationName: string | null;
  trajectoryId: string | null;
  trajectoryType: string | null;
  activityId: string | null;
  activityName: string | null;
  notificationId: string | null;
};

export type ParentHomeChild = {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  hasParentalAuthority: boolean;
  contactPerson: ParentContactPerson | null;
  day: ChildDay;
  actions: ParentAction[];
};

export type ParentHome = {
  /** The caller's children, oldest first. */
  children: ParentHomeChild[];
  unreadNotifications: number;
};

/** An export of everything stored about a child and its guardian (AVG right of access). */
export type DataExport = {
  id: string;
  childId: string;
  status: 'queued' | 'running' | 'ready' | 'failed';
  /** 0 to 100. */
  progress: number;
  createdAt: string;
  readyAt: string | null;
  expiresAt: string;
};

export type DataExportFormat = 'json' | 'html';
