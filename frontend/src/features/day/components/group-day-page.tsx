import { FormFieldTextbox, Heading, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import type { Me } from '@/features/auth/api/get-me';
import { useGroupDay } from '@/features/day/api/group-day';
import { useMyGroups } from '@/features/day/api/my-groups';
import { GroupDayList } from '@/features/day/components/group-day-list';
import { useEntryText } from '@/features/day/hooks/use-entry-text';
import { todayInZone } from '@/features/rooms/utils/time';
import '@/features/day/components/day.css';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "Vandaag" for a group: the group (`?groep=`, the first of the person's groups by default) and
 * the date (`?datum=`, today in the Netherlands by default), then who is absent and who goes
 * where after school, with In and Uit per child.
 */
export function GroupDayPage({ me, now }: { me: Me; now?: () => Date }) {
  const { t } = useTranslation();
  const text = useEntryText();
  const groups = useMyGroups(me);
  const [params, setParams] = useSearchParams();
  const today = todayInZone(now?.());
  const asked = params.get('datum') ?? '';
  const date = DATE.test(asked) ? asked : today;
  const askedGroup = params.get('groep') ?? '';
  const group = groups.data?.find((candidate) => candidate.id === askedGroup) ?? groups.data?.[0];
  const day = useGroupDay(group?.id, date);
  // The date field as typed: a browser gives '' while a date is half typed; keep it until whole.
  const [typed, setTyped] = useState({ shown: date, value: date });
  const typedDate = typed.shown === date ? typed.value : date;

  const setParam = useCallback(
    (key: 'groep' | 'datum', value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  if (groups.isError) return <ProblemAlert error={groups.error} />;
  if (groups.isPending) return <Loading />;
  if (!group) return <Paragraph data-testid="day-no-groups">{t('day.group.noGroups')}</Paragraph>;

  const shown = day.data && day.data.groupId === group.id ? day.data : undefined;
  const stale = Boolean(day.isPlaceholderData) || !shown || shown.date !== date;

  return (
    <>
      <div className="kc-filters kc-day-filters">
        <SelectField
          label={t('day.group.group')}
          name="groep"
          value={group.id}
          onChange={(id) => setParam('groep', id)}
          options={(groups.data ?? []).map((option) => ({ value: option.id, label: option.name }))}
        />
        <FormFieldTextbox
          name="datum"
          type="date"
          label={t('day.group.date')}
          value={typedDate}
          onChange={(event) => {
            const value = (event.target as HTMLInputElement).value;
            setTyped({ shown: date, value });
            if (DATE.test(value)) setParam('datum', value === today ? '' : value);
          }}
        />
      </div>
      <Heading level={2} className="kc-day-group__title">
        {t('day.group.heading', { group: group.name, date: text.format.longDate(date) })}
      </Heading>
      {day.isError ? <ProblemAlert error={day.error} messages={{ 404: t('day.group.notFound') }} /> : null}
      {day.isFetching && stale ? <Loading /> : null}
      {day.data && !day.isError ? (
        <GroupDayList
          day={day.data}
          organisationId={groups.data?.find((candidate) => candidate.id === day.data.groupId)?.organisationId ?? ''}
          stale={stale}
          now={now}
        />
      ) : null}
    </>
  );
}
