import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import {
  CHILD_SORTS,
  DEFAULT_CHILD_SORT,
  useChildren,
  type ChildSort,
} from '@/features/children/api/get-children';
import { useGroups } from '@/features/children/api/get-groups';
import { ChildrenFilters } from '@/features/children/components/children-filters';
import { ChildrenTable } from '@/features/children/components/children-table';
import { useDebouncedValue } from '@/features/children/hooks/use-debounced-value';

function isChildSort(value: string | null): value is ChildSort {
  return value !== null && (CHILD_SORTS as readonly string[]).includes(value);
}

/** Search, filter and page through the children this user may see; the filters live in the URL. */
export function ChildrenList({ debounceMs = 300 }: { debounceMs?: number }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const groupId = params.get('groupId') ?? '';
  const sortParam = params.get('sort');
  const sort: ChildSort = isChildSort(sortParam) ? sortParam : DEFAULT_CHILD_SORT;
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const q = useDebouncedValue(search.trim(), debounceMs);

  function updateParam(name: string, value: string, fallback = '') {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value && value !== fallback) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  useEffect(() => {
    if ((params.get('q') ?? '') !== q) updateParam('q', q);
    // Only the debounced text drives the URL.
  }, [q]);

  const children = useChildren({ q, groupId, sort });
  const groups = useGroups();
  const groupNames = useMemo(
    () => new Map((groups.data ?? []).map((group) => [group.id, group.name])),
    [groups.data],
  );
  const items = useMemo(
    () => children.data?.pages.flatMap((page) => page.items) ?? [],
    [children.data],
  );
  const filtered = Boolean(q || groupId);

  return (
    <div className="kc-children">
      <ChildrenFilters
        search={search}
        onSearchChange={setSearch}
        groupId={groupId}
        onGroupChange={(value) => updateParam('groupId', value)}
        sort={sort}
        onSortChange={(value) => updateParam('sort', value, DEFAULT_CHILD_SORT)}
        groups={groups.data}
      />

      <div aria-live="polite" className="kc-children__status">
        {children.isSuccess ? (
          <Paragraph>
            {items.length === 0
              ? filtered
                ? t('children.emptySearch')
                : t('children.empty')
              : children.hasNextPage
                ? t('children.shownMore', { count: items.length })
                : t('children.shown', { count: items.length })}
          </Paragraph>
        ) : null}
      </div>

      {children.isPending ? <Loading /> : null}
      {items.length > 0 ? (
        <ChildrenTable items={items} groupNames={groupNames} busy={children.isPlaceholderData} />
      ) : null}

      {children.isError ? <ProblemAlert error={children.error} /> : null}

      {children.hasNextPage ? (
        <ButtonGroup className="kc-children__more">
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={children.isFetchingNextPage}
            onClick={() => {
              if (!children.isFetchingNextPage) void children.fetchNextPage();
            }}
          >
            {t('children.loadMore')}
          </Button>
        </ButtonGroup>
      ) : null}
    </div>
  );
}
