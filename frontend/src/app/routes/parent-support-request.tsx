import { useParams } from 'react-router';
import { SupportRequestScreen } from '@/features/parent-child/components/support-request-screen';

/** /ouder/kinderen/:childId/hulp-vragen: a parent asks the contact person for support. */
export default function ParentSupportRequestRoute() {
  const { childId = '' } = useParams();
  return <SupportRequestScreen key={childId} childId={childId} />;
}
