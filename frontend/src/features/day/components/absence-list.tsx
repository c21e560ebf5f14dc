import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState, type ReactNode } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useWithdrawAbsence } from '@/features/day/api/absences';
import { useEntryText } from '@/features/day/hooks/use-entry-text';
import type { AbsenceReason, AbsenceRead } from '@/features/day/types';
import { ApiError } from '@/lib/api-client';

/** The words of the list: the staff page and the parent app each say it their own way. */
export type AbsenceListTexts = {
  title: string;
  empty: string;
  /** After a withdrawal: "the child comes after all". */
  withdrawn: string;
  /** Someone else withdrew it first (409). */
  alreadyWithdrawn: string;
  withdraw: string;
  withdrawLabel: (summary: string) => string;
  reportedBy: (name: string) => string;
  /** "3 juni tot en met 5 juni" (one day: the date alone). */
  range: (from: string, to: string) => string;
  /** The days with the reason, when there is one. */
  withReason: (when: string, reason: AbsenceReason) => string;
  /** The words for a refused withdrawal, by status (else the general ones). */
  problems?: Record<number, string>;
};

/**
 * The child's absences from today on, each with "Intrekken" (the child comes after all); the
 * first first. After a withdrawal the focus stays in the section (the pressed button is gone).
 * `absences` undefined: not there yet (say why in `children`, shown above the list).
 */
export function AbsenceList({
  childId,
  absences,
  texts,
  canWithdraw = true,
  className,
  testId,
  cardTestId,
  children,
}: {
  childId: string;
  absences: AbsenceRead[] | undefined;
  texts: AbsenceListTexts;
  canWithdraw?: boolean;
  /** Of the section. */
  className?: string;
  testId?: string;
  cardTestId: string;
  children?: ReactNode;
}) {
  const { format } = useEntryText();
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const withdraw = useWithdrawAbsence(childId, {
    onSuccess: () => {
      setMessage(texts.withdrawn);
      // The button that was pressed is gone: keep keyboard focus in this section.
      statusRef.current?.focus();
    },
  });
  const raced = withdraw.error instanceof ApiError && withdraw.error.status === 409;

  return (
    <section aria-labelledby="absence-coming-heading" className={className} data-testid={testId}>
      <Heading level={2} id="absence-coming-heading">
        {texts.title}
      </Heading>
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status">
        {message ? <Paragraph>{message}</Paragraph> : null}
        {raced ? <Paragraph>{texts.alreadyWithdrawn}</Paragraph> : null}
      </div>
      {children}
      {withdraw.isError && !raced ? <ProblemAlert error={withdraw.error} messages={texts.problems} /> : null}
      {absences?.length === 0 ? <Paragraph>{texts.empty}</Paragraph> : null}
      {absences && absences.length > 0 ? (
        <ul className="kc-cards" aria-labelledby="absence-coming-heading">
          {absences.map((absence) => {
            const when = absenceWhen(absence, format.longDate, texts.range);
            const summary = absence.reason ? texts.withReason(when, absence.reason) : when;
            return (
              <li key={absence.id} className="kc-card" data-testid={cardTestId}>
                <Paragraph className="kc-card__text">
                  <strong>{summary}</strong>
                </Paragraph>
                {absence.note ? (
                  <Paragraph className="kc-card__text kc-pre" dir="auto">
                    {absence.note}
                  </Paragraph>
                ) : null}
                {absence.reportedByName ? (
                  <Paragraph className="kc-muted">{texts.reportedBy(absence.reportedByName)}</Paragraph>
                ) : null}
                {canWithdraw ? (
                  <ButtonGroup>
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      aria-label={texts.withdrawLabel(summary)}
                      busy={withdraw.isPending && withdraw.variables === absence.id}
                      disabled={withdraw.isPending}
                      onClick={() => {
                        setMessage('');
                        withdraw.mutate(absence.id);
                      }}
                    >
                      {texts.withdraw}
                    </Button>
                  </ButtonGroup>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

/** The absences still to come (or going on today), withdrawn ones left out, the first first. */
export function comingAbsences(absences: AbsenceRead[], today: string): AbsenceRead[] {
  return absences
    .filter((absence) => !absence.withdrawn && absence.to >= today)
    .sort((a, b) => a.from.localeCompare(b.from) || a.createdAt.localeCompare(b.createdAt));
}

/** "3 juni", or "3 juni tot en met 5 juni" in the reader's words for a range. */
export function absenceWhen(
  absence: Pick<AbsenceRead, 'from' | 'to'>,
  longDate: (date: string) => string,
  range: (from: string, to: string) => string,
): string {
  return absence.from === absence.to ? longDate(absence.from) : range(longDate(absence.from), longDate(absence.to));
}
