import {
  FormField,
  FormFieldDescription,
  FormLabel,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupRead } from '@/features/children/api/get-groups';
import { CHILD_SORTS, type ChildSort } from '@/features/children/api/get-children';

type ChildrenFiltersProps = {
  search: string;
  onSearchChange: (value: string) => void;
  groupId: string;
  onGroupChange: (value: string) => void;
  sort: ChildSort;
  onSortChange: (value: ChildSort) => void;
  groups: GroupRead[] | undefined;
};

export function ChildrenFilters(props: ChildrenFiltersProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const searchDescriptionId = useId();
  const groupSelectId = useId();
  const sortSelectId = useId();
  const groups = props.groups ?? [];

  return (
    <form
      role="search"
      aria-label={t('children.filters')}
      className="kc-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <FormField className="kc-filters__search">
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor={searchId}>{t('children.search')}</FormLabel>
        </div>
        <FormFieldDescription id={searchDescriptionId}>
          {t('children.searchDescription')}
        </FormFieldDescription>
        <div className="utrecht-form-field__input">
          <Textbox
            id={searchId}
            type="search"
            name="q"
            autoComplete="off"
            maxLength={100}
            aria-describedby={searchDescriptionId}
            value={props.search}
            onChange={(event) => props.onSearchChange(event.target.value)}
          />
        </div>
      </FormField>
      {groups.length > 0 ? (
        <FormField className="kc-filters__group">
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor={groupSelectId}>{t('children.group')}</FormLabel>
          </div>
          <div className="utrecht-form-field__input">
            <Select
              id={groupSelectId}
              name="groupId"
              value={props.groupId}
              onChange={(event) => props.onGroupChange(event.target.value)}
            >
              <SelectOption value="">{t('children.allGroups')}</SelectOption>
              {groups.map((group) => (
                <SelectOption key={group.id} value={group.id}>
                  {group.name}
                </SelectOption>
              ))}
            </Select>
          </div>
        </FormField>
      ) : null}
      <FormField className="kc-filters__sort">
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor={sortSelectId}>{t('children.sort')}</FormLabel>
        </div>
        <div className="utrecht-form-field__input">
          <Select
            id={sortSelectId}
            name="sort"
            value={props.sort}
            onChange={(event) => props.onSortChange(event.target.value as ChildSort)}
          >
            {CHILD_SORTS.map((sort) => (
              <SelectOption key={sort} value={sort}>
                {t(`children.sortOptions.${sort}`)}
              </SelectOption>
            ))}
          </Select>
        </div>
      </FormField>
    </form>
  );
}
