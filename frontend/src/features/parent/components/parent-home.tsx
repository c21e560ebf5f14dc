import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { FreshnessMark } from '@/features/offline/components/freshness-mark';
import { ChildTodayCard } from '@/features/parent/components/child-today-card';
import { ContactPersonCard } from '@/features/parent/components/contact-person-card';
import { ParentActions } from '@/features/parent/components/parent-actions';
import { useFamily, type FamilyChild } from '@/features/parent/hooks/use-family';
import type { ParentContactPerson } from '@/features/parent/types';

type Contact = { person: ParentContactPerson; family: FamilyChild[] };

/** The home screen (/ouder), from one request: what to do, each child's day, the contact person. */
export function ParentHomeScreen() {
  const { t } = useTranslation();
  const family = useFamily();
  const { home } = family;
  const data = home.data;

  // One card per contact person, naming the children they are there for (siblings usually share one).
  const contacts: Contact[] = [];
  data?.children.forEach((child, index) => {
    const member = family.children[index];
    if (!child.contactPerson || !member) return;
    const known = contacts.find((contact) => contact.person.userId === child.contactPerson?.userId);
    if (known) known.family.push(member);
    else contacts.push({ person: child.contactPerson, family: [member] });
  });
  const withoutContact = data?.children.filter((child) => !child.contactPerson) ?? [];

  return (
    <>
      <Heading level={1}>{t('parent.home.title')}</Heading>
      <FreshnessMark dataUpdatedAt={home.dataUpdatedAt} isError={home.isError} />
      {home.isPending ? <Loading /> : null}
      {home.isError && !data ? <ProblemAlert error={home.error} /> : null}
      {data && data.children.length === 0 ? <Paragraph>{t('parent.home.noChildren')}</Paragraph> : null}
      {data && data.children.length > 0 ? (
        <>
          <ParentActions
            homeChildren={data.children}
            family={family.children}
            unreadNotifications={data.unreadNotifications}
          />
          {data.children.map((child, index) => {
            const member = family.children[index];
            return member ? <ChildTodayCard key={child.id} child={child} member={member} /> : null;
          })}
          <section aria-labelledby="parent-contact-heading" className="kc-parent-section">
            <Heading level={2} id="parent-contact-heading">
              {t('parent.contact.title', { count: contacts.length })}
            </Heading>
            <Paragraph className="kc-explain">{t('parent.explain.contactPerson')}</Paragraph>
            {contacts.map((contact) => (
              <ContactPersonCard key={contact.person.userId} person={contact.person} family={contact.family} />
            ))}
            {withoutContact.map((child) => (
              <Paragraph key={child.id}>{t('parent.contact.none', { name: child.givenName })}</Paragraph>
            ))}
          </section>
        </>
      ) : null}
    </>
  );
}
