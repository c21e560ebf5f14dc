import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId } from 'react';
import { useNumberFormat } from '@/features/room-reports/hooks/use-number-format';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import type { FloorAreaRoom } from '@/features/room-reports/types';

/**
 * The rooms used less than 30% of their opening hours in the year up to the reference date.
 * The table has explicit roles: its card layout on a phone (display: block) drops table
 * semantics in some browsers.
 */
export function UnderUsedRooms({ rooms }: { rooms: FloorAreaRoom[] }) {
  const { t } = useRoomReportsTranslation();
  const format = useNumberFormat();
  const headingId = useId();
  const columns = [t('floorArea.underUsed.room'), t('floorArea.underUsed.floorArea'), t('floorArea.underUsed.utilisation')];
  return (
    <section aria-labelledby={headingId} className="kc-section" data-testid="under-used-rooms">
      <Heading level={2} id={headingId}>
        {t('floorArea.underUsed.title')}
      </Heading>
      <Paragraph>{t('floorArea.underUsed.intro')}</Paragraph>
      {rooms.length === 0 ? (
        <Paragraph>{t('floorArea.underUsed.empty')}</Paragraph>
      ) : (
        <Table className="kc-table kc-table--cards" role="table">
          <TableCaption className="kc-visually-hidden">{t('floorArea.underUsed.caption')}</TableCaption>
          <TableHeader role="rowgroup">
            <TableRow role="row">
              {columns.map((label) => (
                <TableHeaderCell key={label} scope="col" role="columnheader">
                  {label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody role="rowgroup">
            {rooms.map((room) => (
              <TableRow key={room.roomId} role="row">
                <TableCell role="cell" data-label={columns[0]}>{room.name}</TableCell>
                <TableCell role="cell" data-label={columns[1]}>
                  {room.floorAreaM2 === null ? t('floorArea.unknown') : format.m2(room.floorAreaM2)}
                </TableCell>
                <TableCell role="cell" data-label={columns[2]}>{format.percent(room.utilisation) ?? t('noOpeningHours')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
