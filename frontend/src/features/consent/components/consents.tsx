import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { calculateAge } from '@/lib/format';
import type { ConsentRead } from '@/features/consent/types';
import { ConsentForm, type OrganisationOption } from '@/features/consent/components/consent-form';
import { WithdrawConsent } from '@/features/consent/components/withdraw-consent';

type ConsentsProps = {
  childId: string;
  dateOfBirth: string;
  /** The whole history (withdrawn ones too), as the child page received it (`embedded.consents`). */
  consents: ConsentRead[];
  /** True for a guardian with parental authority: only they give and withdraw consent. */
  canManage: boolean;
  /** The choices of the consent form; only needed when `canManage`. */
  organisations?: OrganisationOption[];
};

/** In force first, then newest first: what holds today matters most. */
function byRelevance(a: ConsentRead, b: ConsentRead): number {
  if (a.inForce !== b.inForce) return a.inForce ? -1 : 1;
  return b.givenAt.localeCompare(a.givenAt);
}

/**
 * The consents of the child; after a change the child page is fetched again (see
 * use-invalidate-consent-queries), and the new list arrives through `consents`.
 */
export function Consents({ childId, dateOfBirth, consents, canManage, organisations = [] }: ConsentsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const items = useMemo(() => [...consents].sort(byRelevance), [consents]);

  const childIsTwelveOrOlder = calculateAge(dateOfBirth).years >= 12;
  const columns = {
    organisation: t('consents.organisation'),
    purpose: t('consents.purpose'),
    status: t('consents.status'),
    givenBy: t('consents.givenBy'),
    validUntil: t('consents.validUntil'),
    action: t('consents.action'),
  };

  function purposeText(consent: ConsentRead) {
    const purpose = t(`consents.purposes.${consent.purpose}`);
    return consent.purpose === 'trajectory' && consent.trajectoryType
      ? t('consents.purposeWithType', {
          purpose,
          type: t(`consents.trajectoryTypes.${consent.trajectoryType}`),
        })
      : purpose;
  }

  function statusText(consent: ConsentRead) {
    if (consent.inForce) return t('consents.inForce');
    if (consent.withdrawnAt) {
      const date = format.date(consent.withdrawnAt);
      return consent.withdrawnByName
        ? t('consents.withdrawnBy', { date, name: consent.withdrawnByName })
        : t('consents.withdrawn', { date });
    }
    return consent.validUntil
      ? t('consents.expired', { date: format.date(consent.validUntil) })
      : t('consents.notInForce');
  }

  function announce(text: string) {
    setMessage(text);
    // The button that was pressed is gone: keep keyboard focus in this section.
    statusRef.current?.focus();
  }

  return (
    <section aria-labelledby="child-consents-heading" className="kc-section">
      <Heading level={2} id="child-consents-heading">
        {t('consents.title')}
      </Heading>
      <Paragraph>{t('consents.intro')}</Paragraph>
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status">
        {message ? <Paragraph>{message}</Paragraph> : null}
      </div>
      {consents.length === 0 ? <Paragraph>{t('consents.empty')}</Paragraph> : null}
      {items.length > 0 ? (
        <Table className="kc-table kc-table--cards" role="table">
          <TableCaption className="kc-visually-hidden">{t('consents.caption')}</TableCaption>
          <TableHeader role="rowgroup">
            <TableRow role="row">
              {Object.entries(columns)
                .filter(([key]) => canManage || key !== 'action')
                .map(([key, label]) => (
                  <TableHeaderCell key={key} scope="col" role="columnheader">
                    {label}
                  </TableHeaderCell>
                ))}
            </TableRow>
          </TableHeader>
          <TableBody role="rowgroup">
            {items.map((consent) => {
              const summary = t('consents.summary', {
                organisation: consent.organisationName,
                purpose: purposeText(consent),
              });
              return (
                <TableRow key={consent.id} role="row">
                  <TableCell role="cell" data-label={columns.organisation}>
                    {consent.organisationName}
                  </TableCell>
                  <TableCell role="cell" data-label={columns.purpose}>
                    {purposeText(consent)}
                  </TableCell>
                  <TableCell role="cell" data-label={columns.status}>
                    <strong>{statusText(consent)}</strong>
                  </TableCell>
                  <TableCell role="cell" data-label={columns.givenBy}>
                    {t('consents.givenByOn', {
                      name: consent.givenByName,
                      date: format.date(consent.givenAt),
                    })}
                    {consent.childAlsoConsented ? (
                      <>
                        <br />
                        {t('consents.childAlsoConsented')}
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell role="cell" data-label={columns.validUntil}>
                    {consent.validUntil ? (
                      <time dateTime={consent.validUntil}>{format.date(consent.validUntil)}</time>
                    ) : (
                      t('consents.noEnd')
                    )}
                  </TableCell>
                  {canManage ? (
                    <TableCell role="cell" data-label={columns.action}>
                      {consent.inForce ? (
                        <WithdrawConsent
                          childId={childId}
                          consentId={consent.id}
                          summary={summary}
                          onWithdrawn={() => announce(t('consents.withdrawnMessage', { summary }))}
                        />
                      ) : (
                        t('consents.nothingToDo')
                      )}
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
      {canManage ? (
        <ConsentForm
          childId={childId}
          childIsTwelveOrOlder={childIsTwelveOrOlder}
          organisations={organisations}
          onGiven={() => announce(t('consents.givenMessage'))}
        />
      ) : null}
    </section>
  );
}
