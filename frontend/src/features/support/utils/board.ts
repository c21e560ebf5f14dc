import {
  TRAJECTORY_STATUSES,
  type TrajectoryRead,
  type TrajectoryStatus,
} from '@/features/support/types';

export type BoardColumns = Record<TrajectoryStatus, TrajectoryRead[]>;

/**
 * The board's columns: every trajectory under its status, in the order the API sent them
 * (`sort=waitingTime`: longest waiting first), so each column keeps that order.
 */
export function groupByStatus(items: readonly TrajectoryRead[]): BoardColumns {
  const columns = Object.fromEntries(
    TRAJECTORY_STATUSES.map((status) => [status, [] as TrajectoryRead[]]),
  ) as BoardColumns;
  for (const item of items) columns[item.status]?.push(item);
  return columns;
}

export type Waiting = {
  /** What the days count up to: the intake, or the start of the support. */
  until: 'intake' | 'start';
  /** Working days; while it waits, counted up to today. */
  days: number;
  /** The norm in working days for this step. */
  norm: number;
  /** True while the step has not happened yet. */
  stillWaiting: boolean;
};

/**
 * The waiting time that matters now: for a request, the days to intake; after the intake, the
 * days to the start; once started (or ended), how long it took to start. Null when nothing
 * was waited for (e.g. cancelled before an intake).
 */
export function waitingOf(trajectory: Pick<
  TrajectoryRead,
  'status' | 'waitingDaysToIntake' | 'waitingDaysToStart' | 'norm'
>): Waiting | null {
  const { status, waitingDaysToIntake, waitingDaysToStart, norm } = trajectory;
  if (status === 'requested') {
    return waitingDaysToIntake === null
      ? null
      : { until: 'intake', days: waitingDaysToIntake, norm: norm.intakeWithinDays, stillWaiting: true };
  }
  if (status === 'intake') {
    return waitingDaysToStart === null
      ? null
      : { until: 'start', days: waitingDaysToStart, norm: norm.startWithinDays, stillWaiting: true };
  }
  if (waitingDaysToStart !== null) {
    return { until: 'start', days: waitingDaysToStart, norm: norm.startWithinDays, stillWaiting: false };
  }
  if (waitingDaysToIntake !== null) {
    return { until: 'intake', days: waitingDaysToIntake, norm: norm.intakeWithinDays, stillWaiting: false };
  }
  return null;
}
