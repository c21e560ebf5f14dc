import type { Translate } from '@/features/outcomes/utils/periods';
import type { IndicatorId, MeasureKind, OutcomeRow } from '@/features/outcomes/types';

const KINDS: Record<string, MeasureKind> = {
  shareIntakeWithinNorm: 'share',
  shareStartWithinNorm: 'share',
  share: 'share',
  utilisation: 'share',
  doubleUse: 'share',
  contactPersonCoverage: 'share',
  medianDaysToIntake: 'days',
  p90DaysToIntake: 'days',
  medianDaysToStart: 'days',
  p90DaysToStart: 'days',
  per100Children: 'per100',
  bookedHours: 'hours',
  openingHours: 'hours',
  afterSchoolHours: 'hours',
  holidayHours: 'hours',
  medianHoursToFirstAnswer: 'hours',
  normedM2: 'm2',
  actualM2: 'm2',
  differenceM2: 'm2',
};

/** How a measure reads; anything the API adds later reads as a plain number. */
export function measureKind(measure: string): MeasureKind {
  return KINDS[measure] ?? 'count';
}

/**
 * What each indicator's chart and reading are about: one measure, of the total (`group: null`),
 * of one group, or (`group: 'each'`) of every group side by side (a professional's caseload has
 * no total). `compare`: the reading sets the figure beside the period before.
 */
export type Headline = { measure: string; group: string | null | 'each'; compare: boolean };

export const HEADLINES: Record<IndicatorId, Headline> = {
  waitingTime: { measure: 'shareStartWithinNorm', group: null, compare: true },
  supportLocation: { measure: 'share', group: 'in_centre', compare: true },
  trajectoryOutcomes: { measure: 'share', group: 'goals_reached', compare: true },
  referrals: { measure: 'per100Children', group: null, compare: true },
  signals: { measure: 'signals', group: null, compare: true },
  signalFunnel: { measure: 'raised', group: null, compare: true },
  oneTeam: { measure: 'multiOrganisationTeams', group: null, compare: true },
  caseload: { measure: 'openTrajectories', group: 'each', compare: false },
  caseloadByOrganisation: { measure: 'openTrajectories', group: 'each', compare: false },
  participation: { measure: 'share', group: 'each', compare: false },
  participationByAge: { measure: 'share', group: null, compare: true },
  roomUse: { measure: 'utilisation', group: null, compare: true },
  floorArea: { measure: 'differenceM2', group: null, compare: false },
  parents: { measure: 'contactPersonCoverage', group: null, compare: true },
};

/** The measures the yearly report sets side by side for a grouped indicator (all for one without groups). */
export const ANNUAL_MEASURES: Partial<Record<IndicatorId, string[]>> = {
  waitingTime: ['requests', 'shareStartWithinNorm'],
  supportLocation: ['trajectories', 'share'],
  trajectoryOutcomes: ['trajectories', 'share'],
  referrals: ['referrals', 'per100Children'],
  signals: ['signals', 'share'],
  caseload: ['openTrajectories'],
  caseloadByOrganisation: ['openTrajectories'],
  participation: ['children', 'share'],
  participationByAge: ['children', 'share'],
};

/** Where each kind of group has its names; codes the app has no name for stay as they are. */
const GROUP_TEXTS: Record<string, string> = {
  trajectoryType: 'consents.trajectoryTypes',
  location: 'support.locations',
  outcome: 'support.outcomes',
  destination: 'support.referralDestinations',
  decision: 'support.decisions',
  category: 'activities.categories',
  ageBand: 'outcomes.groups.ageBand',
};

/** A group's name: the total, a name the API sent (a professional), or the code's text. */
export function groupLabel(groupBy: string | null, row: Pick<OutcomeRow, 'group' | 'label'>, t: Translate): string {
  if (row.group === null) return t('outcomes.table.total');
  if (row.label) return row.label;
  return groupName(groupBy, row.group, t);
}

export function groupName(groupBy: string | null, group: string, t: Translate): string {
  if (groupBy === 'decision' && group === 'open') return t('outcomes.groups.decision.open');
  const base = groupBy ? GROUP_TEXTS[groupBy] : undefined;
  return base ? t(`${base}.${group}`, { defaultValue: group }) : group;
}

export function measureLabel(measure: string, t: Translate): string {
  return t(`outcomes.measures.${measure}`, { defaultValue: measure });
}

export function groupByLabel(groupBy: string, t: Translate): string {
  return t(`outcomes.groupBy.${groupBy}`, { defaultValue: groupBy });
}

export function indicatorTitle(id: string, t: Translate): string {
  return t(`outcomes.indicators.${id}.title`, { defaultValue: id });
}
