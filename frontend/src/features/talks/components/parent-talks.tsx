import { Alert, Button, ButtonGroup, Fieldset, FieldsetLegend, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { ApiError } from '@/lib/api-client';
import { useBookTalkSlot, useCancelTalkBooking, useDownloadTalkCalendar } from '@/features/talks/api/booking';
import { useTalkSlots } from '@/features/talks/api/list-talk-slots';
import type { TalkSlot } from '@/features/talks/types';
import { canStillCancel } from '@/features/talks/utils/series';
import { ChildBadgeView } from '@/features/parent/components/child-badge';
import { useFamily, type FamilyChild } from '@/features/parent/hooks/use-family';
import '@/features/talks/components/talks.css';

/** A child of the family, or just its name when the family is not at hand. */
type Named = { id: string; givenName: string; member: FamilyChild | undefined };

/** The 409 reasons of a booking or a cancellation, in plain words (keys under parentTalks.errors). */
const REASONS = ['slotTaken', 'childAlreadyBooked', 'slotStarted', 'cancelDeadlinePassed'] as const;
function reasonOf(error: unknown): (typeof REASONS)[number] | null {
  const reason = error instanceof ApiError ? error.problem?.reason : undefined;
  return (REASONS as readonly string[]).includes(reason ?? '') ? (reason as (typeof REASONS)[number]) : null;
}

/**
 * /ouder/gesprekken: the talks with the school. First the talks the parent booked (in the
 * calendar, cancel until the deadline, said in plain words); then per child the times offered,
 * to pick one and confirm.
 */
export function ParentTalks() {
  const { t } = useTranslation();
  const slots = useTalkSlots();
  const family = useFamily();
  const [justBooked, setJustBooked] = useState<TalkSlot | null>(null);
  const named = (id: string, givenName: string): Named => ({ id, givenName, member: family.child(id) });

  const booked = (slots.data ?? []).filter((slot) => slot.booking);
  const open = (slots.data ?? []).filter((slot) => !slot.booking && slot.status === 'open');
  // Per child: the open slots it may still book, per planning.
  const perChild = new Map<string, { child: Named; slots: TalkSlot[] }>();
  for (const slot of open) {
    for (const child of slot.children) {
      const entry = perChild.get(child.id) ?? { child: named(child.id, child.givenName), slots: [] };
      entry.slots.push(slot);
      perChild.set(child.id, entry);
    }
  }
  const offers = [...perChild.values()].sort(
    (a, b) => (a.child.member?.index ?? 99) - (b.child.member?.index ?? 99),
  );

  return (
    <>
      <Heading level={1}>{t('parentTalks.title')}</Heading>
      <Paragraph>{t('parentTalks.intro')}</Paragraph>
      {slots.isPending ? <Loading /> : null}
      {slots.isError ? <ProblemAlert error={slots.error} /> : null}
      {justBooked ? <BookedNotice slot={justBooked} /> : null}
      {slots.data ? (
        <>
          <section aria-labelledby="talks-booked-heading" className="kc-parent-section">
            <Heading level={2} id="talks-booked-heading">
              {t('parentTalks.bookedTitle')}
            </Heading>
            {booked.length === 0 ? <Paragraph>{t('parentTalks.noneBooked')}</Paragraph> : null}
            <ul className="kc-announcement-list">
              {booked.map((slot) => (
                <li key={slot.id} className="kc-announcement-card" data-testid="talk-booked">
                  <BookedTalk slot={slot} child={named(slot.booking!.childId, slot.booking!.childGivenName)} />
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="talks-open-heading" className="kc-parent-section">
            <Heading level={2} id="talks-open-heading">
              {t('parentTalks.openTitle')}
            </Heading>
            {offers.length === 0 ? <Paragraph>{t('parentTalks.noneOpen')}</Paragraph> : null}
            {offers.map(({ child, slots: childSlots }) => (
              <ChooseTime
                key={child.id}
                child={child}
                slots={childSlots}
                onBooked={(slot) => setJustBooked(slot)}
              />
            ))}
          </section>
        </>
      ) : null}
    </>
  );
}

function ChildName({ child }: { child: Named }) {
  return (
    <span className="kc-talk-child">
      {child.member ? <ChildBadgeView child={child.member} size="small" decorative /> : null}
      <span>{child.givenName}</span>
    </span>
  );
}

function useWhen() {
  const { date, time } = useFormatters();
  return (slot: Pick<TalkSlot, 'startsAt' | 'endsAt'>) => ({
    date: date(slot.startsAt),
    from: time(slot.startsAt),
    to: time(slot.endsAt),
  });
}

/** "Gelukt": which talk was booked, with the focus on it. */
function BookedNotice({ slot }: { slot: TalkSlot }) {
  const { t } = useTranslation();
  const when = useWhen()(slot);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [slot]);
  return (
    <div ref={ref} tabIndex={-1} data-testid="talk-booked-notice">
      <Alert type="ok" className="kc-alert">
        <Paragraph>
          {t('parentTalks.bookedNotice', { name: slot.booking?.childGivenName ?? '', ...when })}
        </Paragraph>
      </Alert>
    </div>
  );
}

/** A booked talk: when, where, with whom; into the calendar; cancel until the deadline. */
function BookedTalk({ slot, child }: { slot: TalkSlot; child: Named }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const when = useWhen()(slot);
  const calendar = useDownloadTalkCalendar();
  const cancel = useCancelTalkBooking();
  const [asking, setAsking] = useState(false);
  const canCancel = canStillCancel(slot);
  const reason = reasonOf(cancel.error);
  return (
    <article aria-label={t('parentTalks.talkAbout', { name: child.givenName })}>
      <Heading level={3} className="kc-talk-heading">
        <ChildName child={child} />
        <span className="kc-visually-hidden">: </span>
        <span>{t('parentTalks.when', when)}</span>
      </Heading>
      {slot.publisherName ? <Paragraph>{t('parentTalks.with', { name: slot.publisherName })}</Paragraph> : null}
      {slot.roomName ? <Paragraph>{t('parentTalks.where', { room: slot.roomName })}</Paragraph> : null}
      <ButtonGroup>
        <Button
          type="button"
          appearance="secondary-action-button"
          busy={calendar.isPending}
          onClick={() => calendar.mutate(slot.id)}
        >
          {t('parentTalks.addToCalendar')}
        </Button>
      </ButtonGroup>
      {calendar.isError ? <ProblemAlert error={calendar.error} /> : null}
      <Paragraph className="kc-explain" data-testid="talk-deadline">
        {canCancel
          ? t('parentTalks.cancelUntil', { deadline: dateTime(slot.cancelBefore) })
          : t('parentTalks.cancelTooLate')}
      </Paragraph>
      {canCancel && !asking ? (
        <Button type="button" appearance="subtle-button" onClick={() => setAsking(true)}>
          {t('parentTalks.cancel')}
        </Button>
      ) : null}
      {canCancel && asking ? (
        <div className="kc-section" role="group" aria-label={t('parentTalks.cancelQuestion', { name: child.givenName })}>
          <Paragraph>{t('parentTalks.cancelQuestion', { name: child.givenName })}</Paragraph>
          <ButtonGroup>
            <Button
              type="button"
              appearance="primary-action-button"
              busy={cancel.isPending}
              onClick={() => cancel.mutate(slot.id)}
            >
              {t('parentTalks.cancelYes')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => setAsking(false)}>
              {t('parentTalks.cancelNo')}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
      {cancel.isError ? (
        reason ? (
          <Alert type="error" className="kc-alert">
            <Paragraph>{t(`parentTalks.errors.${reason}`, { name: child.givenName })}</Paragraph>
          </Alert>
        ) : (
          <ProblemAlert error={cancel.error} />
        )
      ) : null}
    </article>
  );
}

/** The times offered for one child: pick one, then confirm it with one button. */
function ChooseTime({ child, slots, onBooked }: { child: Named; slots: TalkSlot[]; onBooked: (slot: TalkSlot) => void }) {
  const { t } = useTranslation();
  const when = useWhen();
  const book = useBookTalkSlot();
  const [chosen, setChosen] = useState('');
  const [missing, setMissing] = useState(false);
  const name = useId();
  const reason = reasonOf(book.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) {
      setMissing(true);
      return;
    }
    setMissing(false);
    book.mutate({ slotId: chosen, childId: child.id }, { onSuccess: onBooked });
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-talk-choose" data-testid="talk-choose">
      <Fieldset invalid={missing}>
        <FieldsetLegend>
          <span className="kc-talk-child">
            {child.member ? <ChildBadgeView child={child.member} size="small" decorative /> : null}
            <span>{t('parentTalks.chooseFor', { name: child.givenName })}</span>
          </span>
        </FieldsetLegend>
        {slots[0]?.publisherName ? (
          <Paragraph>{t('parentTalks.with', { name: slots[0].publisherName })}</Paragraph>
        ) : null}
        {missing ? <Paragraph className="kc-field-error">{t('parentTalks.chooseFirst')}</Paragraph> : null}
        {slots.map((slot) => {
          const id = `${name}-${slot.id}`;
          return (
            <div key={slot.id} className="kc-talk-slots__option">
              <input
                type="radio"
                id={id}
                name={name}
                value={slot.id}
                className="utrecht-radio-button utrecht-radio-button--html-input"
                checked={chosen === slot.id}
                onChange={() => setChosen(slot.id)}
              />
              <label htmlFor={id} className="utrecht-form-label utrecht-form-label--radio">
                {t('parentTalks.when', when(slot))}
                {slot.roomName ? ` · ${slot.roomName}` : ''}
              </label>
            </div>
          );
        })}
      </Fieldset>
      {book.isError ? (
        reason ? (
          <Alert type="error" className="kc-alert">
            <Paragraph>{t(`parentTalks.errors.${reason}`, { name: child.givenName })}</Paragraph>
          </Alert>
        ) : (
          <ProblemAlert error={book.error} />
        )
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={book.isPending}>
          {t('parentTalks.book')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
