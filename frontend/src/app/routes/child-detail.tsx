import { useParams } from 'react-router';
import { ChildDetails } from '@/features/children/components/child-details';

export default function ChildDetailRoute() {
  const { childId = '' } = useParams();
  // A new child is a new page: reset every piece of state of the previous one.
  return <ChildDetails key={childId} childId={childId} />;
}
