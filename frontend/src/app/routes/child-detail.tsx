import { useMemo } from 'react';
import { useParams } from 'react-router';
import { AccessLog } from '@/features/access-log/components/access-log';
import { useMe } from '@/features/auth/api/get-me';
import { CareTeam } from '@/features/care-team/components/care-team';
import { useChildGuardians } from '@/features/children/api/get-child-guardians';
import type { ChildRead } from '@/features/children/api/get-children';
import { useOrganisations } from '@/features/children/api/get-organisations';
import { ChildDetails } from '@/features/children/components/child-details';
import { Consents } from '@/features/consent/components/consents';

/**
 * Who may give and withdraw consent: a guardian of this child with parental authority. The
 * server decides; this only hides a form it would refuse.
 */
function ChildAccessSections({ child }: { child: ChildRead }) {
  const me = useMe();
  const guardians = useChildGuardians(child.id);
  const organisations = useOrganisations();
  const myId = me.data?.id;
  const canManageConsent = Boolean(
    myId && guardians.data?.some((g) => g.userId === myId && g.hasParentalAuthority),
  );
  const organisationOptions = useMemo(
    () =>
      (organisations.data ?? [])
        .map((org) => ({ id: org.id, name: org.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    [organisations.data],
  );

  return (
    <>
      <CareTeam childId={child.id} />
      <Consents
        childId={child.id}
        dateOfBirth={child.dateOfBirth}
        canManage={canManageConsent}
        organisations={organisationOptions}
      />
      <AccessLog childId={child.id} />
    </>
  );
}

export default function ChildDetailRoute() {
  const { childId = '' } = useParams();
  // A new child is a new page: reset every piece of state of the previous one.
  return (
    <ChildDetails
      key={childId}
      childId={childId}
      extraSections={(child) => <ChildAccessSections child={child} />}
    />
  );
}
