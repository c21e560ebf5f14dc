import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import type { LoaderFunction, LoaderFunctionArgs } from 'react-router';
import type { Me } from '@/features/auth/api/get-me';
import { isParentOnly } from '@/features/parent/utils/is-parent';
import type { TokenStore } from '@/lib/auth';

/** What the router's loaders need to start a screen's request. */
export type PrefetchDeps = { queryClient: QueryClient; store: TokenStore };

/** A screen's one request for a navigation, or null when there is none to start. */
export type PrefetchQuery<TData, TKey extends QueryKey> = (
  args: LoaderFunctionArgs,
  queryClient: QueryClient,
) => FetchQueryOptions<TData, Error, TData, TKey> | null;

/**
 * A route loader that starts the screen's one request as the navigation starts, beside the
 * screen's code and beside /me, instead of after the frame has rendered (on opening the app:
 * after /me answered). It never waits for the answer and returns nothing: the screen still
 * reads the query itself, shows its own loading and error states, and the cache holds the
 * answer for it. A request sent before the session is back waits for the refresh
 * (createAuthMiddleware). Signed out, nothing is asked: the login screen comes next.
 */
export function prefetchLoader<TData, TKey extends QueryKey>(
  { queryClient, store }: PrefetchDeps,
  query: PrefetchQuery<TData, TKey>,
): LoaderFunction {
  return (args) => {
    if (store.session().status === 'signedOut') return null;
    const options = query(args, queryClient);
    if (options) void queryClient.prefetchQuery(options);
    return null;
  };
}

/**
 * False once /me says this is staff: a parent screen's request about a child would then be read,
 * and logged in the child's access log, for a screen that staff are sent away from. While /me is
 * not known yet (the app just opened) the request goes: only parents have reason to open /ouder.
 */
export function mayBeParent(queryClient: QueryClient): boolean {
  const me = queryClient.getQueryData<Me>(['me']);
  return me === undefined || isParentOnly(me);
}
