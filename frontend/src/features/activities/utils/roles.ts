import type { Me } from '@/features/auth/api/get-me';
import { RUNNER_ROLES, type ActivityRead } from '@/features/activities/types';

const isRunnerRole = (role: string) => (RUNNER_ROLES as readonly string[]).includes(role);

/**
 * True for the people who run this activity: the providing organisation's staff, and the
 * centre's administrators (the API's `runs`). The server decides in the end; this only
 * chooses what to show and what to ask for.
 */
export function runsActivity(me: Pick<Me, 'memberships'> | undefined, activity: Pick<ActivityRead, 'organisationId'>): boolean {
  return Boolean(
    me?.memberships.some(
      (m) => m.role === 'centre_admin' || (m.organisationId === activity.organisationId && isRunnerRole(m.role)),
    ),
  );
}

/** True for a guardian: they enrol their own children. */
export function isGuardian(me: Pick<Me, 'isGuardian'> | undefined): boolean {
  return Boolean(me?.isGuardian);
}
