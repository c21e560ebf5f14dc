import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { calculateAge, todayIsoDate } from '@/lib/format';
import { useChildScreen } from '@/features/parent-child/api/get-child-screen';
import { ChildScreen, useChildName } from '@/features/parent-child/components/child-screen';
import { ConsentCard } from '@/features/parent-child/components/consent-card';
import { GiveConsent, purposeTitle } from '@/features/parent-child/components/give-consent';
import { NoAuthorityNote } from '@/features/parent-child/components/no-authority-note';
import type { ConsentRead } from '@/features/parent-child/types';
import { byRelevance, consentRequests, type ConsentRequest } from '@/features/parent-child/utils/consents';

/**
 * Toestemming: first what waits for the parent's consent (the organisations on the care team
 * without one, the help that cannot start without one), then the consents in force with
 * "Intrekken", then the ones that no longer hold, to give again. One request; after a change
 * it is asked again (the consent hooks refresh ['children', childId, 'detail']).
 */
export function ConsentsScreen({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const screen = useChildScreen(childId, 'consents');
  const child = screen.data;
  const embedded = child?.embedded ?? {};
  const name = useChildName(childId, child?.givenName);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const consents = embedded.consents;

  const { waiting, again } = useMemo(
    () =>
      consentRequests({
        careTeam: embedded.careTeam ?? [],
        trajectories: embedded.trajectories ?? [],
        consents: consents ?? [],
        today: todayIsoDate(),
      }),
    [embedded.careTeam, embedded.trajectories, consents],
  );
  const sorted = useMemo(() => [...(consents ?? [])].sort(byRelevance), [consents]);
  const inForce = sorted.filter((consent) => consent.inForce);
  const past = sorted.filter((consent) => !consent.inForce);
  const againById = new Map(again.map((request) => [request.consentId, request]));
  const childIsTwelveOrOlder = child ? calculateAge(child.dateOfBirth).years >= 12 : false;

  function announce(text: string) {
    setMessage(text);
    // The button that was pressed is gone: keep keyboard focus in the status line.
    statusRef.current?.focus();
  }

  return (
    <ChildScreen
      childId={childId}
      heading={name ? t('parentChild.consents.title', { name }) : t('parentChild.consentsTitle')}
      intro={<Paragraph className="kc-explain">{t('parentChild.consents.explainWord')}</Paragraph>}
      query={{ ...screen, hasData: Boolean(child) }}
    >
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status" data-testid="consents-status">
        {message ? <Paragraph>{message}</Paragraph> : null}
      </div>
      {!consents ? (
        <NoAuthorityNote name={name} what="consents" />
      ) : (
        <>
          {waiting.length > 0 ? (
            <section aria-labelledby="consents-waiting-heading" className="kc-section" data-testid="consents-waiting">
              <Heading level={2} id="consents-waiting-heading">
                {t('parentChild.consents.waitingTitle', { count: waiting.length })}
              </Heading>
              <ul className="kc-cards">
                {waiting.map((request) => (
                  <li key={request.key} className="kc-card kc-consent-card kc-consent-card--waiting">
                    <GiveConsent
                      childId={childId}
                      name={name}
                      request={request}
                      childIsTwelveOrOlder={childIsTwelveOrOlder}
                      onGiven={announce}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="consents-given-heading" className="kc-section" data-testid="consents-given">
            <Heading level={2} id="consents-given-heading">
              {t('parentChild.consents.givenTitle')}
            </Heading>
            {inForce.length === 0 ? <Paragraph>{t('parentChild.consents.noneGiven', { name })}</Paragraph> : null}
            {inForce.length > 0 ? (
              <ul className="kc-cards">
                {inForce.map((consent) => (
                  <ConsentCard key={consent.id} childId={childId} name={name} consent={consent} onWithdrawn={announce} />
                ))}
              </ul>
            ) : null}
            <Paragraph className="kc-muted">{t('parentChild.consents.withdrawAnyTime')}</Paragraph>
          </section>

          {past.length > 0 ? (
            <section aria-labelledby="consents-past-heading" className="kc-section" data-testid="consents-past">
              <Heading level={2} id="consents-past-heading">
                {t('parentChild.consents.pastTitle')}
              </Heading>
              <ul className="kc-cards">
                {past.map((consent) => (
                  <PastConsent
                    key={consent.id}
                    childId={childId}
                    name={name}
                    consent={consent}
                    again={againById.get(consent.id)}
                    childIsTwelveOrOlder={childIsTwelveOrOlder}
                    onGiven={announce}
                  />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </ChildScreen>
  );
}

function PastConsent({
  childId,
  name,
  consent,
  again,
  childIsTwelveOrOlder,
  onGiven,
}: {
  childId: string;
  name: string;
  consent: ConsentRead;
  again: ConsentRequest | undefined;
  childIsTwelveOrOlder: boolean;
  onGiven: (text: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  const status = consent.withdrawnAt
    ? consent.withdrawnByName
      ? t('parentChild.consents.withdrawnBy', { date: format.date(consent.withdrawnAt), name: consent.withdrawnByName })
      : t('parentChild.consents.withdrawnOn', { date: format.date(consent.withdrawnAt) })
    : consent.validUntil
      ? t('parentChild.consents.expiredOn', { date: format.date(consent.validUntil) })
      : t('parentChild.consents.notInForce');
  return (
    <li className="kc-card kc-consent-card kc-consent-card--past" data-testid="past-consent" data-consent-id={consent.id}>
      {open && again ? (
        <GiveConsent
          childId={childId}
          name={name}
          request={again}
          childIsTwelveOrOlder={childIsTwelveOrOlder}
          onGiven={onGiven}
        />
      ) : (
        <>
          <Heading level={3} className="kc-consent-card__title">
            {consent.organisationName}
          </Heading>
          <Paragraph>
            <strong>{purposeTitle(t, consent)}</strong>
          </Paragraph>
          <Paragraph>{status}</Paragraph>
          {again ? (
            <ButtonGroup>
              <Button type="button" appearance="secondary-action-button" onClick={() => setOpen(true)}>
                {t('parentChild.consents.giveAgainOpen')}
                <span className="kc-visually-hidden">{`: ${consent.organisationName}, ${purposeTitle(t, consent)}`}</span>
              </Button>
            </ButtonGroup>
          ) : null}
        </>
      )}
    </li>
  );
}
