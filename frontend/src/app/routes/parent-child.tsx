import { useParams } from 'react-router';
import { ChildOverview } from '@/features/parent-child/components/child-overview';

/** /ouder/kinderen/:childId: Mijn kind. Another child is another screen: start afresh. */
export default function ParentChildRoute() {
  const { childId = '' } = useParams();
  return <ChildOverview key={childId} childId={childId} />;
}
