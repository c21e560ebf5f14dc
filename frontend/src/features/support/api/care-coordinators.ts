import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { CareCoordinatorRead } from '@/features/support/types';

/** GET /child-centres/{centreId}/care-coordinators: the centre's intern begeleiders, by name. */
export function getCareCoordinators(centreId: string): Promise<CareCoordinatorRead[]> {
  return unwrap(api().GET('/child-centres/{centreId}/care-coordinators', { params: { path: { centreId } } }));
}

export const careCoordinatorsQueryOptions = (centreId: string) =>
  queryOptions({
    queryKey: ['child-centres', centreId, 'care-coordinators'],
    queryFn: () => getCareCoordinators(centreId),
  });

export function useCareCoordinators(centreId: string) {
  return useQuery({ ...careCoordinatorsQueryOptions(centreId), enabled: Boolean(centreId) });
}

/**
 * POST /child-centres/{centreId}/care-coordinators `{userId}`: an administrator of the centre
 * designates an active professional of one of its partner organisations (400 otherwise; 409
 * when already designated).
 */
export function addCareCoordinator(centreId: string, userId: string): Promise<CareCoordinatorRead> {
  return unwrap(
    api().POST('/child-centres/{centreId}/care-coordinators', { params: { path: { centreId } }, body: { userId } }),
  );
}

/** DELETE /child-centres/{centreId}/care-coordinators/{userId}: the designation ends (204). */
export async function removeCareCoordinator(centreId: string, userId: string): Promise<void> {
  await unwrap(
    api().DELETE('/child-centres/{centreId}/care-coordinators/{userId}', { params: { path: { centreId, userId } } }),
  );
}

/** The list, and /me: an administrator may designate themselves (`careCoordinatorCentreIds`). */
function useInvalidateCoordinators(centreId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['child-centres', centreId, 'care-coordinators'] }),
      queryClient.invalidateQueries({ queryKey: ['me'] }),
    ]);
}

export function useAddCareCoordinator(
  centreId: string,
  options: { onSuccess?: (coordinator: CareCoordinatorRead) => void } = {},
) {
  const invalidate = useInvalidateCoordinators(centreId);
  return useMutation({
    mutationFn: (userId: string) => addCareCoordinator(centreId, userId),
    onSuccess: async (coordinator) => {
      await invalidate();
      options.onSuccess?.(coordinator);
    },
  });
}

export function useRemoveCareCoordinator(centreId: string, options: { onSuccess?: () => void } = {}) {
  const invalidate = useInvalidateCoordinators(centreId);
  return useMutation({
    mutationFn: (userId: string) => removeCareCoordinator(centreId, userId),
    onSuccess: async () => {
      await invalidate();
      options.onSuccess?.();
    },
    // 404: someone else removed them a moment ago; show the list as it is now.
    onError: () => void invalidate(),
  });
}
