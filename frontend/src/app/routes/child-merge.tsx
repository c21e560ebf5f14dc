import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useChildDetail } from '@/features/children/api/get-child-detail';
import { ChildMergePage } from '@/features/erasure/components/child-merge-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** /children/:childId/samenvoegen: merge a duplicate registration into this child's. */
export default function ChildMergeRoute() {
  const { t } = useTranslation();
  const { childId = '' } = useParams();
  const child = useChildDetail(childId);
  useDocumentTitle(t('erasure.merge.title'));
  const name = child.data ? `${child.data.givenName} ${child.data.familyName}` : undefined;
  return <ChildMergePage key={childId} childId={childId} childName={name} />;
}
