import { useCallback, useMemo } from 'react';
import { useMe } from '@/features/auth/api/get-me';
import { useOrganisations } from '@/features/children/api/get-organisations';
import { organisationColours } from '@/features/rooms/utils/colours';
import { bookerOrganisations } from '@/features/rooms/utils/organisations';

/**
 * The organisations of a building's centre: their names (a room's owner), a colour each in the
 * calendar (in order of name, so partners in one building differ), and the ones the person
 * books for.
 */
export function useCentreOrganisations(centreId: string | undefined) {
  const me = useMe();
  const organisations = useOrganisations({ enabled: Boolean(centreId) });

  const inCentre = useMemo(
    () =>
      centreId && organisations.data
        ? organisations.data
            .filter((organisation) => organisation.centreIds.includes(centreId))
            .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id))
        : null,
    [organisations.data, centreId],
  );

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const membership of me.data?.memberships ?? []) map.set(membership.organisationId, membership.organisationName);
    for (const organisation of organisations.data ?? []) map.set(organisation.id, organisation.name);
    return map;
  }, [me.data, organisations.data]);

  const colourOf = useMemo(() => organisationColours((inCentre ?? []).map((organisation) => organisation.id)), [inCentre]);
  const organisationName = useCallback((id: string) => names.get(id), [names]);
  const forBooking = useMemo(
    () => bookerOrganisations(me.data, inCentre ? new Set(inCentre.map((organisation) => organisation.id)) : null),
    [me.data, inCentre],
  );

  return { colourOf, organisationName, forBooking, isPending: me.isPending };
}
