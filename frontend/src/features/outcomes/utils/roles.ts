import type { Me } from '@/features/auth/api/get-me';

type Reader = Pick<Me, 'roles' | 'careCoordinatorCentreIds'>;

/** A care coordinator somewhere (an older /me without the list counts as none). */
export const coordinatesCare = (me: Reader) => (me.careCoordinatorCentreIds?.length ?? 0) > 0;

/**
 * Reads the outcome reports: a centre's administrators and care coordinators (its management)
 * and the municipality's analysts. The API still decides per centre (403, 404). A file of its
 * own, this small: the menu, in the first screen's bundle, needs only this.
 */
export function readsOutcomes(me: Reader | undefined): boolean {
  return Boolean(
    me && (me.roles.includes('centre_admin') || me.roles.includes('municipality_analyst') || coordinatesCare(me)),
  );
}
