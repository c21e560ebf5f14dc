import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/ui/router-link';
import { WaitingTime } from '@/features/support/components/waiting-time';
import type { TrajectoryRead } from '@/features/support/types';

/** One trajectory on the board: child, type, waiting time, coordinator and what is missing. */
export function TrajectoryCard({ trajectory }: { trajectory: TrajectoryRead }) {
  const { t } = useTranslation();
  const type = t(`consents.trajectoryTypes.${trajectory.type}`);
  return (
    <article
      className={trajectory.overdue ? 'kc-card kc-board-card kc-board-card--overdue' : 'kc-card kc-board-card'}
      data-testid="trajectory-card"
      data-trajectory-id={trajectory.id}
      data-status={trajectory.status}
      data-overdue={trajectory.overdue ? 'true' : 'false'}
    >
      <Paragraph className="kc-board-card__title">
        <RouterLink
          to={`/zorg/trajecten/${trajectory.id}`}
          aria-label={t('support.board.openCard', { name: trajectory.childName, type })}
        >
          {trajectory.childName}
        </RouterLink>
      </Paragraph>
      <Paragraph>
        {type}
        <span className="kc-block kc-muted">{trajectory.organisationName}</span>
      </Paragraph>
      <Paragraph>
        <WaitingTime trajectory={trajectory} />
      </Paragraph>
      <Paragraph>
        {trajectory.coordinatorName
          ? t('support.board.coordinator', { name: trajectory.coordinatorName })
          : t('support.board.noCoordinator')}
      </Paragraph>
      {trajectory.consentNeeded ? (
        <Paragraph className="kc-flag" data-testid="card-consent-needed">
          <strong>{t('support.board.consentNeeded')}</strong>
        </Paragraph>
      ) : null}
    </article>
  );
}
