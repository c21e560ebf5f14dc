import type { components } from '@/api/schema';

/* A parent's screens about one child ("Mijn kind"), from the child page's one request. */

export type ChildDetail = components['schemas']['ChildDetail'];
export type ChildEmbedded = components['schemas']['ChildEmbedded'];
export type CareTeamMember = components['schemas']['CareTeamMemberRead'];
export type ConsentRead = components['schemas']['ConsentRead'];
export type ConsentPurpose = components['schemas']['ConsentPurpose'];
export type TrajectoryRead = components['schemas']['TrajectoryRead'];
export type TrajectoryType = components['schemas']['TrajectoryType'];
export type ChildPlan = components['schemas']['ChildPlan'];
export type EnrolmentRead = components['schemas']['EnrolmentRead'];
export type AbsenceRead = components['schemas']['AbsenceRead'];

/*
 * The child page's new parts and the access log's visits, as the API contract of issue 10
 * describes them. TODO(issue 10): take them from components['schemas'] once schema.d.ts has them.
 */

/** Who is around the child day to day: its contact person, its groups, its activities. */
export type DailyTeamMember = {
  kind: 'contact_person' | 'school' | 'childcare' | 'activity';
  organisationName: string | null;
  groupName: string | null;
  personName: string | null;
  activityName: string | null;
};

export type ParentChildEmbedded = ChildEmbedded & {
  dailyTeam?: DailyTeamMember[] | null;
  /** The child's enrolments and waiting-list places, not cancelled. */
  enrolments?: EnrolmentRead[] | null;
  /** Absences from today on. */
  absences?: AbsenceRead[] | null;
};

export type ParentChildDetail = Omit<ChildDetail, 'embedded'> & { embedded?: ParentChildEmbedded | null };

/** Consecutive reads and changes by one person of one organisation within 30 minutes. */
export type AccessVisit = {
  startedAt: string;
  endedAt: string;
  actorName: string;
  organisationName: string | null;
  role: string | null;
  eventCount: number;
  resources: string[];
  actions: string[];
  /** How many of the visit's attempts were refused. */
  denied: number;
};

export type AccessVisitPage = { items: AccessVisit[]; nextCursor?: string | null };
