import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { DoneSection } from '@/components/ui/done-section';
import { useSendAgain } from '@/hooks/use-send-again';
import { useFamily } from '@/features/parent/hooks/use-family';
import type { ParentContactPerson } from '@/features/parent/types';
import { ChildScreen } from '@/features/parent-child/components/child-screen';
import { NoAuthorityNote } from '@/features/parent-child/components/no-authority-note';
import { ParentSupportRequestForm } from '@/features/parent-child/components/support-request-form';
import { childPaths } from '@/features/parent-child/utils/paths';
import '@/features/parent-child/components/support-request.css';

/**
 * Hulp vragen: a parent asks for support for one child, straight to the child's contact person
 * (POST /children/{childId}/support-requests; it arrives as a signal "from the parents"). The
 * screen says first what happens with the question, and that calling is fine too. Only a
 * guardian with parental authority may ask (the server decides; without it the screen says why).
 * The name, the authority and the contact person come from the family (GET /me/home), so the
 * screen reads nothing of the child's file.
 */
export function SupportRequestScreen({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const family = useFamily();
  const home = family.home;
  const found = family.child(childId);
  const name = found?.givenName ?? '';
  const contact = home.data?.children.find((child) => child.id === childId)?.contactPerson ?? null;
  const request = useSendAgain<true>();

  return (
    <ChildScreen
      childId={childId}
      heading={name ? t('parentChild.supportRequest.title', { name }) : t('parentChild.supportRequest.titleNoName')}
      query={{
        isPending: home.isPending,
        isError: home.isError,
        error: home.error,
        dataUpdatedAt: home.dataUpdatedAt,
        hasData: Boolean(home.data),
      }}
    >
      {!found ? (
        <Alert type="error" className="kc-alert">
          <Paragraph>{t('parentChild.notFound')}</Paragraph>
        </Alert>
      ) : !found.hasParentalAuthority ? (
        <NoAuthorityNote name={name} what="supportRequest" />
      ) : request.done ? (
        <SupportRequestDone childId={childId} name={name} contact={contact} onAgain={request.again} />
      ) : (
        <>
          <Paragraph>{t('parentChild.supportRequest.intro', { name })}</Paragraph>
          <WhatHappens name={name} contact={contact} />
          <section aria-labelledby="support-request-form-heading" className="kc-section">
            <Heading level={2} id="support-request-form-heading">
              {t('parentChild.supportRequest.formTitle', { name })}
            </Heading>
            <ParentSupportRequestForm key={request.round} childId={childId} name={name} onSent={() => request.sent(true)} />
          </section>
          <RatherTalk contact={contact} />
        </>
      )}
    </ChildScreen>
  );
}

/** In plain words, before sending: who reads it, what follows, no referral, consent first. */
function WhatHappens({ name, contact }: { name: string; contact: ParentContactPerson | null }) {
  const { t } = useTranslation();
  const person = contact?.displayName;
  return (
    <section aria-labelledby="support-request-next-heading" className="kc-section" data-testid="support-request-next">
      <Heading level={2} id="support-request-next-heading">
        {t('parentChild.supportRequest.nextTitle')}
      </Heading>
      <ul className="kc-support-request-next">
        <li>
          {person
            ? t('parentChild.supportRequest.readBy', { contact: person, name })
            : t('parentChild.supportRequest.readByNoContact', { name })}
        </li>
        <li>
          {person
            ? t('parentChild.supportRequest.contactsYou', { contact: person, name })
            : t('parentChild.supportRequest.contactsYouNoContact', { name })}
        </li>
        <li>{t('parentChild.supportRequest.noReferral')}</li>
        <li>{t('parentChild.supportRequest.whoReads')}</li>
        <li>{t('parentChild.supportRequest.otherOrganisation')}</li>
      </ul>
    </section>
  );
}

/** Asking in the app is one way; calling or just talking to the contact person is as good. */
function RatherTalk({ contact }: { contact: ParentContactPerson | null }) {
  const { t } = useTranslation();
  if (contact?.phone) {
    return (
      <Paragraph className="kc-support-request-call" data-testid="support-request-call">
        <span>{t('parentChild.supportRequest.callInstead')}</span>{' '}
        <a className="utrecht-link utrecht-link--html-a" href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>
          {/* The number reads left to right also in Arabic. */}
          {t('parentChild.supportRequest.call', { contact: contact.displayName, phone: `\u2066${contact.phone}\u2069` })}
        </a>
      </Paragraph>
    );
  }
  return (
    <Paragraph className="kc-support-request-call" data-testid="support-request-call">
      {contact
        ? t('parentChild.supportRequest.talkInstead', { contact: contact.displayName })
        : t('parentChild.supportRequest.talkInsteadNoContact')}
    </Paragraph>
  );
}

/** "Verstuurd. Lotte neemt contact met u op.", with the focus on it, and the ways on. */
function SupportRequestDone({
  childId,
  name,
  contact,
  onAgain,
}: {
  childId: string;
  name: string;
  contact: ParentContactPerson | null;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  return (
    <DoneSection
      title={t('parentChild.supportRequest.doneTitle')}
      againLabel={t('parentChild.supportRequest.again')}
      onAgain={onAgain}
      backTo={childPaths(childId).overview}
      backLabel={t('parentChild.backTo', { name })}
      className="kc-section kc-support-request-done"
      testId="support-request-done"
    >
      <Paragraph>
        {contact
          ? t('parentChild.supportRequest.done', { contact: contact.displayName })
          : t('parentChild.supportRequest.doneNoContact', { name })}
      </Paragraph>
    </DoneSection>
  );
}
