import { useCallback, useMemo } from 'react';
import { useMe } from '@/features/auth/api/get-me';
import { organisationColours } from '@/features/rooms/utils/colours';
import { bookerOrganisations } from '@/features/rooms/utils/organisations';
import type { OrganisationRead } from '@/features/rooms/types';

/**
 * The organisations of a building's centre (from the building's page): their names (a room's
 * owner), a colour each in the calendar (in order of name, so partners in one building differ),
 * and the ones the person books for.
 */
export function useCentreOrganisations(inCentre: OrganisationRead[] | undefined) {
  const me = useMe();

  const sorted = useMemo(
    () => (inCentre ? [...inCentre].sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id)) : null),
    [inCentre],
  );

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const membership of me.data?.memberships ?? []) map.set(membership.organisationId, membership.organisationName);
    for (const organisation of sorted ?? []) map.set(organisation.id, organisation.name);
    return map;
  }, [me.data, sorted]);

  const colourOf = useMemo(() => organisationColours((sorted ?? []).map((organisation) => organisation.id)), [sorted]);
  const organisationName = useCallback((id: string) => names.get(id), [names]);
  const forBooking = useMemo(
    () => bookerOrganisations(me.data, sorted ? new Set(sorted.map((organisation) => organisation.id)) : null),
    [me.data, sorted],
  );

  return { colourOf, organisationName, forBooking, isPending: me.isPending };
}
