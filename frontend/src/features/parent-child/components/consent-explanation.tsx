import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import type { ConsentPurpose, TrajectoryType } from '@/features/parent-child/types';

/**
 * In plain words, per purpose: who sees what, and what the organisation will do with it. The
 * parent reads this before giving or withdrawing a consent. Sharing information also says where
 * the daily team works (`places`: the organisations placing the child, when known) and what they
 * never see.
 */
export function ConsentExplanation({
  purpose,
  organisation,
  trajectoryType,
  name,
  id,
  places = [],
}: {
  purpose: ConsentPurpose;
  organisation: string;
  trajectoryType: TrajectoryType | null;
  name: string;
  id?: string;
  places?: string[];
}) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const sharing = purpose === 'information_sharing';
  const values = {
    organisation,
    name,
    type: trajectoryType ? t(`consents.trajectoryTypes.${trajectoryType}`).toLocaleLowerCase() : '',
  };
  return (
    <dl className="kc-consent-explain" id={id} data-testid="consent-explanation" data-purpose={purpose}>
      <div>
        <dt>{t('parentChild.consents.sees')}</dt>
        <dd>
          {t(`parentChild.consents.explain.${purpose}.sees`, values)}
          {sharing && places.length > 0 ? (
            <>
              {' '}
              {t('parentChild.consents.explain.information_sharing.where', {
                places: new Intl.ListFormat(language, { type: 'conjunction' }).format(places),
              })}
            </>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>{t('parentChild.consents.does')}</dt>
        <dd>{t(`parentChild.consents.explain.${purpose}.does`, values)}</dd>
      </div>
      {sharing ? (
        <div>
          <dt>{t('parentChild.consents.notSeen')}</dt>
          <dd>{t('parentChild.consents.explain.information_sharing.never', values)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** What changes when this consent is withdrawn, said before the parent confirms. */
export function WithdrawConsequence({
  purpose,
  organisation,
  trajectoryType,
  name,
}: {
  purpose: ConsentPurpose;
  organisation: string;
  trajectoryType: TrajectoryType | null;
  name: string;
}) {
  const { t } = useTranslation();
  const type = trajectoryType ? t(`consents.trajectoryTypes.${trajectoryType}`).toLocaleLowerCase() : '';
  return <Paragraph>{t(`parentChild.consents.explain.${purpose}.withdraw`, { organisation, name, type })}</Paragraph>;
}
