import { Button, ButtonGroup, FormFieldTextbox, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import {
  DEFAULT_OVERLAP_HOURS,
  MAX_OVERLAP_HOURS,
  useRotateApiClientSecret,
} from '@/features/api-clients/api/rotate-api-client-secret';
import { SecretDialog } from '@/features/api-clients/components/secret-dialog';
import type { ApiClientRead } from '@/features/api-clients/types';
import { parseOverlapHours } from '@/features/api-clients/utils/validate';

/**
 * "Nieuw geheim": the current secrets keep working for the overlap, so the system can switch
 * without an outage. The new secret is shown once, and forgotten when its dialog closes.
 */
export function RotateSecretForm({
  organisationId,
  client,
  onClose,
}: {
  organisationId: string;
  client: ApiClientRead;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const overlapRef = useRef<HTMLInputElement>(null);
  const [overlap, setOverlap] = useState(String(DEFAULT_OVERLAP_HOURS));
  const [invalid, setInvalid] = useState(false);
  const rotate = useRotateApiClientSecret(organisationId, client.clientId);
  const issued = rotate.data;

  useEffect(() => headingRef.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (rotate.isPending) return;
    const hours = parseOverlapHours(overlap);
    setInvalid(hours === null);
    if (hours === null) {
      overlapRef.current?.focus();
      return;
    }
    rotate.mutate(hours);
  }

  return (
    <>
      <form
        onSubmit={submit}
        noValidate
        autoComplete="off"
        className="kc-form kc-subform"
        aria-labelledby={headingId}
        data-testid="rotate-api-client-form"
      >
        <Heading level={4} id={headingId} ref={headingRef} tabIndex={-1}>
          {t('apiClients.rotate.title', { name: client.name })}
        </Heading>
        <Paragraph>{t('apiClients.rotate.intro')}</Paragraph>
        <FormFieldTextbox
          inputRef={overlapRef}
          name="overlapHours"
          type="number"
          min={0}
          max={MAX_OVERLAP_HOURS}
          step={1}
          label={t('apiClients.rotate.overlap')}
          description={t('apiClients.rotate.overlapHelp')}
          value={overlap}
          autoComplete="off"
          onChange={(event) => setOverlap((event.target as HTMLInputElement).value)}
          invalid={invalid}
          errorMessage={invalid ? t('apiClients.rotate.overlapInvalid') : undefined}
          required
        />
        {rotate.isError ? (
          <ProblemAlert error={rotate.error} messages={{ 403: t('apiClients.forbidden'), 404: t('apiClients.gone') }} />
        ) : null}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={rotate.isPending}>
            {t('apiClients.rotate.submit')}
          </Button>
          <Button type="button" appearance="secondary-action-button" disabled={rotate.isPending} onClick={onClose}>
            {t('apiClients.rotate.cancel')}
          </Button>
        </ButtonGroup>
      </form>
      {issued ? (
        <SecretDialog
          secret={{
            kind: 'rotated',
            clientId: issued.clientId,
            clientSecret: issued.clientSecret,
            clientName: client.name,
            // With no overlap the previous secrets ended at once.
            previousSecretsExpireAt: rotate.variables === 0 ? null : issued.previousSecretsExpireAt,
          }}
          onClose={() => {
            rotate.reset();
            onClose();
          }}
        />
      ) : null}
    </>
  );
}
