import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';
import type { Me } from '@/features/auth/api/get-me';
import { useOrganisations } from '@/features/children/api/get-organisations';
import type { GroupRead } from '@/features/day/types';
import { dayOrganisationIds, isCentreAdmin } from '@/features/day/utils/roles';

export type GroupScope = {
  /** The organisations the person works at as staff or administrator (`?organisationId=`). */
  organisationIds: string[];
  /** The centres the person administers (`?centreId=`): all their groups. */
  centreIds: string[];
};

function groupsWhere(query: { organisationId?: string; centreId?: string }): Promise<GroupRead[]> {
  return fetchAllPages((cursor) =>
    unwrap(api().GET('/groups', { params: { query: { ...query, limit: 100, cursor } } })),
  );
}

const byName = (a: GroupRead, b: GroupRead) =>
  a.name.localeCompare(b.name, 'nl', { numeric: true, sensitivity: 'base' });

/**
 * GET /groups?organisationId= for each organisation the person works at (and ?centreId= for each
 * centre they administer): their school classes and BSO groups, each once, by name.
 */
export async function getMyGroups({ organisationIds, centreIds }: GroupScope): Promise<GroupRead[]> {
  const pages = await Promise.all([
    ...organisationIds.map((organisationId) => groupsWhere({ organisationId })),
    ...centreIds.map((centreId) => groupsWhere({ centreId })),
  ]);
  const unique = new Map(pages.flat().map((group) => [group.id, group]));
  return [...unique.values()].sort(byName);
}

export const myGroupsQueryOptions = (scope: GroupScope) =>
  queryOptions({
    queryKey: ['day', 'my-groups', scope],
    queryFn: () => getMyGroups(scope),
    staleTime: 5 * 60_000,
  });

/**
 * The groups the person works with. A centre administrator's centres come from the
 * organisations list (which centres their organisation takes part in); nobody else needs it.
 */
export function useMyGroups(me: Me | undefined) {
  const centreAdmin = isCentreAdmin(me);
  const organisations = useOrganisations({ enabled: centreAdmin });
  const adminOrganisations = new Set(
    (me?.memberships ?? []).filter((m) => m.role === 'centre_admin').map((m) => m.organisationId),
  );
  const centreIds = centreAdmin
    ? [
        ...new Set(
          (organisations.data ?? [])
            .filter((organisation) => adminOrganisations.has(organisation.id))
            .flatMap((organisation) => organisation.centreIds),
        ),
      ].sort()
    : [];
  const scope: GroupScope = { organisationIds: dayOrganisationIds(me), centreIds };
  const ready = Boolean(me) && (!centreAdmin || organisations.isSuccess || organisations.isError);
  const groups = useQuery({ ...myGroupsQueryOptions(scope), enabled: ready });
  return {
    ...groups,
    isPending: !ready || groups.isPending,
  };
}
