import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useChildDetail } from '@/features/children/api/get-child-detail';
import { ErasureRequestPage } from '@/features/erasure/components/erasure-request-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** /children/:childId/verwijderverzoek: a guardian's erasure request, for the centre's admins. */
export default function ChildErasureRoute() {
  const { t } = useTranslation();
  const { childId = '' } = useParams();
  const child = useChildDetail(childId);
  useDocumentTitle(t('erasure.title'));
  const name = child.data ? `${child.data.givenName} ${child.data.familyName}` : undefined;
  return <ErasureRequestPage key={childId} childId={childId} childName={name} />;
}
