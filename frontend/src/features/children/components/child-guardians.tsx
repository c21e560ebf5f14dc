import { useTranslation } from 'react-i18next';
import { TableSection } from '@/components/ui/table-section';
import { type GuardianRead, useChildGuardians } from '@/features/children/api/get-child-guardians';

export function ChildGuardians({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const guardians = useChildGuardians(childId);

  return (
    <TableSection<GuardianRead>
      id="child-guardians"
      title={t('child.guardians.title')}
      caption={t('child.guardians.caption')}
      empty={t('child.guardians.empty')}
      rows={guardians.data}
      rowKey={(guardian) => guardian.id}
      isPending={guardians.isPending}
      error={guardians.error}
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
