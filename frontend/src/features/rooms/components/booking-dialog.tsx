import { useId, useRef, useState, type RefObject } from 'react';
import { Dialog } from '@/features/rooms/components/dialog';
import { BookingForm } from '@/features/rooms/components/booking-form';
import { BookingResult } from '@/features/rooms/components/booking-result';
import type { BookingValues } from '@/features/rooms/utils/booking-form';
import type { BookingCreated, BookingOrganisation, BookingRead, RoomRead } from '@/features/rooms/types';

type BookingDialogProps = {
  rooms: RoomRead[];
  organisations: BookingOrganisation[];
  organisationName: (organisationId: string) => string | undefined;
  initial?: Partial<BookingValues>;
  loaded?: BookingRead[];
  returnFocusRef?: RefObject<HTMLElement | null>;
  onClose: () => void;
};

/** "Ruimte boeken": the form, then what was booked and skipped, in one modal dialog. */
export function BookingDialog({ rooms, organisations, organisationName, initial, loaded, returnFocusRef, onClose }: BookingDialogProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [created, setCreated] = useState<BookingCreated | null>(null);
  const [round, setRound] = useState(0);

  return (
    <Dialog labelledBy={headingId} onClose={onClose} returnFocusRef={returnFocusRef} initialFocusRef={headingRef} testId="booking-dialog">
      {created ? (
        <BookingResult
          key={`result-${round}`}
          created={created}
          rooms={rooms}
          organisationName={organisationName}
          headingId={headingId}
          headingRef={headingRef}
          onClose={onClose}
          onAgain={() => {
            setCreated(null);
            setRound((value) => value + 1);
          }}
        />
      ) : (
        <BookingForm
          key={`form-${round}`}
          rooms={rooms}
          organisations={organisations}
          organisationName={organisationName}
          initial={round === 0 ? initial : undefined}
          loaded={loaded}
          headingId={headingId}
          headingRef={headingRef}
          onBooked={setCreated}
          onCancel={onClose}
        />
      )}
    </Dialog>
  );
}
