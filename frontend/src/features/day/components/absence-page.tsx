import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/ui/router-link';
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
  const [reported, setReported] = useState<AbsenceRead | null>(null);
  const [round, setRound] = useState(0);

  return (
    <div className="kc-absence-page">
      <Paragraph className="kc-back">
        <RouterLink to={`/children/${childId}`}>
          {name ? t('absence.backTo', { name }) : t('absence.back')}
        </RouterLink>
      </Paragraph>
      <Heading level={1}>{t('absence.title')}</Heading>
      {name ? <Paragraph data-testid="absence-child">{t('absence.for', { name })}</Paragraph> : null}
      {reported ? (
        <AbsenceDone
          absence={reported}
          name={name}
          childId={childId}
          onAgain={() => {
            setReported(null);
            setRound((value) => value + 1);
          }}
        />
      ) : (
        <>
          <Paragraph>{t('absence.intro')}</Paragraph>
          <AbsenceForm key={round} childId={childId} today={today} onReported={setReported} />
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
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const reason = absence.reason ? text.reason(absence.reason) : t('day.absent');
  const days = daysBetween(absence.from, absence.to) + 1;
  return (
    <section aria-labelledby="absence-done-heading" className="kc-section kc-absence kc-absence__done" data-testid="absence-done">
      <Heading level={2} id="absence-done-heading" ref={headingRef} tabIndex={-1}>
        {t('absence.done.title')}
      </Heading>
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
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" onClick={onAgain}>
          {t('absence.done.again')}
        </Button>
      </ButtonGroup>
      <Paragraph>
        <RouterLink to={`/children/${childId}`}>
          {name ? t('absence.backTo', { name }) : t('absence.back')}
        </RouterLink>
      </Paragraph>
    </section>
  );
}
