import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AbsencePage } from '@/features/day/components/absence-page';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** /children/:childId/afmelden: report a child ill or absent. */
export default function AbsenceReportRoute() {
  const { t } = useTranslation();
  const { childId = '' } = useParams();
  useDocumentTitle(t('absence.title'));
  // Another child is another form: start afresh.
  return <AbsencePage key={childId} childId={childId} />;
}
