import { useParams } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';
import { SupportNav } from '@/features/support/components/support-nav';
import { TrajectoryPage } from '@/features/support/components/trajectory-page';

/**
 * /zorg/trajecten/:trajectoryId. Professionals who reach it are on the trajectory's team and
 * work on it; a guardian (no memberships) reads what the server shows them.
 */
export default function TrajectoryDetailRoute() {
  const { trajectoryId = '' } = useParams();
  const me = useMe();
  const readOnly = (me.data?.memberships.length ?? 0) === 0;
  return (
    <>
      {!readOnly ? <SupportNav /> : null}
      <TrajectoryPage key={trajectoryId} trajectoryId={trajectoryId} myId={me.data?.id} readOnly={readOnly} />
    </>
  );
}
