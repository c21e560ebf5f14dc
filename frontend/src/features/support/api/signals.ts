import { infiniteQueryOptions, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { useInvalidateSupport } from '@/features/support/hooks/use-invalidate-support';
import type {
  SignalCreate,
  SignalDecisionCreate,
  SignalRead,
  SupportRequestCreate,
} from '@/features/support/types';

/** GET /signals?status=open: the signals waiting for this user's decision (and their own). */
export function getOpenSignals(cursor?: string) {
  return unwrap(api().GET('/signals', { params: { query: { status: 'open', limit: 100, cursor } } }));
}

export const openSignalsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ['signals', 'open'],
    queryFn: ({ pageParam }) => getOpenSignals(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useOpenSignals() {
  return useInfiniteQuery(openSignalsQueryOptions());
}

/** POST /children/{childId}/signals: a professional's concern, seen by the deciders only. */
export function createSignal(childId: string, body: SignalCreate) {
  return unwrap(api().POST('/children/{childId}/signals', { params: { path: { childId } }, body }));
}

/** POST /children/{childId}/support-requests: a parent with authority asks for support. */
export function createSupportRequest(childId: string, body: SupportRequestCreate) {
  return unwrap(api().POST('/children/{childId}/support-requests', { params: { path: { childId } }, body }));
}

/** POST /signals/{signalId}/decision; `support_requested` creates the trajectory request. */
export function decideSignal(signalId: string, body: SignalDecisionCreate) {
  return unwrap(api().POST('/signals/{signalId}/decision', { params: { path: { signalId } }, body }));
}

type Options = { onSuccess?: (signal: SignalRead) => void };

export function useCreateSignal(childId: string, options: Options = {}) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: (body: SignalCreate) => createSignal(childId, body),
    onSuccess: async (signal) => {
      await invalidate({ childId, signals: true });
      options.onSuccess?.(signal);
    },
  });
}

export function useCreateSupportRequest(childId: string, options: Options = {}) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: (body: SupportRequestCreate) => createSupportRequest(childId, body),
    onSuccess: async (signal) => {
      await invalidate({ childId, signals: true });
      options.onSuccess?.(signal);
    },
  });
}

export function useDecideSignal(signal: Pick<SignalRead, 'id' | 'childId'>, options: Options = {}) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: (body: SignalDecisionCreate) => decideSignal(signal.id, body),
    onSuccess: async (decided) => {
      await invalidate({ childId: signal.childId, signals: true, trajectories: true });
      options.onSuccess?.(decided);
    },
    // 409: decided by someone else a moment ago.
    onError: () => void invalidate({ childId: signal.childId, signals: true }),
  });
}
