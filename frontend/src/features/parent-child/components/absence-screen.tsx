import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { RouterLink } from '@/components/ui/router-link';
import { ApiError } from '@/lib/api-client';
import { useWithdrawAbsence } from '@/features/day/api/absences';
import { AbsenceForm } from '@/features/day/components/absence-form';
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
  const [reported, setReported] = useState<AbsenceRead | null>(null);
  const [round, setRound] = useState(0);
  const hasAuthority = family.child(childId)?.hasParentalAuthority ?? true;

  return (
    <ChildScreen
      childId={childId}
      heading={name ? t('parentChild.absence.title', { name }) : t('parentChild.absenceTitle')}
      query={{ ...screen, hasData: Boolean(child) }}
    >
      {!hasAuthority ? (
        <NoAuthorityNote name={name} what="absence" />
      ) : reported ? (
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
        <section aria-labelledby="absence-form-heading" className="kc-section">
          <Heading level={2} id="absence-form-heading" className="kc-visually-hidden">
            {t('parentChild.absence.formTitle', { name })}
          </Heading>
          <Paragraph>{t('parentChild.absence.intro', { name })}</Paragraph>
          <AbsenceForm key={round} childId={childId} today={today} onReported={setReported} />
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
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const when =
    absence.from === absence.to
      ? text.format.longDate(absence.from)
      : t('parentChild.absence.range', { from: text.format.longDate(absence.from), to: text.format.longDate(absence.to) });
  return (
    <section aria-labelledby="absence-done-heading" className="kc-section kc-absence-done" data-testid="absence-done">
      <Heading level={2} id="absence-done-heading" ref={headingRef} tabIndex={-1}>
        {t('parentChild.absence.doneTitle', { name })}
      </Heading>
      <Paragraph>
        {absence.reason
          ? t('parentChild.absence.doneWithReason', { name, when, reason: text.reason(absence.reason) })
          : t('parentChild.absence.done', { name, when })}
      </Paragraph>
      <Paragraph>{t('parentChild.absence.told')}</Paragraph>
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" onClick={onAgain}>
          {t('parentChild.absence.again')}
        </Button>
      </ButtonGroup>
      <Paragraph>
        <RouterLink to={childPaths(childId).overview}>{t('parentChild.backTo', { name })}</RouterLink>
      </Paragraph>
    </section>
  );
}

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
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const coming = useMemo(
    () =>
      absences
        .filter((absence) => !absence.withdrawn && absence.to >= today)
        .sort((a, b) => a.from.localeCompare(b.from) || a.createdAt.localeCompare(b.createdAt)),
    [absences, today],
  );
  const withdraw = useWithdrawAbsence(childId, {
    onSuccess: () => {
      setMessage(t('parentChild.absence.withdrawn', { name }));
      // The button that was pressed is gone: keep keyboard focus in this section.
      statusRef.current?.focus();
    },
  });
  const raced = withdraw.error instanceof ApiError && withdraw.error.status === 409;

  return (
    <section aria-labelledby="absence-coming-heading" className="kc-section" data-testid="coming-absences">
      <Heading level={2} id="absence-coming-heading">
        {t('parentChild.absence.comingTitle')}
      </Heading>
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status">
        {message ? <Paragraph>{message}</Paragraph> : null}
        {raced ? <Paragraph>{t('parentChild.absence.alreadyWithdrawn')}</Paragraph> : null}
      </div>
      {withdraw.isError && !raced ? <ProblemAlert error={withdraw.error} /> : null}
      {coming.length === 0 ? <Paragraph>{t('parentChild.absence.comingEmpty', { name })}</Paragraph> : null}
      {coming.length > 0 ? (
        <ul className="kc-cards" aria-labelledby="absence-coming-heading">
          {coming.map((absence) => (
            <ComingAbsence
              key={absence.id}
              absence={absence}
              canWithdraw={canWithdraw}
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

function ComingAbsence({
  absence,
  canWithdraw,
  pending,
  disabled,
  onWithdraw,
}: {
  absence: AbsenceRead;
  canWithdraw: boolean;
  pending: boolean;
  disabled: boolean;
  onWithdraw: () => void;
}) {
  const { t } = useTranslation();
  const text = useEntryText();
  const when =
    absence.from === absence.to
      ? text.format.longDate(absence.from)
      : t('parentChild.absence.range', { from: text.format.longDate(absence.from), to: text.format.longDate(absence.to) });
  const summary = absence.reason ? `${when}: ${text.reason(absence.reason)}` : when;
  return (
    <li className="kc-card" data-testid="coming-absence">
      <Paragraph className="kc-card__text">
        <strong>{summary}</strong>
      </Paragraph>
      {absence.note ? (
        <Paragraph className="kc-card__text kc-pre" dir="auto">
          {absence.note}
        </Paragraph>
      ) : null}
      {absence.reportedByName ? (
        <Paragraph className="kc-muted">{t('parentChild.absence.reportedBy', { name: absence.reportedByName })}</Paragraph>
      ) : null}
      {canWithdraw ? (
        <ButtonGroup>
          <Button
            type="button"
            appearance="secondary-action-button"
            aria-label={t('parentChild.absence.withdrawLabel', { summary })}
            busy={pending}
            disabled={disabled}
            onClick={onWithdraw}
          >
            {t('parentChild.absence.withdraw')}
          </Button>
        </ButtonGroup>
      ) : null}
    </li>
  );
}
