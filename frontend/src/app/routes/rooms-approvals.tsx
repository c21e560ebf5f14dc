import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/features/auth/api/get-me';
import { ApprovalsPage } from '@/features/rooms/components/approvals-page';
import { RoomsNav } from '@/features/rooms/components/rooms-nav';
import { isBooker } from '@/features/rooms/utils/organisations';

/** /ruimtes/aanvragen: requests for the rooms of a building, approved or declined by the owner. */
export default function RoomsApprovalsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('rooms.approvals.title'));
  const me = useMe();
  const staff = isBooker(me.data);

  let body;
  if (me.isPending) body = <Loading />;
  else if (!staff) body = <Paragraph data-testid="rooms-only-staff">{t('rooms.onlyStaff')}</Paragraph>;
  else body = <ApprovalsPage />;

  return (
    <>
      {staff ? <RoomsNav /> : null}
      <Heading level={1}>{t('rooms.approvals.title')}</Heading>
      {staff ? <Paragraph>{t('rooms.approvals.intro')}</Paragraph> : null}
      {body}
    </>
  );
}
