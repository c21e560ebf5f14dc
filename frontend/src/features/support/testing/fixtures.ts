import type {
  ChildPlan,
  SignalRead,
  TrajectoryDetail,
  TrajectoryRead,
} from '@/features/support/types';

/* Test data for the support screens, shaped as the API sends it. */

export const CHILD_ID = '00000000-0000-4000-8000-000000000001';
export const CENTRE_ID = 'cccccccc-0000-4000-8000-000000000001';
export const ORG_CARE = 'aaaaaaaa-0000-4000-8000-000000000003';
export const ORG_SCHOOL = 'aaaaaaaa-0000-4000-8000-000000000001';

let next = 0;
const id = (prefix: string) => `${prefix}-${(next += 1)}`;

export function trajectory(overrides: Partial<TrajectoryRead> = {}): TrajectoryRead {
  return {
    id: id('trajectory'),
    childId: CHILD_ID,
    childName: 'Noah de Vries',
    centreId: CENTRE_ID,
    type: 'logopedie',
    organisationId: ORG_CARE,
    organisationName: 'Zorgpartners Gooi',
    coordinatorId: null,
    coordinatorName: null,
    reason: 'Noah is moeilijk te verstaan.',
    location: 'in_centre',
    status: 'requested',
    requestedAt: '2026-03-02T09:00:00+01:00',
    intakeAt: null,
    startedAt: null,
    closedAt: null,
    outcome: null,
    referral: null,
    consentNeeded: false,
    waitingDaysToIntake: 3,
    waitingDaysToStart: 3,
    norm: { intakeWithinDays: 10, startWithinDays: 20 },
    overdue: false,
    allowedTransitions: ['intake', 'cancelled'],
    createdAt: '2026-03-02T09:00:00+01:00',
    updatedAt: '2026-03-02T09:00:00+01:00',
    ...overrides,
  };
}

export function trajectoryDetail(overrides: Partial<TrajectoryDetail> = {}): TrajectoryDetail {
  return {
    ...trajectory(),
    embedded: { goals: [], sessions: [], notes: [], team: [], transitions: [] },
    ...overrides,
  };
}

export function signal(overrides: Partial<SignalRead> = {}): SignalRead {
  return {
    id: id('signal'),
    childId: CHILD_ID,
    childName: 'Noah de Vries',
    category: 'language_speech',
    description: 'Noah spreekt moeilijk verstaanbaar in de kring.',
    fromGuardians: false,
    requestedType: null,
    authorId: 'teacher',
    authorName: 'Lotte Leerkracht',
    status: 'open',
    decision: null,
    decisionReason: null,
    reviewOn: null,
    decidedAt: null,
    decidedByName: null,
    trajectoryId: null,
    createdAt: '2026-03-03T10:00:00+01:00',
    ...overrides,
  };
}

export function plan(overrides: Partial<ChildPlan> = {}): ChildPlan {
  return {
    childId: CHILD_ID,
    view: 'team',
    trajectories: [],
    goals: [],
    notes: [],
    ...overrides,
  };
}
