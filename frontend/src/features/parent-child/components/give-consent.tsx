import { Button, ButtonGroup, FormFieldCheckbox, Heading, Paragraph } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useGiveConsent } from '@/features/consent/api/give-consent';
import { ConsentExplanation } from '@/features/parent-child/components/consent-explanation';
import type { ConsentRequest } from '@/features/parent-child/utils/consents';

/**
 * One consent the parent can give, explained first. From 12 years on the child consents as well
 * (WGBO): the parent ticks that the child agrees, else the server refuses.
 */
export function GiveConsent({
  childId,
  name,
  request,
  childIsTwelveOrOlder,
  onGiven,
  headingLevel = 3,
}: {
  childId: string;
  name: string;
  request: ConsentRequest;
  childIsTwelveOrOlder: boolean;
  onGiven: (text: string) => void;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [childAgrees, setChildAgrees] = useState(false);
  const [missing, setMissing] = useState(false);
  const checkboxRef = useRef<HTMLInputElement>(null);
  const what = purposeTitle(t, request);
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
        {request.organisationName}
      </Heading>
      <Paragraph>
        <strong>{what}</strong>
      </Paragraph>
      {request.reason !== 'again' ? (
        <Paragraph>{t(`parentChild.consents.asks.${request.reason}`, { organisation: request.organisationName, name })}</Paragraph>
      ) : null}
      <ConsentExplanation
        id={`${id}-explain`}
        purpose={request.purpose}
        organisation={request.organisationName}
        trajectoryType={request.trajectoryType}
        name={name}
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
          aria-describedby={`${id}-explain`}
          onClick={submit}
          data-testid="give-consent-submit"
        >
          {request.reason === 'again' ? t('parentChild.consents.giveAgain') : t('parentChild.consents.give')}
          <span className="kc-visually-hidden">{`: ${request.organisationName}, ${what}`}</span>
        </Button>
      </ButtonGroup>
    </div>
  );
}

/** "Meedoen in het zorgteam", "Hulp of begeleiding: logopedie", … */
export function purposeTitle(t: TFunction, consent: Pick<ConsentRequest, 'purpose' | 'trajectoryType'>): string {
  const purpose = t(`consents.purposes.${consent.purpose}`);
  return consent.purpose === 'trajectory' && consent.trajectoryType
    ? t('consents.purposeWithType', { purpose, type: t(`consents.trajectoryTypes.${consent.trajectoryType}`) })
    : purpose;
}
