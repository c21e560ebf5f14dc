import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { calculateAge, todayIsoDate } from '@/lib/format';
import { useChildScreen } from '@/features/parent-child/api/get-child-screen';
import { ChildScreen, useChildName } from '@/features/parent-child/components/child-screen';
import { ConsentCard } from '@/features/parent-child/components/consent-card';
import { GiveConsent, nameFor, purposeTitle } from '@/features/parent-child/components/give-consent';
import { NoAuthorityNote } from '@/features/parent-child/components/no-authority-note';
import type { ConsentRead } from '@/features/parent-child/types';
import { byRelevance, consentRequests, type ConsentRequest } from '@/features/parent-child/utils/consents';
import { shareOffers } from '@/features/parent-child/utils/share-offers';

/**
 * Toestemming: first what waits for the parent's consent (the organisations on the care team
 * without one, the help that cannot start without one), then the consents in force with
 * "Intrekken", then "Meer delen?" (what the parent may give though nobody waits for it: the
 * organisations working with the child sharing goals with the daily team, photos at school),
 * then the ones that no longer hold, to give again (unless offered under "Meer delen?"). One
 * request; after a change it is asked again (the consent hooks refresh ['children', childId, 'detail']).
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
  const offers = useMemo(
    () =>
      shareOffers({
        careTeam: embedded.careTeam ?? [],
        trajectories: embedded.trajectories ?? [],
        consents: consents ?? [],
        placements: embedded.placements ?? [],
        today: todayIsoDate(),
      }),
    [embedded.careTeam, embedded.trajectories, embedded.placements, consents],
  );
  const offered = [...offers.sharing, ...(offers.photos ? [offers.photos] : [])];
  const sorted = useMemo(() => [...(consents ?? [])].sort(byRelevance), [consents]);
  const inForce = sorted.filter((consent) => consent.inForce);
  const past = sorted.filter((consent) => !consent.inForce);
  // Given before and offered again under "Meer delen?", explained there: one button, not two.
  const againById = new Map(
    again
      .filter((request) => !offered.some((o) => o.organisationId === request.organisationId && o.purpose === request.purpose))
      .map((request) => [request.consentId, request]),
  );
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
                  <ConsentCard
                    key={consent.id}
                    childId={childId}
                    name={name}
                    consent={consent}
                    places={offers.places}
                    onWithdrawn={announce}
                  />
                ))}
              </ul>
            ) : null}
            <Paragraph className="kc-muted">{t('parentChild.consents.withdrawAnyTime')}</Paragraph>
          </section>

          {offered.length > 0 ? (
            <section aria-labelledby="consents-more-heading" className="kc-section" data-testid="consents-more">
              <Heading level={2} id="consents-more-heading">
                {t('parentChild.consents.more.title')}
              </Heading>
              <Paragraph className="kc-explain">{t('parentChild.consents.more.explain', { name })}</Paragraph>
              <ul className="kc-cards">
                {offers.sharing.map((offer) => (
                  <li key={offer.key} className="kc-card kc-consent-card" data-testid="share-offer">
                    <GiveConsent
                      childId={childId}
                      name={name}
                      request={{ ...offer, reason: 'offer' }}
                      question={t('parentChild.consents.more.askSharing', { organisation: offer.organisationName, name })}
                      places={offers.places}
                      childIsTwelveOrOlder={childIsTwelveOrOlder}
                      onGiven={announce}
                    />
                  </li>
                ))}
                {offers.photos ? (
                  <li key={offers.photos.key} className="kc-card kc-consent-card" data-testid="photos-offer">
                    <GiveConsent
                      childId={childId}
                      name={name}
                      request={{ ...offers.photos, reason: 'offer' }}
                      heading={t('parentChild.consents.more.photosTitle', { name })}
                      question={t('parentChild.consents.more.askPhotos', { organisation: offers.photos.organisationName, name })}
                      childIsTwelveOrOlder={childIsTwelveOrOlder}
                      onGiven={announce}
                    />
                  </li>
                ) : null}
              </ul>
            </section>
          ) : null}

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
              <Button
                type="button"
                appearance="secondary-action-button"
                aria-label={nameFor(t('parentChild.consents.giveAgainOpen'), consent.organisationName, purposeTitle(t, consent))}
                onClick={() => setOpen(true)}
              >
                {t('parentChild.consents.giveAgainOpen')}
              </Button>
            </ButtonGroup>
          ) : null}
        </>
      )}
    </li>
  );
}
