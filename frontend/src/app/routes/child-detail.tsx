import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { AccessLog } from '@/features/access-log/components/access-log';
import { useMe } from '@/features/auth/api/get-me';
import { CareTeam } from '@/features/care-team/components/care-team';
import type { ChildDetail } from '@/features/children/api/get-child-detail';
import { useOrganisations } from '@/features/children/api/get-organisations';
import { ChildDetails } from '@/features/children/components/child-details';
import { Consents } from '@/features/consent/components/consents';
import { ChildDaySection } from '@/features/day/components/child-day-section';
import { ChildSupport } from '@/features/support/components/child-support';
import { ContactPersonSection } from '@/features/contact-person/components/contact-person-section';
import { ChildAdminLinks } from '@/features/erasure/components/child-admin-links';
import { NewThreadForm } from '@/features/messages/components/new-thread-form';
import { LegalHoldSection } from '@/features/retention/components/legal-hold-section';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/**
 * Care team, consents, support and access log, from the one child-page response. A part the server
 * leaves out of `embedded` (care team and consents for a guardian without parental authority)
 * gets no section.
 *
 * Who may give and withdraw consent: a guardian of this child with parental authority. Who may
 * read the access log: such a guardian and the contact person. Who gets "Zorg & ondersteuning":
 * professionals and such a guardian; like the access log it loads only when opened. The server
 * decides; this only hides what it would refuse.
 */
function ChildAccessSections({ child }: { child: ChildDetail }) {
  const me = useMe();
  const embedded = child.embedded ?? {};
  const myId = me.data?.id;
  const canManageConsent = Boolean(
    myId && embedded.guardians?.some((g) => g.userId === myId && g.hasParentalAuthority),
  );
  const isContactPerson = Boolean(myId && child.contactPerson?.userId === myId);
  const canReadAccessLog = canManageConsent || isContactPerson;
  const isStaff = (me.data?.memberships ?? []).some((m) => m.role !== 'municipality_analyst');
  const [supportOpen, setSupportOpen] = useState(false);
  // Centre and organisation administrators hand the contact person over (the server decides).
  const canChangeContact = (me.data?.roles ?? []).some((role) => role === 'centre_admin' || role === 'org_admin');
  // Erasure requests and merges of duplicate registrations: the centre's administrators.
  const isCentreAdmin = (me.data?.roles ?? []).includes('centre_admin');
  // The consent form's choices, and the support decision's once that section is open: only
  // loaded for whoever gets those forms.
  const organisations = useOrganisations({
    enabled: (canManageConsent && Boolean(embedded.consents)) || (isStaff && supportOpen) || canChangeContact,
  });
  const organisationOptions = useMemo(
    () =>
      (organisations.data ?? [])
        .map((org) => ({ id: org.id, name: org.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    [organisations.data],
  );

  return (
    <>
      <ChildDaySection childId={child.id} day={embedded.day} canReportAbsence={canManageConsent} />
      {embedded.careTeam ? <CareTeam members={embedded.careTeam} /> : null}
      {embedded.consents ? (
        <Consents
          childId={child.id}
          dateOfBirth={child.dateOfBirth}
          consents={embedded.consents}
          canManage={canManageConsent}
          organisations={organisationOptions}
        />
      ) : null}
      {me.data && (isStaff || canManageConsent) ? (
        <ChildSupport
          child={{
            id: child.id,
            name: `${child.givenName} ${child.familyName}`,
            contactPersonName: child.contactPerson?.displayName ?? null,
          }}
          viewer={{
            myId: me.data.id,
            isStaff,
            isContactPerson,
            isGuardianWithAuthority: canManageConsent,
          }}
          open={supportOpen}
          onOpenChange={setSupportOpen}
          organisations={organisationOptions}
          consents={embedded.consents ?? undefined}
        />
      ) : null}
      {isStaff ? (
        <ContactPersonSection
          childId={child.id}
          childName={child.givenName}
          currentName={child.contactPerson?.displayName ?? null}
          currentUserId={child.contactPerson?.userId ?? null}
          canChange={canChangeContact}
          organisations={organisationOptions}
        />
      ) : null}
      {isContactPerson && isStaff ? <MessageToGuardians childId={child.id} name={child.givenName} /> : null}
      {canReadAccessLog ? <AccessLog childId={child.id} /> : null}
      {isCentreAdmin ? <ChildAdminLinks childId={child.id} /> : null}
      {embedded.legalHold ? <LegalHoldSection childId={child.id} hold={embedded.legalHold} /> : null}
    </>
  );
}

/** The contact person writes to the child's guardians: a new thread, then on to it under Berichten. */
function MessageToGuardians({ childId, name }: { childId: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <section aria-labelledby="kc-message-guardians" className="kc-section">
      <Heading level={2} id="kc-message-guardians">
        {t('staffMessages.childPageTitle')}
      </Heading>
      <Paragraph>{t('staffMessages.childPageIntro', { name })}</Paragraph>
      <NewThreadForm
        childId={childId}
        textLabel={t('staffMessages.textLabel')}
        onOpened={(thread) => navigate(`/berichten/${thread.id}`)}
      />
    </section>
  );
}

export default function ChildDetailRoute() {
  const { childId = '' } = useParams();
  // A new child is a new page: reset every piece of state of the previous one.
  return (
    <ChildDetails
      key={childId}
      childId={childId}
      extraSections={(child) => <ChildAccessSections child={child} />}
    />
  );
}
