import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import '@/features/parent-child/components/parent-child.css';

/**
 * "Deze tekst is in het Nederlands", in the reader's language: staff write in Dutch and their
 * texts are shown as written. Nothing when the app is in Dutch.
 */
export function WrittenInDutch({ several = false }: { several?: boolean }) {
  const { t, i18n } = useTranslation();
  if ((i18n.resolvedLanguage ?? i18n.language) === 'nl') return null;
  return (
    <Paragraph className="kc-written-in-dutch" data-testid="written-in-dutch">
      {several ? t('parentChild.writtenInDutchSeveral') : t('parentChild.writtenInDutch')}
    </Paragraph>
  );
}

/**
 * A text a member of staff wrote (a goal, a note), exactly as written and marked as Dutch, so a
 * screen reader reads it in Dutch whatever the app's language.
 */
export function StaffText({ text, strong = false }: { text: string; strong?: boolean }) {
  return (
    <div className="kc-staff-text">
      <Paragraph lang="nl" dir="auto" className="kc-pre">
        {strong ? <strong>{text}</strong> : text}
      </Paragraph>
      <WrittenInDutch />
    </div>
  );
}
