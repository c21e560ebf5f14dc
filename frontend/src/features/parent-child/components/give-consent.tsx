import { Button, ButtonGroup, FormFieldCheckbox, Heading, Paragraph } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useGiveConsent } from '@/features/consent/api/give-consent';
import { ConsentExplanation } from '@/features/parent-child/components/consent-explanation';
import type { ConsentRequest } from '@/features/parent-child/utils/consents';

/**
 * What the parent can give consent for: one that waits or was given before (a ConsentRequest),
 * or one offered without anybody waiting for it (`offer`: sharing goals, photos).
 */
export type GiveRequest = Pick<ConsentRequest, 'organisationId' | 'organisationName' | 'purpose' | 'trajectoryType'> & {
  reason: ConsentRequest['reason'] | 'offer';
};

/**
 * One consent the parent can give, explained first. From 12 years on the child consents as well
 * (WGBO): the parent ticks that the child agrees, else the server refuses. `heading` replaces the
 * organisation's name as the title (which then goes under it), `question` is asked above the
 * explanation, `places` name the daily team (see ConsentExplanation).
 */
export function GiveConsent({
  childId,
  name,
  request,
  childIsTwelveOrOlder,
  onGiven,
  headingLevel = 3,
  heading,
  question,
  places,
}: {
  childId: string;
  name: string;
  request: GiveRequest;
  childIsTwelveOrOlder: boolean;
  onGiven: (text: string) => void;
  headingLevel?: 3 | 4;
  heading?: string;
  question?: string;
  places?: string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const [childAgrees, setChildAgrees] = useState(false);
  const [missing, setMissing] = useState(false);
  const checkboxRef = useRef<HTMLInputElement>(null);
  const what = purposeTitle(t, request);
  const label = request.reason === 'again' ? t('parentChild.consents.giveAgain') : t('parentChild.consents.give');
  const give = useGiveConsent(childId, {
    onSuccess: () => onGiven(t('parentChild.consents.givenMessage', { organisation: request.organisationName, what })),
  });

  function submit() {
    if (give.isPending) return;
    if (childIsTwelveOrOlder && !childAgrees) {
      setMissing(true);
      checkboxRef.current?.focus();
      return;
    }
    give.mutate({
      organisationId: request.organisationId,
      purpose: request.purpose,
      ...(request.purpose === 'trajectory' ? { trajectoryType: request.trajectoryType } : {}),
      childAlsoConsents: childIsTwelveOrOlder && childAgrees,
    });
  }

  return (
    <div className="kc-consent-give" data-testid="give-consent" data-purpose={request.purpose} data-organisation-id={request.organisationId}>
      <Heading level={headingLevel} className="kc-consent-card__title">
        {heading ?? request.organisationName}
      </Heading>
      <Paragraph>
        <strong>{heading ? request.organisationName : what}</strong>
      </Paragraph>
      {question ? (
        <Paragraph>{question}</Paragraph>
      ) : request.reason === 'care_team' || request.reason === 'trajectory' ? (
        <Paragraph>{t(`parentChild.consents.asks.${request.reason}`, { organisation: request.organisationName, name })}</Paragraph>
      ) : null}
      <ConsentExplanation
        id={`${id}-explain`}
        purpose={request.purpose}
        organisation={request.organisationName}
        trajectoryType={request.trajectoryType}
        name={name}
        places={places}
      />
      {childIsTwelveOrOlder ? (
        <FormFieldCheckbox
          inputRef={checkboxRef}
          name={`${id}-child-agrees`}
          label={t('parentChild.consents.childAgrees', { name })}
          description={t('parentChild.consents.childAgreesHelp', { name })}
          checked={childAgrees}
          onChange={(event) => {
            setChildAgrees(event.target.checked);
            setMissing(false);
          }}
          invalid={missing}
          errorMessage={missing ? t('parentChild.consents.childAgreesMissing', { name }) : undefined}
        />
      ) : null}
      {give.isError ? (
        <ProblemAlert error={give.error} messages={{ 403: t('parentChild.consents.giveForbidden') }} />
      ) : null}
      <ButtonGroup>
        <Button
          type="button"
          appearance="primary-action-button"
          busy={give.isPending}
          aria-label={nameFor(label, request.organisationName, what)}
          aria-describedby={`${id}-explain`}
          onClick={submit}
          data-testid="give-consent-submit"
        >
          {label}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/**
 * A button's accessible name: its visible text first (what the speech user says), then which
 * consent, "Intrekken: Zorgpartners Gooi, Meedoen in het zorgteam". Given as aria-label: a
 * visually hidden span after the text reads "Intrekken : …" in Chromium (a space before the
 * colon), because an absolutely positioned element counts as a block in the name.
 */
export function nameFor(label: string, organisation: string, what: string): string {
  return `${label}: ${organisation}, ${what}`;
}

/** "Meedoen in het zorgteam", "Hulp of begeleiding: logopedie", … */
export function purposeTitle(t: TFunction, consent: Pick<ConsentRequest, 'purpose' | 'trajectoryType'>): string {
  const purpose = t(`consents.purposes.${consent.purpose}`);
  return consent.purpose === 'trajectory' && consent.trajectoryType
    ? t('consents.purposeWithType', { purpose, type: t(`consents.trajectoryTypes.${consent.trajectoryType}`) })
    : purpose;
}
