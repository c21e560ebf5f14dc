import { useParams } from 'react-router';
import { ConsentsScreen } from '@/features/parent-child/components/consents-screen';

/** /ouder/kinderen/:childId/toestemming: give or withdraw consent for one child. */
export default function ParentConsentsRoute() {
  const { childId = '' } = useParams();
  return <ConsentsScreen key={childId} childId={childId} />;
}
