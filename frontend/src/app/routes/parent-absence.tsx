import { useParams } from 'react-router';
import { AbsenceScreen } from '@/features/parent-child/components/absence-screen';

/** /ouder/kinderen/:childId/afmelden: report the child ill or absent. */
export default function ParentAbsenceRoute() {
  const { childId = '' } = useParams();
  return <AbsenceScreen key={childId} childId={childId} />;
}
