import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DoneSection } from '@/components/ui/done-section';
import { useSendAgain } from '@/hooks/use-send-again';
import { AbsenceForm } from '@/features/day/components/absence-form';
import { AbsenceList, type AbsenceListTexts, absenceWhen, comingAbsences } from '@/features/day/components/absence-list';
import { useEntryText } from '@/features/day/hooks/use-entry-text';
import { todayInZone } from '@/features/rooms/utils/time';
import { useFamily } from '@/features/parent/hooks/use-family';
import { useChildScreen } from '@/features/parent-child/api/get-child-screen';
import { ChildScreen, useChildName } from '@/features/parent-child/components/child-screen';
import { NoAuthorityNote } from '@/features/parent-child/components/no-authority-note';
import type { AbsenceRead } from '@/features/parent-child/types';
import { childPaths } from '@/features/parent-child/utils/paths';

/**
 * Afmelden: report the child ill or absent (the absence form of the day feature), then a
 * confirmation in plain words; below, the absences from today on with "Intrekken". The list
 * comes with the child page's one request (`expand=absences`); reporting and withdrawing
 * refresh it. Only a guardian with parental authority reports (the server decides).
 */
export function AbsenceScreen({ childId, now }: { childId: string; now?: () => Date }) {
  const { t } = useTranslation();
  const screen = useChildScreen(childId, 'absence');
  const family = useFamily();
  const child = screen.data;
  const name = useChildName(childId, child?.givenName);
  const today = todayInZone(now?.());
  const report = useSendAgain<AbsenceRead>();
  const hasAuthority = family.child(childId)?.hasParentalAuthority ?? true;

  return (
    <ChildScreen
      childId={childId}
      heading={name ? t('parentChild.absence.title', { name }) : t('parentChild.absenceTitle')}
      query={{ ...screen, hasData: Boolean(child) }}
    >
      {!hasAuthority ? (
        <NoAuthorityNote name={name} what="absence" />
      ) : report.done ? (
        <AbsenceDone absence={report.done} name={name} childId={childId} onAgain={report.again} />
      ) : (
        <section aria-labelledby="absence-form-heading" className="kc-section">
          <Heading level={2} id="absence-form-heading" className="kc-visually-hidden">
            {t('parentChild.absence.formTitle', { name })}
          </Heading>
          <Paragraph>{t('parentChild.absence.intro', { name })}</Paragraph>
          <AbsenceForm key={report.round} childId={childId} today={today} onReported={report.sent} />
        </section>
      )}
      <ComingAbsences childId={childId} name={name} today={today} absences={child?.embedded?.absences ?? []} canWithdraw={hasAuthority} />
    </ChildScreen>
  );
}

function AbsenceDone({
  absence,
  name,
  childId,
  onAgain,
}: {
  absence: AbsenceRead;
  name: string;
  childId: string;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const text = useEntryText();
  const when = absenceWhen(absence, text.format.longDate, (from, to) => t('parentChild.absence.range', { from, to }));
  return (
    <DoneSection
      title={t('parentChild.absence.doneTitle', { name })}
      againLabel={t('parentChild.absence.again')}
      onAgain={onAgain}
      backTo={childPaths(childId).overview}
      backLabel={t('parentChild.backTo', { name })}
      className="kc-section kc-absence-done"
      testId="absence-done"
    >
      <Paragraph>
        {absence.reason
          ? t('parentChild.absence.doneWithReason', { name, when, reason: text.reason(absence.reason) })
          : t('parentChild.absence.done', { name, when })}
      </Paragraph>
      <Paragraph>{t('parentChild.absence.told')}</Paragraph>
    </DoneSection>
  );
}

/** From today on, out of the child page's one request; withdrawing refreshes it. */
function ComingAbsences({
  childId,
  name,
  today,
  absences,
  canWithdraw,
}: {
  childId: string;
  name: string;
  today: string;
  absences: AbsenceRead[];
  canWithdraw: boolean;
}) {
  const { t } = useTranslation();
  const text = useEntryText();
  const coming = useMemo(() => comingAbsences(absences, today), [absences, today]);
  const texts = useMemo<AbsenceListTexts>(
    () => ({
      title: t('parentChild.absence.comingTitle'),
      empty: t('parentChild.absence.comingEmpty', { name }),
      withdrawn: t('parentChild.absence.withdrawn', { name }),
      alreadyWithdrawn: t('parentChild.absence.alreadyWithdrawn'),
      withdraw: t('parentChild.absence.withdraw'),
      withdrawLabel: (summary) => t('parentChild.absence.withdrawLabel', { summary }),
      reportedBy: (reporter) => t('parentChild.absence.reportedBy', { name: reporter }),
      range: (from, to) => t('parentChild.absence.range', { from, to }),
      withReason: (when, reason) => `${when}: ${text.reason(reason)}`,
    }),
    [t, text, name],
  );
  return (
    <AbsenceList
      childId={childId}
      absences={coming}
      texts={texts}
      canWithdraw={canWithdraw}
      className="kc-section"
      testId="coming-absences"
      cardTestId="coming-absence"
    />
  );
}
