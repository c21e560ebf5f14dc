import {
  Button,
  ButtonGroup,
  FormFieldCheckbox,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { useBoardTrajectories, type BoardFilters } from '@/features/support/api/get-trajectories';
import { TrajectoryCard } from '@/features/support/components/trajectory-card';
import { groupByStatus } from '@/features/support/utils/board';
import {
  ENDED_STATUSES,
  OPEN_STATUSES,
  TRAJECTORY_TYPES,
  type OrganisationOption,
  type TrajectoryRead,
  type TrajectoryStatus,
  type TrajectoryType,
} from '@/features/support/types';

type TrajectoryBoardProps = {
  /** The organisation filter's choices (GET /organisations). */
  organisations: OrganisationOption[];
  /** The centre filter's choices; with one centre or none the filter is not shown. */
  centres: OrganisationOption[];
};

function isTrajectoryType(value: string | null): value is TrajectoryType {
  return value !== null && (TRAJECTORY_TYPES as readonly string[]).includes(value);
}

/**
 * The board: every trajectory this user works on, in a column per status, longest waiting
 * first. Ended ones (closed, cancelled) are folded away. The filters live in the URL.
 */
export function TrajectoryBoard({ organisations, centres }: TrajectoryBoardProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const typeParam = params.get('type');
  const filters: BoardFilters = {
    centreId: params.get('centreId') ?? '',
    type: isTrajectoryType(typeParam) ? typeParam : '',
    organisationId: params.get('organisationId') ?? '',
    overdue: params.get('overdue') === 'true',
  };
  const board = useBoardTrajectories(filters);
  const items = useMemo(() => board.data?.pages.flatMap((page) => page.items) ?? [], [board.data]);
  const columns = useMemo(() => groupByStatus(items), [items]);
  const endedCount = ENDED_STATUSES.reduce((sum, status) => sum + columns[status].length, 0);
  const filtered = Boolean(filters.centreId || filters.type || filters.organisationId || filters.overdue);

  function setFilter(name: string, value: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  return (
    <div className="kc-board" data-testid="trajectory-board">
      <form
        role="search"
        aria-label={t('support.board.filters')}
        className="kc-filters kc-board__filters"
        onSubmit={(event) => event.preventDefault()}
      >
        {centres.length > 1 ? (
          <SelectField
            label={t('support.board.centre')}
            name="centreId"
            value={filters.centreId ?? ''}
            onChange={(value) => setFilter('centreId', value)}
            placeholder={t('support.board.allCentres')}
            options={centres.map((centre) => ({ value: centre.id, label: centre.name }))}
          />
        ) : null}
        <SelectField
          label={t('support.board.type')}
          name="type"
          value={filters.type ?? ''}
          onChange={(value) => setFilter('type', value)}
          placeholder={t('support.board.allTypes')}
          options={TRAJECTORY_TYPES.map((value) => ({ value, label: t(`consents.trajectoryTypes.${value}`) }))}
        />
        <SelectField
          label={t('support.board.organisation')}
          name="organisationId"
          value={filters.organisationId ?? ''}
          onChange={(value) => setFilter('organisationId', value)}
          placeholder={t('support.board.allOrganisations')}
          options={organisations.map((org) => ({ value: org.id, label: org.name }))}
        />
        <FormFieldCheckbox
          name="overdue"
          label={t('support.board.overdueOnly')}
          checked={filters.overdue ?? false}
          onChange={(event) => setFilter('overdue', event.target.checked ? 'true' : '')}
        />
      </form>

      <div aria-live="polite">
        {board.isSuccess ? (
          <Paragraph>
            {items.length === 0
              ? filtered
                ? t('support.board.emptyFiltered')
                : t('support.board.empty')
              : t('support.board.shown', { count: items.length })}
          </Paragraph>
        ) : null}
      </div>
      {board.isPending ? <Loading /> : null}
      {board.isError ? <ProblemAlert error={board.error} /> : null}

      {board.isSuccess ? (
        <div className="kc-board__columns" aria-busy={board.isPlaceholderData}>
          {OPEN_STATUSES.map((status) => (
            <BoardColumn key={status} status={status} items={columns[status]} />
          ))}
        </div>
      ) : null}
      {board.isSuccess && endedCount > 0 ? (
        <details className="kc-board__ended" data-testid="board-ended">
          <summary>{t('support.board.ended', { count: endedCount })}</summary>
          <div className="kc-board__columns kc-board__columns--ended">
            {ENDED_STATUSES.map((status) => (
              <BoardColumn key={status} status={status} items={columns[status]} />
            ))}
          </div>
        </details>
      ) : null}
      {board.hasNextPage ? (
        <ButtonGroup className="kc-children__more">
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={board.isFetchingNextPage}
            onClick={() => {
              if (!board.isFetchingNextPage) void board.fetchNextPage();
            }}
          >
            {t('support.board.loadMore')}
          </Button>
        </ButtonGroup>
      ) : null}
    </div>
  );
}

function BoardColumn({ status, items }: { status: TrajectoryStatus; items: TrajectoryRead[] }) {
  const { t } = useTranslation();
  const headingId = `board-column-${status}-heading`;
  return (
    <section aria-labelledby={headingId} className="kc-board__column" data-testid={`board-column-${status}`}>
      <Heading level={2} id={headingId} className="kc-board__heading">
        {t('support.board.column', { status: t(`support.statuses.${status}`), number: items.length })}
      </Heading>
      {items.length === 0 ? (
        <Paragraph className="kc-muted">{t('support.board.columnEmpty')}</Paragraph>
      ) : (
        <ul className="kc-board__list">
          {items.map((trajectory) => (
            <li key={trajectory.id}>
              <TrajectoryCard trajectory={trajectory} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
