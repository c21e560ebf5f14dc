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

/**
 * The organisations someone may offer an activity for: those where they have a role that runs
 * activities (the API's RUNNERS), each once, by name. Empty for a guardian without a job at an
 * organisation and for the municipality's analyst.
 */
export function runnerOrganisations(me: Pick<Me, 'memberships'> | undefined): { id: string; name: string }[] {
  const found = new Map<string, string>();
  for (const m of me?.memberships ?? []) {
    if (isRunnerRole(m.role) && !found.has(m.organisationId)) found.set(m.organisationId, m.organisationName);
  }
  return [...found].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** True for the staff of an organisation, who may offer a new activity ("Nieuwe activiteit"). */
export function offersActivities(me: Pick<Me, 'memberships'> | undefined): boolean {
  return runnerOrganisations(me).length > 0;
}
