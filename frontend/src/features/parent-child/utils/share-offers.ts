import type { components } from '@/api/schema';
import type { CareTeamMember, ConsentRead, TrajectoryRead } from '@/features/parent-child/types';

export type ChildPlacement = components['schemas']['ChildPlacementRead'];

/** A consent the parent may give but nobody waits for: sharing goals with the daily team, photos. */
export type ShareOffer = {
  key: string;
  organisationId: string;
  organisationName: string;
  purpose: 'information_sharing' | 'photos';
  trajectoryType: null;
};

const ENDED = new Set<TrajectoryRead['status']>(['closed', 'cancelled']);

const placedOn = (placement: ChildPlacement, today: string) =>
  placement.startDate <= today && (!placement.endDate || placement.endDate >= today);

/**
 * "Meer delen?": each organisation that works with the child (on the care team today, or
 * providing help that has not ended; the care team's first) without an information_sharing
 * consent in force may share the goals with the daily team; the school the child goes to may
 * take photos, unless a photos consent for it is in force. `places`: the organisations placing
 * the child today (school, childcare, BSO), the daily team the goals are shared with.
 */
export function shareOffers({
  careTeam,
  trajectories,
  consents,
  placements,
  today,
}: {
  careTeam: CareTeamMember[];
  trajectories: TrajectoryRead[];
  consents: ConsentRead[];
  placements: ChildPlacement[];
  today: string;
}): { sharing: ShareOffer[]; photos: ShareOffer | null; places: string[] } {
  const holds = (organisationId: string, purpose: ShareOffer['purpose']) =>
    consents.some((c) => c.inForce && c.organisationId === organisationId && c.purpose === purpose);

  const working = [
    ...careTeam
      .filter((member) => !member.untilDate || member.untilDate >= today)
      .map((member) => ({ id: member.organisationId, name: member.organisationName })),
    ...trajectories
      .filter((trajectory) => !ENDED.has(trajectory.status))
      .map((trajectory) => ({ id: trajectory.organisationId, name: trajectory.organisationName })),
  ];
  const sharing: ShareOffer[] = [];
  const seen = new Set<string>();
  for (const organisation of working) {
    if (seen.has(organisation.id)) continue;
    seen.add(organisation.id);
    if (holds(organisation.id, 'information_sharing')) continue;
    sharing.push({
      key: `${organisation.id}:information_sharing`,
      organisationId: organisation.id,
      organisationName: organisation.name,
      purpose: 'information_sharing',
      trajectoryType: null,
    });
  }

  const current = placements.filter((placement) => placedOn(placement, today));
  const school = current.find((placement) => placement.kind === 'school');
  const photos: ShareOffer | null =
    school && !holds(school.organisationId, 'photos')
      ? {
          key: `${school.organisationId}:photos`,
          organisationId: school.organisationId,
          organisationName: school.organisationName,
          purpose: 'photos',
          trajectoryType: null,
        }
      : null;

  const places = [...new Set(current.map((placement) => placement.organisationName))];
  return { sharing, photos, places };
}
