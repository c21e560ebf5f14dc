import { useTranslation } from 'react-i18next';
import { waitingOf } from '@/features/support/utils/board';
import type { TrajectoryRead } from '@/features/support/types';

type WaitingTimeProps = {
  trajectory: Pick<TrajectoryRead, 'status' | 'waitingDaysToIntake' | 'waitingDaysToStart' | 'norm' | 'overdue'>;
};

/**
 * "Wacht 12 werkdagen op de intake (norm: 10)". Past the norm it says so in words ("Te laat"),
 * not in colour alone; the red is extra.
 */
export function WaitingTime({ trajectory }: WaitingTimeProps) {
  const { t } = useTranslation();
  const waiting = waitingOf(trajectory);
  if (!waiting) return null;
  const values = { count: waiting.days, norm: waiting.norm };
  const text = waiting.stillWaiting
    ? waiting.until === 'intake'
      ? t('support.waiting.intake', values)
      : t('support.waiting.start', values)
    : waiting.until === 'intake'
      ? t('support.waiting.tookIntake', values)
      : t('support.waiting.tookStart', values);
  return (
    <span
      className={trajectory.overdue ? 'kc-waiting kc-waiting--overdue' : 'kc-waiting'}
      data-testid="waiting-time"
      data-overdue={trajectory.overdue ? 'true' : 'false'}
    >
      {trajectory.overdue ? <strong className="kc-waiting__flag">{t('support.waiting.overdue')} </strong> : null}
      {text}
    </span>
  );
}
