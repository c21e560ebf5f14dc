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
