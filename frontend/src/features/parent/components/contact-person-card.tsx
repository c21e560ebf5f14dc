import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChildBadgeView } from '@/features/parent/components/child-badge';
import type { FamilyChild } from '@/features/parent/hooks/use-family';
import type { ParentContactPerson } from '@/features/parent/types';

/** "Anna de Vries" -> "AV"; one name -> its first letter. */
export function personInitials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = Array.from(parts[0] ?? '?')[0] ?? '?';
  const last = parts.length > 1 ? (Array.from(parts[parts.length - 1] ?? '')[0] ?? '') : '';
  return `${first}${last}`.toLocaleUpperCase();
}

type ContactPersonCardProps = {
  person: ParentContactPerson;
  /** The children this person is the contact person of (usually all of them). */
  family: FamilyChild[];
};

/**
 * The family's contact person: their initials in a circle (no photo is stored yet), name, phone
 * and e-mail, and a way to send a message.
 */
export function ContactPersonCard({ person, family }: ContactPersonCardProps) {
  const { t, i18n } = useTranslation();
  const names = new Intl.ListFormat(i18n.resolvedLanguage ?? 'nl', { type: 'conjunction' }).format(
    family.map((child) => child.givenName),
  );
  return (
    <div className="kc-parent-contact" data-testid="contact-person">
      <span className="kc-parent-contact__avatar" aria-hidden="true">
        {personInitials(person.displayName)}
      </span>
      <div className="kc-parent-contact__body">
        <Heading level={3} className="kc-parent-contact__name">
          {person.displayName}
        </Heading>
        <Paragraph className="kc-parent-contact__for">
          {family.map((child) => (
            <ChildBadgeView key={child.id} child={child} size="small" decorative />
          ))}
          <span>{t('parent.contact.forChildren', { names })}</span>
        </Paragraph>
        <ul className="kc-parent-contact__ways">
          {person.phone ? (
            <li>
              {t('parent.contact.phone')}:{' '}
              <a className="utrecht-link utrecht-link--html-a" href={`tel:${person.phone.replace(/[^+0-9]/g, '')}`}>
                {person.phone}
              </a>
            </li>
          ) : null}
          <li>
            {t('parent.contact.email')}:{' '}
            <a className="utrecht-link utrecht-link--html-a" href={`mailto:${person.email}`}>
              {person.email}
            </a>
          </li>
        </ul>
        {/* A message in the app, to this contact person, about the first of these children
            (the form lets the parent choose another). */}
        {family[0] ? (
          <Link
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action kc-parent-contact__message"
            to={`/ouder/berichten/nieuw?kind=${family[0].id}`}
          >
            {t('parent.contact.message')}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
