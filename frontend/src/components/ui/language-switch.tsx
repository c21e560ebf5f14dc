import { Button } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGE_NAMES, STAFF_LANGUAGES, type Language } from '@/lib/i18n';

type LanguageSwitchProps = {
  /** The languages to offer: Dutch and English on staff screens, all six in the parent app. */
  languages?: readonly Language[];
  /** Called after the switch, e.g. to remember the choice for the account. */
  onChange?: (language: Language) => void;
};

/**
 * Each language is named in itself and marked with its own lang (so a screen reader reads
 * "العربية" in Arabic), so everyone can find their own whatever language is showing.
 */
export function LanguageSwitch({ languages = STAFF_LANGUAGES, onChange }: LanguageSwitchProps) {
  const { t, i18n } = useTranslation();
  const active = i18n.resolvedLanguage;
  return (
    <div role="group" aria-label={t('language.label')} className="kc-language-switch">
      {languages.map((language) => (
        <Button
          key={language}
          type="button"
          appearance="subtle-button"
          lang={language}
          aria-pressed={active === language}
          onClick={() => {
            void changeLanguage(language).then(() => onChange?.(language));
          }}
        >
          {LANGUAGE_NAMES[language]}
        </Button>
      ))}
    </div>
  );
}
