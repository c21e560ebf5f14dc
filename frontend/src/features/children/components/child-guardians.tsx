import { useTranslation } from 'react-i18next';
import { TableSection } from '@/components/ui/table-section';
import type { GuardianRead } from '@/features/children/api/get-child-detail';

/** The guardians as the child page received them (`embedded.guardians`). */
export function ChildGuardians({ guardians }: { guardians: GuardianRead[] }) {
  const { t } = useTranslation();

  return (
    <TableSection<GuardianRead>
      id="child-guardians"
      title={t('child.guardians.title')}
      caption={t('child.guardians.caption')}
      empty={t('child.guardians.empty')}
      rows={guardians}
      rowKey={(guardian) => guardian.id}
      columns={[
        { label: t('child.guardians.name'), render: (guardian) => guardian.displayName },
        {
          label: t('child.guardians.relation'),
          render: (guardian) => t(`relations.${guardian.relation}`),
        },
        {
          label: t('child.guardians.parentalAuthority'),
          render: (guardian) => (guardian.hasParentalAuthority ? t('yesNo.yes') : t('yesNo.no')),
        },
      ]}
    />
  );
}
