import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useMe } from '@/features/auth/api/get-me';
import { GroupDayPage } from '@/features/day/components/group-day-page';
import { isDayStaff } from '@/features/day/utils/roles';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** /vandaag: a group's day, for the staff of the school and the childcare. */
export default function TodayRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('day.title'));
  const me = useMe();
  const staff = isDayStaff(me.data);

  let body;
  if (me.isPending) body = <Loading />;
  else if (me.isError) body = <ProblemAlert error={me.error} />;
  else if (!staff) body = <Paragraph data-testid="day-only-staff">{t('day.onlyStaff')}</Paragraph>;
  else body = <GroupDayPage me={me.data} />;

  return (
    <>
      <Heading level={1}>{t('day.title')}</Heading>
      {staff ? <Paragraph>{t('day.intro')}</Paragraph> : null}
      {body}
    </>
  );
}
