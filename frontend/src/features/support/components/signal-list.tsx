import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/ui/router-link';
import { useFormatters } from '@/hooks/use-formatters';
import { SignalDecisionForm, type KnownConsent } from '@/features/support/components/signal-decision-form';
import type { OrganisationOption, SignalRead } from '@/features/support/types';

export type DecisionContext = {
  organisations: OrganisationOption[];
  consents?: KnownConsent[];
};

type SignalListProps = {
  signals: SignalRead[];
  /** Label of the list for screen readers. */
  label: string;
  /** In the inbox every signal names its child, with a link to the child page. */
  showChild: boolean;
  /** Whether this user decides on the signal (the server checks again). */
  canDecide: (signal: SignalRead) => boolean;
  decision: DecisionContext;
};

/**
 * Signals and parents' questions, newest first, each with its decision once taken. Whoever
 * decides gets "Besluit nemen" on an open one; after a request for support the new trajectory
 * is one link away.
 */
export function SignalList({ signals, label, showChild, canDecide, decision }: SignalListProps) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<string | null>(null);
  const [decided, setDecided] = useState<SignalRead | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (decided) resultRef.current?.focus();
  }, [decided]);

  return (
    <>
      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="kc-status" data-testid="decision-result">
        {decided ? (
          <Paragraph>
            {t(`support.decision.done.${decided.decision ?? 'discussed_with_parents'}`, { name: decided.childName })}{' '}
            {decided.trajectoryId ? (
              <RouterLink to={`/zorg/trajecten/${decided.trajectoryId}`} data-testid="decision-trajectory-link">
                {t('support.decision.toTrajectory')}
              </RouterLink>
            ) : null}
          </Paragraph>
        ) : null}
      </div>
      {signals.length > 0 ? (
        <ul className="kc-cards" aria-label={label}>
          {signals.map((signal) => (
            <li key={signal.id} className="kc-card" data-testid="signal-item" data-signal-id={signal.id} data-status={signal.status}>
              <SignalItem
                signal={signal}
                showChild={showChild}
                canDecide={signal.status === 'open' && canDecide(signal)}
                deciding={deciding === signal.id}
                onDecide={() => {
                  setDecided(null);
                  setDeciding(signal.id);
                }}
                onCancel={() => setDeciding(null)}
                onDecided={(result) => {
                  setDeciding(null);
                  setDecided(result);
                }}
                decision={decision}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function SignalItem({
  signal,
  showChild,
  canDecide,
  deciding,
  onDecide,
  onCancel,
  onDecided,
  decision,
}: {
  signal: SignalRead;
  showChild: boolean;
  canDecide: boolean;
  deciding: boolean;
  onDecide: () => void;
  onCancel: () => void;
  onDecided: (signal: SignalRead) => void;
  decision: DecisionContext;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const decideRef = useRef<HTMLButtonElement>(null);
  const wasDeciding = useRef(false);

  useEffect(() => {
    if (!deciding && wasDeciding.current) decideRef.current?.focus();
    wasDeciding.current = deciding;
  }, [deciding]);

  return (
    <article aria-labelledby={headingId}>
      <Heading level={4} id={headingId}>
        {signal.fromGuardians ? t('support.signals.fromGuardians') : t('support.signals.signal')}
        {': '}
        {t(`support.categories.${signal.category}`)}
      </Heading>
      {showChild ? (
        <Paragraph>
          <RouterLink to={`/children/${signal.childId}`}>{signal.childName}</RouterLink>
        </Paragraph>
      ) : null}
      <Paragraph className="kc-pre" data-testid="signal-description">
        {signal.description}
      </Paragraph>
      {signal.requestedType ? (
        <Paragraph>
          {t('support.signals.requestedType', { type: t(`consents.trajectoryTypes.${signal.requestedType}`) })}
        </Paragraph>
      ) : null}
      <Paragraph className="kc-muted">
        {t('support.signals.by', { name: signal.authorName })}{' '}
        <time dateTime={signal.createdAt}>{format.dateTime(signal.createdAt)}</time>
      </Paragraph>
      <Paragraph data-testid="signal-status">
        <strong>
          {signal.status === 'open'
            ? t('support.signals.open')
            : t('support.signals.decided', {
                decision: t(`support.decisions.${signal.decision ?? 'discussed_with_parents'}`),
              })}
        </strong>
        {signal.decidedByName && signal.decidedAt
          ? ` ${t('support.signals.decidedBy', { name: signal.decidedByName, date: format.date(signal.decidedAt) })}`
          : ''}
      </Paragraph>
      {signal.reviewOn ? (
        <Paragraph>{t('support.signals.reviewOn', { date: format.date(signal.reviewOn) })}</Paragraph>
      ) : null}
      {signal.decisionReason ? (
        <Paragraph>
          {t('support.signals.reason')}: {signal.decisionReason}
        </Paragraph>
      ) : null}
      {signal.trajectoryId ? (
        <Paragraph>
          <RouterLink to={`/zorg/trajecten/${signal.trajectoryId}`}>{t('support.signals.toTrajectory')}</RouterLink>
        </Paragraph>
      ) : null}
      {canDecide && !deciding ? (
        <ButtonGroup>
          <Button
            ref={decideRef}
            type="button"
            appearance="primary-action-button"
            aria-describedby={headingId}
            data-testid="signal-decide-button"
            onClick={onDecide}
          >
            {t('support.signals.decide')}
          </Button>
        </ButtonGroup>
      ) : null}
      {canDecide && deciding ? (
        <SignalDecisionForm
          signal={signal}
          organisations={decision.organisations}
          consents={decision.consents}
          onDecided={onDecided}
          onCancel={onCancel}
        />
      ) : null}
    </article>
  );
}
