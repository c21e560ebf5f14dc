import type { Me } from '@/features/auth/api/get-me';
import { coordinatesCare } from '@/features/outcomes/utils/roles';

/**
 * The centre's management (its administrators and care coordinators): sees the caseload, and
 * may ask for the waiting-time norms. Apart from roles.ts, so the menu's bundle stays without it.
 */
export function isCentreManagement(me: Pick<Me, 'roles' | 'careCoordinatorCentreIds'> | undefined): boolean {
  return Boolean(me && (me.roles.includes('centre_admin') || coordinatesCare(me)));
}
