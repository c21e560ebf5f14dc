import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useTalkSlots } from '@/features/talks/api/list-talk-slots';
import { useMyGroups } from '@/features/talks/api/planning-choices';
import { TalkPlanner } from '@/features/talks/components/talk-planner';
import { TalkPlannings } from '@/features/talks/components/talk-plannings';
import '@/features/talks/components/talks.css';

/** /gesprekken for staff: plan talk slots for a group's families, and see who booked. */
export function StaffTalks() {
  const { t } = useTranslation();
  const groups = useMyGroups();
  const slots = useTalkSlots();
  return (
    <>
      <Paragraph>{t('talks.intro')}</Paragraph>
      <section aria-labelledby="talks-planner-heading" className="kc-section">
        <Heading level={2} id="talks-planner-heading">
          {t('talks.planner.heading')}
        </Heading>
        {groups.isPending ? <Loading /> : null}
        {groups.isError ? <ProblemAlert error={groups.error} /> : null}
        {groups.data && groups.data.length === 0 ? <Paragraph>{t('talks.planner.noGroups')}</Paragraph> : null}
        {groups.data && groups.data.length > 0 ? <TalkPlanner groups={groups.data} /> : null}
      </section>
      <section aria-labelledby="talks-plannings-heading" className="kc-section">
        <Heading level={2} id="talks-plannings-heading">
          {t('talks.plannings.heading')}
        </Heading>
        {slots.isPending ? <Loading /> : null}
        {slots.isError ? <ProblemAlert error={slots.error} /> : null}
        {slots.data ? <TalkPlannings slots={slots.data} groups={groups.data ?? []} /> : null}
      </section>
    </>
  );
}
