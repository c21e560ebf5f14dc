import { Button } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/ui/select-field';
import { WEEKDAYS } from '@/lib/format';
import { hasFilters, type ActivityFilters } from '@/features/activities/utils/filters';
import { CATEGORIES, MAX_FILTER_AGE, MIN_FILTER_AGE, type ActivityCategory, type ActivityWeekday } from '@/features/activities/types';

const AGES = Array.from({ length: MAX_FILTER_AGE - MIN_FILTER_AGE + 1 }, (_, index) => MIN_FILTER_AGE + index);

/** Day, kind of activity and age: each choice asks the server again and stays in the address. */
export function ActivityFiltersForm({
  filters,
  onChange,
  onClear,
  forGuardian,
}: {
  filters: ActivityFilters;
  onChange: (change: Partial<ActivityFilters>) => void;
  onClear: () => void;
  forGuardian: boolean;
}) {
  const { t } = useTranslation();
  return (
    <form
      role="search"
      aria-label={t('activities.filters.label')}
      className="kc-filters kc-activity-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <SelectField
        label={t('activities.filters.weekday')}
        name="weekday"
        value={filters.weekday ?? ''}
        onChange={(value) => onChange({ weekday: (value || null) as ActivityWeekday | null })}
        placeholder={t('activities.filters.anyWeekday')}
        options={WEEKDAYS.map((day) => ({ value: day, label: t(`days.${day}`) }))}
      />
      <SelectField
        label={t('activities.filters.category')}
        name="category"
        value={filters.category ?? ''}
        onChange={(value) => onChange({ category: (value || null) as ActivityCategory | null })}
        placeholder={t('activities.filters.anyCategory')}
        options={CATEGORIES.map((category) => ({ value: category, label: t(`activities.categories.${category}`) }))}
      />
      <SelectField
        label={forGuardian ? t('activities.filters.ageOfChild') : t('activities.filters.age')}
        name="age"
        value={filters.age === null ? '' : String(filters.age)}
        onChange={(value) => onChange({ age: value === '' ? null : Number(value) })}
        placeholder={t('activities.filters.anyAge')}
        options={AGES.map((age) => ({ value: String(age), label: t('activities.filters.years', { count: age }) }))}
      />
      {hasFilters(filters) ? (
        <div className="kc-activity-filters__clear">
          <Button type="button" appearance="secondary-action-button" onClick={onClear}>
            {t('activities.filters.clear')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
