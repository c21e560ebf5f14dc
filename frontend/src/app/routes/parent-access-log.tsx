import { useParams } from 'react-router';
import { AccessVisitsScreen } from '@/features/parent-child/components/access-visits-screen';

/** /ouder/kinderen/:childId/bekeken: who looked at the child's file, per visit. */
export default function ParentAccessLogRoute() {
  const { childId = '' } = useParams();
  return <AccessVisitsScreen key={childId} childId={childId} />;
}
