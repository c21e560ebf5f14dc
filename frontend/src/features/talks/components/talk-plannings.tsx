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
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { useUnbookedFamilies } from '@/features/talks/api/unbooked-families';
import type { GroupRead, TalkSlot } from '@/features/talks/types';
import { byPlanning, type Planning } from '@/features/talks/utils/series';

/** The plannings one published: per planning the booked and free slots, and who has not booked. */
export function TalkPlannings({ slots, groups }: { slots: TalkSlot[]; groups: GroupRead[] }) {
  const { t } = useTranslation();
  const plannings = byPlanning(slots);
  if (plannings.length === 0) return <Paragraph>{t('talks.plannings.none')}</Paragraph>;
  return (
    <ul className="kc-announcement-list" data-testid="talk-plannings">
      {plannings.map((planning) => (
        <li key={planning.roundId} className="kc-announcement-card" data-testid="talk-planning">
          <PlanningCard planning={planning} groupName={groups.find((g) => g.id === planning.groupId)?.name ?? null} />
        </li>
      ))}
    </ul>
  );
}

function PlanningCard({ planning, groupName }: { planning: Planning; groupName: string | null }) {
  const { t } = useTranslation();
  const { date, time } = useFormatters();
  const first = planning.slots[0]!;
  const booked = planning.slots.filter((slot) => slot.status === 'booked').length;
  const title = groupName
    ? t('talks.plannings.titleGroup', { group: groupName, date: date(first.startsAt) })
    : t('talks.plannings.titleFamilies', { date: date(first.startsAt) });
  const headingId = `planning-${planning.roundId}`;
  return (
    <article aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {title}
      </Heading>
      <Paragraph data-testid="planning-counts">
        {t('talks.plannings.counts', { booked, free: planning.slots.length - booked, count: planning.slots.length })}
      </Paragraph>
      <div className="kc-table-scroll">
        <Table>
          <TableCaption>{t('talks.plannings.caption', { title })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('talks.plannings.time')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('talks.plannings.room')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('talks.plannings.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {planning.slots.map((slot) => (
              <TableRow key={slot.id}>
                <TableCell>
                  {time(slot.startsAt)}–{time(slot.endsAt)}
                </TableCell>
                <TableCell>{slot.roomName ?? '—'}</TableCell>
                <TableCell>
                  {slot.booking
                    ? t('talks.plannings.bookedFor', { name: slot.booking.childGivenName })
                    : t('talks.plannings.free')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {planning.groupId ? <Unbooked groupId={planning.groupId} roundId={planning.roundId} /> : null}
    </article>
  );
}

/** The children of the planning whose family has not chosen a time yet. */
function Unbooked({ groupId, roundId }: { groupId: string; roundId: string }) {
  const { t } = useTranslation();
  const unbooked = useUnbookedFamilies(groupId);
  if (unbooked.isPending) return <Loading />;
  if (unbooked.isError) return <ProblemAlert error={unbooked.error} />;
  const rows = unbooked.data.filter((row) => row.roundId === roundId);
  return (
    <div data-testid="planning-unbooked">
      <Heading level={4}>{t('talks.plannings.unbookedHeading', { count: rows.length })}</Heading>
      {rows.length === 0 ? (
        <Paragraph>{t('talks.plannings.allBooked')}</Paragraph>
      ) : (
        <ul>
          {rows.map((row) => (
            <li key={row.childId}>
              {row.givenName} {row.familyName}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
