import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { BookingCreate, BookingCreated, BookingRead, BookingStatus, BookingTransition } from '@/features/rooms/types';

export type BookingsWindow = {
  buildingId: string;
  /** First day, `YYYY-MM-DD` (Amsterdam). */
  from: string;
  /** Last day, `YYYY-MM-DD` (Amsterdam), inclusive; at most 62 days after `from`. */
  to: string;
  status?: BookingStatus;
};

/** GET /bookings?buildingId=&from=&to=: the building's bookings, others' only as busy. */
export function getBookings({ buildingId, from, to, status }: BookingsWindow): Promise<BookingRead[]> {
  return unwrap(
    api().GET('/bookings', { params: { query: { buildingId, from, to, ...(status ? { status } : {}) } } }),
  );
}

export const bookingsQueryOptions = (window: BookingsWindow) =>
  queryOptions({ queryKey: ['bookings', window], queryFn: () => getBookings(window) });

/** One request per building and range shown; the previous range stays on screen meanwhile. */
export function useBookings(window: BookingsWindow | null) {
  return useQuery({
    ...bookingsQueryOptions(window ?? { buildingId: '', from: '', to: '' }),
    enabled: window !== null && Boolean(window.buildingId),
    placeholderData: keepPreviousData,
  });
}

/** POST /bookings: once or by a rule; 409 lists the conflicts, 400 names the broken rules. */
export function createBooking(body: BookingCreate): Promise<BookingCreated> {
  return unwrap(api().POST('/bookings', { body }));
}

export function useCreateBooking(options: { onSuccess?: (created: BookingCreated) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBooking,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['bookings'] });
      options.onSuccess?.(created);
    },
  });
}

/** POST /bookings/{id}/transitions: the room's owner confirms a request; cancelling declines it. */
export function transitionBooking(bookingId: string, to: 'confirmed' | 'cancelled'): Promise<BookingRead> {
  // Only this booking (the server's default scope), not the rest of its series.
  const body = { to } as BookingTransition;
  return unwrap(api().POST('/bookings/{bookingId}/transitions', { params: { path: { bookingId } }, body }));
}

export function useTransitionBooking(options: { onSuccess?: (booking: BookingRead) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ bookingId, to }: { bookingId: string; to: 'confirmed' | 'cancelled' }) =>
      transitionBooking(bookingId, to),
    onSuccess: async (booking) => {
      await queryClient.invalidateQueries({ queryKey: ['bookings'] });
      options.onSuccess?.(booking);
    },
  });
}
