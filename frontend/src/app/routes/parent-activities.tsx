import { useParams } from 'react-router';
import { ChildActivitiesScreen } from '@/features/parent-child/components/child-activities-screen';

/** /ouder/kinderen/:childId/activiteiten: the activities for one child, and its enrolments. */
export default function ParentActivitiesRoute() {
  const { childId = '' } = useParams();
  return <ChildActivitiesScreen key={childId} childId={childId} />;
}
