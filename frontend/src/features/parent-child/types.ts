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

export type DailyTeamMember = components['schemas']['DailyTeamMember'];
/** The child page's parts: dailyTeam, enrolments and absences among them (the parent's screens). */
export type ParentChildEmbedded = ChildEmbedded;
export type ParentChildDetail = ChildDetail;

/** Consecutive reads and changes by one person of one organisation within 30 minutes. */
export type AccessVisit = components['schemas']['AccessVisit'];
export type AccessVisitPage = components['schemas']['Page_AccessVisit_'];
