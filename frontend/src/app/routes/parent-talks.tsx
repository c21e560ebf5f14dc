import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ParentTalks } from '@/features/talks/components/parent-talks';

/** /ouder/gesprekken: the talks offered per child, and the booked ones. */
export default function ParentTalksRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('parentTalks.title'));
  return <ParentTalks />;
}
