import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DoneSection } from '@/components/ui/done-section';
import { RouterLink } from '@/components/ui/router-link';
import { useSendAgain } from '@/hooks/use-send-again';
import { childDetailQueryOptions } from '@/features/children/api/get-child-detail';
import { AbsenceForm } from '@/features/day/components/absence-form';
import { ComingAbsences } from '@/features/day/components/coming-absences';
import { useEntryText } from '@/features/day/hooks/use-entry-text';
import type { AbsenceRead } from '@/features/day/types';
import { daysBetween, todayInZone } from '@/features/rooms/utils/time';
import '@/features/day/components/day.css';

/**
 * "Ziek of afwezig melden" for one child: the form, then a confirmation in plain words; below,
 * the absences still to come. The child's name comes from the child page when the person came
 * from there (no extra request, no extra access-log line); else the page does without it.
 */
export function AbsencePage({ childId, now }: { childId: string; now?: () => Date }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const child = queryClient.getQueryData(childDetailQueryOptions(childId).queryKey);
  const name = child ? `${child.givenName} ${child.familyName}` : null;
  const today = todayInZone(now?.());
  const report = useSendAgain<AbsenceRead>();

  return (
    <div className="kc-absence-page">
      <Paragraph className="kc-back">
        <RouterLink to={`/children/${childId}`}>
          {name ? t('absence.backTo', { name }) : t('absence.back')}
        </RouterLink>
      </Paragraph>
      <Heading level={1}>{t('absence.title')}</Heading>
      {name ? <Paragraph data-testid="absence-child">{t('absence.for', { name })}</Paragraph> : null}
      {report.done ? (
        <AbsenceDone absence={report.done} name={name} childId={childId} onAgain={report.again} />
      ) : (
        <>
          <Paragraph>{t('absence.intro')}</Paragraph>
          <AbsenceForm key={report.round} childId={childId} today={today} onReported={report.sent} />
        </>
      )}
      <ComingAbsences childId={childId} today={today} />
    </div>
  );
}

function AbsenceDone({
  absence,
  name,
  childId,
  onAgain,
}: {
  absence: AbsenceRead;
  name: string | null;
  childId: string;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const text = useEntryText();
  const reason = absence.reason ? text.reason(absence.reason) : t('day.absent');
  const days = daysBetween(absence.from, absence.to) + 1;
  return (
    <DoneSection
      title={t('absence.done.title')}
      againLabel={t('absence.done.again')}
      onAgain={onAgain}
      backTo={`/children/${childId}`}
      backLabel={name ? t('absence.backTo', { name }) : t('absence.back')}
      className="kc-section kc-absence kc-absence__done"
      testId="absence-done"
    >
      <Paragraph>
        {days === 1
          ? t('absence.done.oneDay', { reason, date: text.format.longDate(absence.from) })
          : t('absence.done.range', {
              reason,
              from: text.format.longDate(absence.from),
              to: text.format.longDate(absence.to),
            })}
      </Paragraph>
      <Paragraph>{t('absence.done.told', { count: days })}</Paragraph>
    </DoneSection>
  );
}
