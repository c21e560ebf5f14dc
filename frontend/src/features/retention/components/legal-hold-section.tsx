import { Button, ButtonGroup, FormFieldTextarea, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { useReleaseLegalHold } from '@/features/retention/api/release-legal-hold';
import { useSetLegalHold, type LegalHold } from '@/features/retention/api/set-legal-hold';

/** On the child's page, for the centre's administrators: a legal hold stops the retention
 * purge for this child until it is lifted. The reason is a case reference, not a story. The hold
 * comes with the child page (`?expand=legalHold`), which the server fills for those
 * administrators only. */
export function LegalHoldSection({ childId, hold }: { childId: string; hold: LegalHold }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const set = useSetLegalHold(childId);
  const release = useReleaseLegalHold(childId);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (set.isPending) return;
    if (reason.trim().length < 3) {
      setReasonError(t('retention.hold.reasonRequired'));
      return;
    }
    setReasonError(null);
    set.mutate(reason.trim(), { onSuccess: () => setReason('') });
  }

  return (
    <section aria-labelledby="legal-hold-heading" className="kc-section">
      <Heading level={2} id="legal-hold-heading">
        {t('retention.hold.title')}
      </Heading>
      {hold.held ? (
        <>
          <Paragraph>
            {t('retention.hold.active', {
              date: hold.setAt ? format.date(hold.setAt) : '',
              name: hold.setByName ?? t('retention.hold.unknownAdmin'),
            })}
          </Paragraph>
          <Paragraph>{t('retention.hold.reasonShown', { reason: hold.reason ?? '' })}</Paragraph>
          {release.isError ? <ProblemAlert error={release.error} /> : null}
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              busy={release.isPending}
              onClick={() => release.mutate()}
            >
              {t('retention.hold.release')}
            </Button>
          </ButtonGroup>
        </>
      ) : null}
      {!hold.held ? (
        <form onSubmit={submit} noValidate className="kc-form">
          <Paragraph>{t('retention.hold.intro')}</Paragraph>
          {set.isError ? <ProblemAlert error={set.error} /> : null}
          <FormFieldTextarea
            name="reason"
            label={t('retention.hold.reason')}
            description={t('retention.hold.reasonHelp')}
            value={reason}
            maxLength={500}
            required
            invalid={Boolean(reasonError)}
            errorMessage={reasonError ?? undefined}
            onChange={(event) => setReason((event.target as HTMLTextAreaElement).value)}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={set.isPending}>
              {t('retention.hold.set')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
    </section>
  );
}
