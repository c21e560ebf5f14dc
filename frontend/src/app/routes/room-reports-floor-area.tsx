import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { FloorAreaOverview } from '@/features/room-reports/components/floor-area-overview';
import { RoomReportsNav } from '@/features/room-reports/components/room-reports-nav';
import { ReportsGate } from '@/features/room-reports/components/reports-gate';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';

/**
 * /ruimtes/vierkante-meters: the normed floor area against the building's, and childcare's
 * use of the school's rooms; centre administrators also set the norm here.
 */
export default function FloorAreaPage() {
  const { t } = useRoomReportsTranslation();
  useDocumentTitle(t('floorArea.title'));
  const [params] = useSearchParams();
  return (
    <>
      <RoomReportsNav buildingId={params.get('gebouw') ?? undefined} />
      <Heading level={1}>{t('floorArea.title')}</Heading>
      <Paragraph>{t('floorArea.intro')}</Paragraph>
      <ReportsGate>{({ canEditNorm }) => <FloorAreaOverview canEditNorm={canEditNorm} />}</ReportsGate>
    </>
  );
}
