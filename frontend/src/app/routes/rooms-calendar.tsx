import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/features/auth/api/get-me';
import { RoomCalendarPage } from '@/features/rooms/components/room-calendar-page';
import { RoomsNav } from '@/features/rooms/components/rooms-nav';
import { isBooker } from '@/features/rooms/utils/organisations';

/** /ruimtes: the room calendar of a building, for the staff of the centre's organisations. */
export default function RoomsCalendarRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('rooms.title'));
  const me = useMe();
  const staff = isBooker(me.data);

  let body;
  if (me.isPending) body = <Loading />;
  else if (!staff) body = <Paragraph data-testid="rooms-only-staff">{t('rooms.onlyStaff')}</Paragraph>;
  else body = <RoomCalendarPage />;

  return (
    <>
      {staff ? <RoomsNav /> : null}
      <Heading level={1}>{t('rooms.title')}</Heading>
      {staff ? <Paragraph>{t('rooms.intro')}</Paragraph> : null}
      {body}
    </>
  );
}
