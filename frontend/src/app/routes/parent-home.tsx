import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ParentHomeScreen } from '@/features/parent/components/parent-home';

export default function ParentHomeRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('parent.home.title'));
  return <ParentHomeScreen />;
}
