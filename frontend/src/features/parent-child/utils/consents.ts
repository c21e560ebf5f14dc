import type { CareTeamMember, ConsentPurpose, ConsentRead, TrajectoryRead, TrajectoryType } from '@/features/parent-child/types';

/** A consent a parent can give: for one organisation, one purpose (and a trajectory's type). */
export type ConsentRequest = {
  key: string;
  organisationId: string;
  organisationName: string;
  purpose: ConsentPurpose;
  trajectoryType: TrajectoryType | null;
  /** Why it is asked: an organisation on the care team, a trajectory that waits, or given before. */
  reason: 'care_team' | 'trajectory' | 'again';
  /** For `again`: the consent that no longer holds. */
  consentId?: string;
};

const ENDED = new Set<TrajectoryRead['status']>(['closed', 'cancelled']);

const keyOf = (organisationId: string, purpose: ConsentPurpose, type: TrajectoryType | null) =>
  `${organisationId}:${purpose}:${type ?? ''}`;

/** In force first, then the newest first: what holds today matters most. */
export function byRelevance(a: ConsentRead, b: ConsentRead): number {
  if (a.inForce !== b.inForce) return a.inForce ? -1 : 1;
  return b.givenAt.localeCompare(a.givenAt);
}

/**
 * What waits for the parent's consent, the way the home's actions name it: each organisation on
 * the care team without a care-team consent in force, and each running trajectory that waits for
 * a trajectory consent. Then what was given before and no longer holds (withdrawn or expired),
 * to give again. One request per organisation and purpose; the care team's first.
 */
export function consentRequests({
  careTeam,
  trajectories,
  consents,
  today,
}: {
  careTeam: CareTeamMember[];
  trajectories: TrajectoryRead[];
  consents: ConsentRead[];
  today: string;
}): { waiting: ConsentRequest[]; again: ConsentRequest[] } {
  const inForce = new Set(
    consents.filter((consent) => consent.inForce).map((c) => keyOf(c.organisationId, c.purpose, c.trajectoryType)),
  );
  const seen = new Set(inForce);
  const waiting: ConsentRequest[] = [];
  for (const member of careTeam) {
    if (member.consentInForce || (member.untilDate && member.untilDate < today)) continue;
    const key = keyOf(member.organisationId, 'care_team', null);
    if (seen.has(key)) continue;
    seen.add(key);
    waiting.push({
      key,
      organisationId: member.organisationId,
      organisationName: member.organisationName,
      purpose: 'care_team',
      trajectoryType: null,
      reason: 'care_team',
    });
  }
  for (const trajectory of trajectories) {
    if (!trajectory.consentNeeded || ENDED.has(trajectory.status)) continue;
    const key = keyOf(trajectory.organisationId, 'trajectory', trajectory.type);
    if (seen.has(key)) continue;
    seen.add(key);
    waiting.push({
      key,
      organisationId: trajectory.organisationId,
      organisationName: trajectory.organisationName,
      purpose: 'trajectory',
      trajectoryType: trajectory.type,
      reason: 'trajectory',
    });
  }
  const again: ConsentRequest[] = [];
  for (const consent of [...consents].sort(byRelevance)) {
    const key = keyOf(consent.organisationId, consent.purpose, consent.trajectoryType);
    if (consent.inForce || seen.has(key)) continue;
    seen.add(key);
    again.push({
      key,
      organisationId: consent.organisationId,
      organisationName: consent.organisationName,
      purpose: consent.purpose,
      trajectoryType: consent.trajectoryType,
      reason: 'again',
      consentId: consent.id,
    });
  }
  return { waiting, again };
}
