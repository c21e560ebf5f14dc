import { childPath } from '@/features/parent/utils/paths';

/** The addresses of the parent's screens about one child (the parent app's /ouder/kinderen/:childId). */
export function childPaths(childId: string) {
  return {
    overview: childPath(childId),
    consents: childPath(childId, 'toestemming'),
    accessLog: childPath(childId, 'bekeken'),
    absence: childPath(childId, 'afmelden'),
    activities: childPath(childId, 'activiteiten'),
    myData: childPath(childId, 'gegevens'),
    supportRequest: childPath(childId, 'hulp-vragen'),
  };
}
