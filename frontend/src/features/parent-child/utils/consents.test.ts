import { describe, expect, it } from 'vitest';
import { careMember, consent, ORG_JEUGD, ORG_LOGO, ORG_SCHOOL, trajectory } from '@/features/parent-child/testing/fixtures';
import { consentRequests } from '@/features/parent-child/utils/consents';

const today = '2026-03-25';

describe('consentRequests', () => {
  it('asks once per organisation on the care team without a care-team consent, then for waiting trajectories', () => {
    const { waiting } = consentRequests({
      today,
      careTeam: [
        careMember({ id: 'a', organisationId: ORG_JEUGD, organisationName: 'Jeugdhulp Gooi', consentInForce: false }),
        careMember({ id: 'b', organisationId: ORG_JEUGD, organisationName: 'Jeugdhulp Gooi', consentInForce: false }),
        careMember({ id: 'c', consentInForce: true }),
        // Left the team: nothing to ask.
        careMember({ id: 'd', organisationId: ORG_SCHOOL, consentInForce: false, untilDate: '2026-01-31' }),
      ],
      trajectories: [
        trajectory({ organisationId: ORG_LOGO, type: 'logopedie', consentNeeded: true }),
        trajectory({ organisationId: ORG_LOGO, type: 'logopedie', consentNeeded: true }),
        trajectory({ organisationId: ORG_JEUGD, type: 'jeugdhulp', consentNeeded: true, status: 'cancelled' }),
        trajectory({ organisationId: ORG_JEUGD, type: 'jeugdhulp', consentNeeded: false }),
      ],
      consents: [consent()],
    });
    expect(waiting.map((r) => [r.organisationId, r.purpose, r.trajectoryType, r.reason])).toEqual([
      [ORG_JEUGD, 'care_team', null, 'care_team'],
      [ORG_LOGO, 'trajectory', 'logopedie', 'trajectory'],
    ]);
  });

  it('offers to give again what no longer holds, the newest of each once, unless it holds or waits already', () => {
    const old = consent({ id: 'old', purpose: 'photos', organisationId: ORG_SCHOOL, inForce: false, givenAt: '2024-01-01T00:00:00Z' });
    const newer = consent({ id: 'newer', purpose: 'photos', organisationId: ORG_SCHOOL, inForce: false, givenAt: '2025-01-01T00:00:00Z' });
    const renewed = consent({ id: 'renewed', purpose: 'care_team', inForce: false });
    const holds = consent({ id: 'holds', purpose: 'care_team', inForce: true });
    const { again } = consentRequests({ today, careTeam: [], trajectories: [], consents: [old, newer, renewed, holds] });
    expect(again.map((r) => r.consentId)).toEqual(['newer']);
  });
});
