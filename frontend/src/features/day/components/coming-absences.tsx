import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useComingAbsences } from '@/features/day/api/absences';
import { AbsenceList, type AbsenceListTexts } from '@/features/day/components/absence-list';
import '@/features/day/components/day.css';

/** The child's absences from today on, each with "Intrekken" (the child comes after all). */
export function ComingAbsences({ childId, today }: { childId: string; today: string }) {
  const { t } = useTranslation();
  const absences = useComingAbsences(childId, today);
  const texts = useMemo<AbsenceListTexts>(
    () => ({
      title: t('absence.coming.title'),
      empty: t('absence.coming.empty'),
      withdrawn: t('absence.coming.withdrawn'),
      alreadyWithdrawn: t('absence.coming.alreadyWithdrawn'),
      withdraw: t('absence.coming.withdraw'),
      withdrawLabel: (summary) => t('absence.coming.withdrawLabel', { summary }),
      reportedBy: (name) => t('absence.coming.reportedBy', { name }),
      range: (from, to) => t('absence.coming.range', { from, to }),
      withReason: (when, reason) => t('absence.coming.summary', { reason: t(`absence.form.reasons.${reason}`), when }),
      problems: { 403: t('absence.form.forbidden') },
    }),
    [t],
  );

  return (
    <AbsenceList
      childId={childId}
      absences={absences.data}
      texts={texts}
      className="kc-section kc-absence"
      cardTestId="absence-card"
    >
      {absences.isPending ? <Loading /> : null}
      {absences.isError ? <ProblemAlert error={absences.error} /> : null}
    </AbsenceList>
  );
}
