import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useChildSupport } from '@/features/support/api/get-child-support';
import { ChildPlanView } from '@/features/support/components/child-plan';
import { ChildTrajectories } from '@/features/support/components/child-trajectories';
import type { KnownConsent } from '@/features/support/components/signal-decision-form';
import { SignalForm } from '@/features/support/components/signal-form';
import { SignalList } from '@/features/support/components/signal-list';
import { SupportRequestForm } from '@/features/support/components/support-request-form';
import type { OrganisationOption } from '@/features/support/types';

export type ChildSupportViewer = {
  myId: string;
  /** Works at an organisation (has memberships): raises signals, sees the signals. */
  isStaff: boolean;
  /** The child's contact person decides on its signals. */
  isContactPerson: boolean;
  /** A guardian with parental authority asks for support. */
  isGuardianWithAuthority: boolean;
};

type ChildSupportProps = {
  child: { id: string; name: string; contactPersonName: string | null };
  viewer: ChildSupportViewer;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** For the decision form; loaded by the page once this section is open. */
  organisations: OrganisationOption[];
  /** The consents the child page already has, when it has them. */
  consents?: KnownConsent[];
};

/**
 * "Zorg & ondersteuning" on the child page. Like the access log it loads when opened, so the
 * child page stays one request; opening it is one more: the plan, the child's trajectories and
 * (for professionals and parents) the signals and questions, all in one (`useChildSupport`).
 */
export function ChildSupport({ child, viewer, open, onOpenChange, organisations, consents }: ChildSupportProps) {
  const { t } = useTranslation();
  const contentId = useId();
  return (
    <section aria-labelledby="child-support-heading" className="kc-section" data-testid="child-support">
      <Heading level={2} id="child-support-heading">
        {t('support.child.title')}
      </Heading>
      <Paragraph>
        {viewer.isGuardianWithAuthority ? t('support.child.introGuardian') : t('support.child.intro')}
      </Paragraph>
      <ButtonGroup>
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-expanded={open}
          aria-controls={contentId}
          data-testid="child-support-toggle"
          onClick={() => onOpenChange(!open)}
        >
          {open ? t('support.child.close') : t('support.child.open')}
        </Button>
      </ButtonGroup>
      <div id={contentId}>
        {open ? (
          <ChildSupportContent
            child={child}
            viewer={viewer}
            organisations={organisations}
            consents={consents}
          />
        ) : null}
      </div>
    </section>
  );
}

function ChildSupportContent({
  child,
  viewer,
  organisations,
  consents,
}: Omit<ChildSupportProps, 'open' | 'onOpenChange'>) {
  const { t } = useTranslation();
  const support = useChildSupport(child.id);
  const plan = support.data?.plan;
  const trajectories = support.data?.trajectories;
  const showSignals = viewer.isStaff || viewer.isGuardianWithAuthority;
  const signals = showSignals ? support.data?.signals : undefined;
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const asGuardian = viewer.isGuardianWithAuthority;
  const raisesSignals = viewer.isStaff && !asGuardian;
  const dailyTeam = plan?.view === 'daily_team';
  // Someone else's signal in this list means this user is one of its deciders.
  const decides =
    viewer.isContactPerson || (signals ?? []).some((signal) => signal.authorId !== viewer.myId);

  function announce(text: string) {
    setMessage(text);
    statusRef.current?.focus();
  }

  return (
    <>
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status" data-testid="child-support-message">
        {message ? <Paragraph>{message}</Paragraph> : null}
      </div>

      {support.isPending ? <Loading /> : null}
      {support.isError ? <ProblemAlert error={support.error} /> : null}
      {support.data && !plan ? <Paragraph data-testid="child-plan-not-shared">{t('support.child.planForbidden')}</Paragraph> : null}
      {plan ? <ChildPlanView plan={plan} /> : null}

      {trajectories && !dailyTeam && (trajectories.length > 0 || plan) ? (
        <ChildTrajectories trajectories={trajectories} forGuardian={asGuardian} />
      ) : null}

      {showSignals ? (
        <section aria-labelledby="child-signals-heading" className="kc-subsection" data-testid="child-signals">
          <Heading level={3} id="child-signals-heading">
            {asGuardian ? t('support.child.requestsTitle') : t('support.child.signalsTitle')}
          </Heading>
          {signals && signals.length === 0 ? (
            <Paragraph>{asGuardian ? t('support.child.noRequests') : t('support.child.noSignals')}</Paragraph>
          ) : null}
          {signals ? (
            <SignalList
              signals={signals}
              label={asGuardian ? t('support.child.requestsTitle') : t('support.child.signalsTitle')}
              showChild={false}
              canDecide={(signal) => !asGuardian && decides && (signal.authorId !== viewer.myId || viewer.isContactPerson)}
              decision={{ organisations, consents }}
            />
          ) : null}
        </section>
      ) : null}

      {raisesSignals ? (
        <SignalForm childId={child.id} childName={child.name} onRaised={() => announce(t('support.signalForm.sent'))} />
      ) : null}
      {asGuardian ? (
        <SupportRequestForm
          childId={child.id}
          childName={child.name}
          contactPersonName={child.contactPersonName}
          onSent={() => announce(t('support.requestForm.sent'))}
        />
      ) : null}
    </>
  );
}
