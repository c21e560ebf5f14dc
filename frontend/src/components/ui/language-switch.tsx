import { Button } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '@/lib/i18n';

/** Each language is named in itself (and marked with its lang), so everyone can find their own. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = i18n.resolvedLanguage;
  return (
    <div role="group" aria-label={t('language.label')} className="kc-language-switch">
      {LANGUAGES.map((language: Language) => (
        <Button
          key={language}
          type="button"
          appearance="subtle-button"
          lang={language}
          aria-pressed={active === language}
          onClick={() => void changeLanguage(language)}
        >
          {t(`language.${language}`)}
        </Button>
      ))}
    </div>
  );
}
