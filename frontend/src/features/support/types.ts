import type { components } from '@/api/schema';

/* Support inside the centre: signals, trajectories and the one plan per child. The lists of
   choices below follow the API's enums, in the order the screens offer them. */

export type TrajectoryRead = components['schemas']['TrajectoryRead'];
export type TrajectoryDetail = components['schemas']['TrajectoryDetail'];
export type TrajectoryUpdate = components['schemas']['TrajectoryUpdate'];
export type TrajectoryStatus = components['schemas']['TrajectoryStatus'];
export type TrajectoryType = components['schemas']['TrajectoryType'];
export type TrajectoryLocation = components['schemas']['TrajectoryLocation'];
export type TrajectoryOutcome = components['schemas']['TrajectoryOutcome'];
export type ReferralDestination = components['schemas']['ReferralDestination'];
export type TransitionCreate = components['schemas']['TransitionCreate'];
export type TransitionRead = components['schemas']['TransitionRead'];
export type GoalRead = components['schemas']['GoalRead'];
export type GoalCreate = components['schemas']['GoalCreate'];
export type GoalUpdate = components['schemas']['GoalUpdate'];
export type GoalStatus = components['schemas']['GoalStatus'];
export type SessionRead = components['schemas']['SessionRead'];
export type SessionCreate = components['schemas']['SessionCreate'];
export type SessionUpdate = components['schemas']['SessionUpdate'];
export type SessionLocation = components['schemas']['SessionLocation'];
export type Attendance = components['schemas']['Attendance'];
export type NoteRead = components['schemas']['NoteRead'];
export type NoteCreate = components['schemas']['NoteCreate'];
export type NoteKind = components['schemas']['NoteKind'];
export type NoteVisibility = components['schemas']['NoteVisibility'];
export type TeamMemberRead = components['schemas']['TeamMemberRead'];
export type ChildPlan = components['schemas']['ChildPlan'];
export type PlanView = ChildPlan['view'];
export type PlanGoal = components['schemas']['PlanGoal'];
export type PlanTrajectory = components['schemas']['PlanTrajectory'];
export type SignalRead = components['schemas']['SignalRead'];
export type SignalCreate = components['schemas']['SignalCreate'];
export type SignalCategory = components['schemas']['SignalCategory'];
export type SignalDecision = components['schemas']['SignalDecision'];
export type SignalDecisionCreate = components['schemas']['SignalDecisionCreate'];
export type SupportRequestCreate = components['schemas']['SupportRequestCreate'];
export type NotificationRead = components['schemas']['NotificationRead'];
export type NotificationPage = components['schemas']['NotificationPage'];
export type NormRead = components['schemas']['NormRead'];
export type NormUpdate = components['schemas']['NormUpdate'];
export type CareCoordinatorRead = components['schemas']['CareCoordinatorRead'];

/** A partner organisation to choose (board filter, the request a decision creates). */
export type OrganisationOption = { id: string; name: string };

/** The columns of the board, in the order a trajectory moves through them. */
export const OPEN_STATUSES = [
  'requested',
  'intake',
  'active',
  'evaluation',
] as const satisfies readonly TrajectoryStatus[];

/** Ended: shown folded away on the board. */
export const ENDED_STATUSES = ['closed', 'cancelled'] as const satisfies readonly TrajectoryStatus[];

export const TRAJECTORY_STATUSES = [...OPEN_STATUSES, ...ENDED_STATUSES] as const;

export const TRAJECTORY_TYPES = [
  'logopedie',
  'opvoedondersteuning',
  'jeugdhulp',
  'passend_onderwijs',
  'fysiotherapie',
  'ergotherapie',
  'ggz_jeugd',
  'schoolmaatschappelijk_werk',
  'other',
] as const satisfies readonly TrajectoryType[];

export const TRAJECTORY_LOCATIONS = [
  'in_centre',
  'at_home',
  'at_partner',
  'online',
] as const satisfies readonly TrajectoryLocation[];

export const TRAJECTORY_OUTCOMES = [
  'goals_reached',
  'continued_in_centre',
  'referred_out',
  'stopped_by_family',
  'other',
] as const satisfies readonly TrajectoryOutcome[];

export const REFERRAL_DESTINATIONS = [
  'specialised_youth_care',
  'ggz',
  'special_education',
  'medical',
  'other',
] as const satisfies readonly ReferralDestination[];

export const GOAL_STATUSES = ['open', 'reached', 'adjusted', 'dropped'] as const satisfies readonly GoalStatus[];

export const SESSION_LOCATIONS = [
  'centre_room',
  'home',
  'partner',
  'online',
] as const satisfies readonly SessionLocation[];

export const ATTENDANCES = ['planned', 'attended', 'absent', 'cancelled'] as const satisfies readonly Attendance[];

export const NOTE_KINDS = ['note', 'evaluation', 'team_meeting'] as const satisfies readonly NoteKind[];

export const NOTE_VISIBILITIES = ['team', 'team_and_guardians'] as const satisfies readonly NoteVisibility[];

export const SIGNAL_CATEGORIES = [
  'language_speech',
  'behaviour',
  'development',
  'home_situation',
  'health',
  'learning',
  'other',
] as const satisfies readonly SignalCategory[];

export const SIGNAL_DECISIONS = [
  'discussed_with_parents',
  'watch',
  'support_requested',
  'no_action',
] as const satisfies readonly SignalDecision[];

/** The parts of the trajectory page, all in the one request (`?expand=`). */
export const TRAJECTORY_PAGE_PARTS = ['goals', 'sessions', 'notes', 'team', 'transitions'] as const;
