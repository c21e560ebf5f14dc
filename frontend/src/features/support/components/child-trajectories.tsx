import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/ui/router-link';
import { useFormatters } from '@/hooks/use-formatters';
import { WaitingTime } from '@/features/support/components/waiting-time';
import type { TrajectoryRead } from '@/features/support/types';

type ChildTrajectoriesProps = {
  trajectories: TrajectoryRead[];
  /** A parent reads "your consent is needed" as a question to them, with what to choose. */
  forGuardian: boolean;
};

/** Every trajectory of the child this reader may see, the ended ones too, newest request first. */
export function ChildTrajectories({ trajectories, forGuardian }: ChildTrajectoriesProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section aria-labelledby="child-trajectories-heading" className="kc-subsection" data-testid="child-trajectories">
      <Heading level={3} id="child-trajectories-heading">
        {t('support.childTrajectories.title')}
      </Heading>
      {trajectories.length === 0 ? <Paragraph>{t('support.childTrajectories.empty')}</Paragraph> : null}
      {trajectories.length > 0 ? (
        <ul className="kc-cards" aria-label={t('support.childTrajectories.title')}>
          {trajectories.map((trajectory) => {
            const type = t(`consents.trajectoryTypes.${trajectory.type}`);
            return (
              <li
                key={trajectory.id}
                className="kc-card"
                data-testid="child-trajectory"
                data-trajectory-id={trajectory.id}
                data-status={trajectory.status}
              >
                <Paragraph className="kc-board-card__title">
                  <RouterLink to={`/zorg/trajecten/${trajectory.id}`}>
                    {t('support.childTrajectories.line', { type, organisation: trajectory.organisationName })}
                  </RouterLink>
                </Paragraph>
                <Paragraph>
                  <strong>{t(`support.statuses.${trajectory.status}`)}</strong>
                  {' · '}
                  {t('support.childTrajectories.requested', { date: format.date(trajectory.requestedAt) })}
                </Paragraph>
                <Paragraph>
                  <WaitingTime trajectory={trajectory} />
                </Paragraph>
                {trajectory.consentNeeded ? (
                  <Paragraph className="kc-flag" data-testid="child-trajectory-consent-needed">
                    <strong>{t('support.consent.title')}</strong>{' '}
                    {forGuardian
                      ? t('support.consent.guardianHow', { organisation: trajectory.organisationName, type })
                      : t('support.consent.team', { organisation: trajectory.organisationName, type })}
                  </Paragraph>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
