import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { components, paths } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type ChildRead = components['schemas']['ChildRead'];
export type ChildSort = NonNullable<
  NonNullable<paths['/children']['get']['parameters']['query']>['sort']
>;

export const CHILD_SORTS = [
  'familyName',
  '-familyName',
  'givenName',
  '-givenName',
  'dateOfBirth',
  '-dateOfBirth',
] as const satisfies readonly ChildSort[];

export const DEFAULT_CHILD_SORT: ChildSort = 'familyName';
export const CHILDREN_PAGE_SIZE = 25;

export type ChildrenFilters = {
  q?: string;
  groupId?: string;
  sort?: ChildSort;
};

/** GET /children: one page; the API shows only the children this user may see. */
export function getChildren(filters: ChildrenFilters, cursor?: string) {
  return unwrap(
    api().GET('/children', {
      params: {
        query: {
          q: filters.q || undefined,
          groupId: filters.groupId || undefined,
          sort: filters.sort ?? DEFAULT_CHILD_SORT,
          limit: CHILDREN_PAGE_SIZE,
          cursor,
        },
      },
    }),
  );
}

export const childrenQueryOptions = ({ q = '', groupId = '', sort = DEFAULT_CHILD_SORT }: ChildrenFilters) =>
  infiniteQueryOptions({
    queryKey: ['children', { q, groupId, sort }],
    queryFn: ({ pageParam }) => getChildren({ q, groupId, sort }, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

/** While a new search loads, the previous rows stay on screen instead of a blank table. */
export function useChildren(filters: ChildrenFilters) {
  return useInfiniteQuery({ ...childrenQueryOptions(filters), placeholderData: keepPreviousData });
}
