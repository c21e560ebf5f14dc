import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, toApiError, unwrap } from '@/lib/api-client';
import type { TalkSlot } from '@/features/talks/types';

/** POST /talk-slots/{slotId}/booking: this talk, for this child. */
export function bookTalkSlot({ slotId, childId }: { slotId: string; childId: string }): Promise<TalkSlot> {
  return unwrap(api().POST('/talk-slots/{slotId}/booking', { params: { path: { slotId } }, body: { childId } }));
}

/** DELETE /talk-slots/{slotId}/booking: the family cancels, until the slot's deadline. */
export async function cancelTalkBooking(slotId: string): Promise<void> {
  const { error, response } = await api().DELETE('/talk-slots/{slotId}/booking', { params: { path: { slotId } } });
  if (!response.ok) throw toApiError(response, error);
}

export function useBookTalkSlot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bookTalkSlot,
    // Another family may have taken a time meanwhile: read the slots again either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['talk-slots'] }),
  });
}

export function useCancelTalkBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelTalkBooking,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['talk-slots'] }),
  });
}

/**
 * GET /talk-slots/{slotId}/booking/calendar: the invitation (.ics), fetched with the bearer
 * token (a plain link could not send it) and saved through a Blob.
 */
export async function downloadTalkCalendar(slotId: string): Promise<void> {
  const { data, error, response } = await api().GET('/talk-slots/{slotId}/booking/calendar', {
    params: { path: { slotId } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw toApiError(response, error);
  const url = URL.createObjectURL(data as Blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = 'oudergesprek.ics';
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

export function useDownloadTalkCalendar() {
  return useMutation({ mutationFn: downloadTalkCalendar });
}
