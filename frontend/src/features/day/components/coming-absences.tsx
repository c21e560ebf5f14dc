import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useComingAbsences, useWithdrawAbsence } from '@/features/day/api/absences';
import { useEntryText } from '@/features/day/hooks/use-entry-text';
import type { AbsenceRead } from '@/features/day/types';
import { ApiError } from '@/lib/api-client';
import '@/features/day/components/day.css';

/** The child's absences from today on, each with "Intrekken" (the child comes after all). */
export function ComingAbsences({ childId, today }: { childId: string; today: string }) {
  const { t } = useTranslation();
  const absences = useComingAbsences(childId, today);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const withdraw = useWithdrawAbsence(childId, {
    onSuccess: () => {
      setMessage(t('absence.coming.withdrawn'));
      // The button that was pressed is gone: keep keyboard focus in this section.
      statusRef.current?.focus();
    },
  });
  const raced = withdraw.error instanceof ApiError && withdraw.error.status === 409;

  return (
    <section aria-labelledby="absence-coming-heading" className="kc-section kc-absence">
      <Heading level={2} id="absence-coming-heading">
        {t('absence.coming.title')}
      </Heading>
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status">
        {message ? <Paragraph>{message}</Paragraph> : null}
        {raced ? <Paragraph>{t('absence.coming.alreadyWithdrawn')}</Paragraph> : null}
      </div>
      {absences.isPending ? <Loading /> : null}
      {absences.isError ? <ProblemAlert error={absences.error} /> : null}
      {withdraw.isError && !raced ? (
        <ProblemAlert error={withdraw.error} messages={{ 403: t('absence.form.forbidden') }} />
      ) : null}
      {absences.data?.length === 0 ? <Paragraph>{t('absence.coming.empty')}</Paragraph> : null}
      {absences.data && absences.data.length > 0 ? (
        <ul className="kc-cards" aria-labelledby="absence-coming-heading">
          {absences.data.map((absence) => (
            <AbsenceCard
              key={absence.id}
              absence={absence}
              pending={withdraw.isPending && withdraw.variables === absence.id}
              disabled={withdraw.isPending}
              onWithdraw={() => {
                setMessage('');
                withdraw.mutate(absence.id);
              }}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function AbsenceCard({
  absence,
  pending,
  disabled,
  onWithdraw,
}: {
  absence: AbsenceRead;
  pending: boolean;
  disabled: boolean;
  onWithdraw: () => void;
}) {
  const { t } = useTranslation();
  const text = useEntryText();
  const when =
    absence.from === absence.to
      ? text.format.longDate(absence.from)
      : t('absence.coming.range', { from: text.format.longDate(absence.from), to: text.format.longDate(absence.to) });
  const summary = absence.reason
    ? t('absence.coming.summary', { reason: t(`absence.form.reasons.${absence.reason}`), when })
    : when;
  return (
    <li className="kc-card" data-testid="absence-card">
      <Paragraph className="kc-card__text">
        <strong>{summary}</strong>
      </Paragraph>
      {absence.note ? <Paragraph className="kc-card__text kc-pre">{absence.note}</Paragraph> : null}
      {absence.reportedByName ? (
        <Paragraph className="kc-muted">{t('absence.coming.reportedBy', { name: absence.reportedByName })}</Paragraph>
      ) : null}
      <Button
        type="button"
        appearance="secondary-action-button"
        aria-label={t('absence.coming.withdrawLabel', { summary })}
        busy={pending}
        disabled={disabled}
        onClick={onWithdraw}
      >
        {t('absence.coming.withdraw')}
      </Button>
    </li>
  );
}
