import { Button, ButtonGroup, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoomFormat } from '@/features/rooms/hooks/use-room-format';
import type { BookingCreated, RoomRead } from '@/features/rooms/types';

const SHOWN = 12;

/** What the server booked (or noted as a request), and what it skipped and why. */
export function BookingResult({
  created,
  rooms,
  organisationName,
  headingId,
  headingRef,
  onAgain,
  onClose,
}: {
  created: BookingCreated;
  rooms: RoomRead[];
  organisationName: (organisationId: string) => string | undefined;
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onAgain: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useRoomFormat();
  const items = [...created.items].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const requested = items.some((item) => item.status === 'requested');
  const roomOf = (roomId: string) => rooms.find((room) => room.id === roomId);
  const owner = items[0] ? roomOf(items[0].roomId)?.ownerOrganisationId : undefined;
  const ownerName = (owner && organisationName(owner)) || t('rooms.result.theOwner');
  const hidden = items.length - SHOWN;

  // The form gave way to this answer: read it first.
  useEffect(() => headingRef.current?.focus(), [headingRef]);

  return (
    <div className="kc-booking-result" data-testid="booking-result" aria-live="polite">
      <Heading level={2} id={headingId} ref={headingRef} tabIndex={-1}>
        {requested ? t('rooms.result.titleRequested') : t('rooms.result.title')}
      </Heading>
      <Paragraph>
        {requested
          ? t('rooms.result.requested', { count: items.length, owner: ownerName })
          : t('rooms.result.booked', { count: items.length })}
      </Paragraph>
      <UnorderedList data-testid="booking-result-items">
        {items.slice(0, SHOWN).map((item) => (
          <UnorderedListItem key={item.id}>
            {t('rooms.result.bookedItem', {
              when: format.span(item.startsAt, item.endsAt),
              room: roomOf(item.roomId)?.name ?? '',
            })}
          </UnorderedListItem>
        ))}
        {hidden > 0 ? <UnorderedListItem>{t('rooms.result.more', { count: hidden })}</UnorderedListItem> : null}
      </UnorderedList>
      {created.skipped.length > 0 ? (
        <section aria-labelledby={`${headingId}-skipped`} data-testid="booking-result-skipped">
          <Heading level={3} id={`${headingId}-skipped`}>
            {t('rooms.result.skippedTitle')}
          </Heading>
          <Paragraph>{t('rooms.result.skipped', { count: created.skipped.length })}</Paragraph>
          <UnorderedList>
            {created.skipped.map((skipped) => (
              <UnorderedListItem key={`${skipped.startsAt}-${skipped.reason}`}>
                {t('rooms.result.skippedItem', {
                  when: format.span(skipped.startsAt, skipped.endsAt),
                  reason: t(`rooms.result.reasons.${skipped.reason}`),
                })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      ) : null}
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" onClick={onClose} data-testid="booking-result-close">
          {t('rooms.result.close')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onAgain}>
          {t('rooms.result.again')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
