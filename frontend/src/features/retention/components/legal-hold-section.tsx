import { Button, ButtonGroup, FormFieldTextarea, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { isHiddenFromCaller } from '@/lib/api-client';
import { useLegalHold } from '@/features/retention/api/get-legal-hold';
import { useReleaseLegalHold } from '@/features/retention/api/release-legal-hold';
import { useSetLegalHold } from '@/features/retention/api/set-legal-hold';

/** On the child's page, for the centre's administrators: a legal hold stops the retention
 * purge for this child until it is lifted. The reason is a case reference, not a story. */
export function LegalHoldSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const hold = useLegalHold(childId);
  const set = useSetLegalHold(childId);
  const release = useReleaseLegalHold(childId);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  // The server refuses everyone but the centre's administrators: then there is nothing to show.
  if (hold.isError && isHiddenFromCaller(hold.error)) return null;

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
      {hold.isPending ? <Loading /> : null}
      {hold.isError ? <ProblemAlert error={hold.error} /> : null}
      {hold.data?.held ? (
        <>
          <Paragraph>
            {t('retention.hold.active', {
              date: hold.data.setAt ? format.date(hold.data.setAt) : '',
              name: hold.data.setByName ?? t('retention.hold.unknownAdmin'),
            })}
          </Paragraph>
          <Paragraph>{t('retention.hold.reasonShown', { reason: hold.data.reason ?? '' })}</Paragraph>
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
      {hold.data && !hold.data.held ? (
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
