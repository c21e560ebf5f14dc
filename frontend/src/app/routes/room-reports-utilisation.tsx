import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RoomReportsNav } from '@/features/room-reports/components/room-reports-nav';
import { ReportsGate } from '@/features/room-reports/components/reports-gate';
import { UtilisationOverview } from '@/features/room-reports/components/utilisation-overview';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';

/**
 * /ruimtes/gebruik: how a building's rooms were used, for the centre's administrators, the
 * administrators of its organisations and the municipality's analysts.
 */
export default function RoomUtilisationPage() {
  const { t } = useRoomReportsTranslation();
  useDocumentTitle(t('utilisation.title'));
  const [params] = useSearchParams();
  return (
    <>
      <RoomReportsNav buildingId={params.get('gebouw') ?? undefined} />
      <Heading level={1}>{t('utilisation.title')}</Heading>
      <Paragraph>{t('utilisation.intro')}</Paragraph>
      <ReportsGate>{() => <UtilisationOverview />}</ReportsGate>
    </>
  );
}
