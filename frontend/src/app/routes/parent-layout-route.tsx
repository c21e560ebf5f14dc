import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useMatch, useOutletContext } from 'react-router';
import { ParentLayout } from '@/components/layouts/parent-layout';
import { Loading } from '@/components/ui/loading';
import { RouterLink } from '@/components/ui/router-link';
import { useMe } from '@/features/auth/api/get-me';
import { OfflineBanner } from '@/features/offline/components/offline-banner';
import { ChildSwitcher } from '@/features/parent/components/child-switcher';
import { ParentNav } from '@/features/parent/components/parent-nav';
import { useFamily } from '@/features/parent/hooks/use-family';
import { PARENT_ACCOUNT, type ChildPage } from '@/features/parent/utils/paths';
import { NotificationsMenu } from '@/features/support/components/notifications-menu';
import { UnreadBadge } from '@/features/messages/components/unread-badge';
import type { ProtectedOutletContext } from '@/app/routes/protected-layout';

const CHILD_PAGES: readonly ChildPage[] = ['toestemming', 'bekeken', 'afmelden', 'activiteiten', 'gegevens', 'hulp-vragen'];

/** The parent app's frame around its screens (/ouder and below). */
export default function ParentLayoutRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const context = useOutletContext<ProtectedOutletContext>();
  const location = useLocation();
  const childMatch = useMatch('/ouder/kinderen/:childId/*');
  const enrolmentRequired = me.data?.twoFactor.enrolmentRequired ?? false;
  // Until two-factor is set up the server refuses everything else (the account page sets it up).
  const familyEnabled = Boolean(me.data) && !enrolmentRequired;
  const family = useFamily({ enabled: familyEnabled });
  const currentChildId = childMatch?.params.childId;
  const sub = (childMatch?.params['*'] ?? '').split('/')[0] ?? '';
  const page: ChildPage = (CHILD_PAGES as readonly string[]).includes(sub) ? (sub as ChildPage) : '';
  const navChildId = currentChildId ?? family.children[0]?.id;
  // A screen about one child shows once the family is known (GET /me/home, asked beside the
  // screen's own request): the switcher above it would otherwise push it down when it appears.
  // Meanwhile "Bezig met laden" stands where the switcher comes, and the page below stays empty.
  const waitForFamily = Boolean(currentChildId) && familyEnabled && family.isPending;

  return (
    <ParentLayout
      tools={
        <>
          <NotificationsMenu enabled={Boolean(me.data) && !enrolmentRequired} />
          <RouterLink
            to={PARENT_ACCOUNT}
            className="kc-parent-header__account"
            aria-current={location.pathname === PARENT_ACCOUNT ? 'page' : undefined}
          >
            {t('parent.nav.account')}
          </RouterLink>
        </>
      }
      banner={<OfflineBanner />}
      switcher={
        waitForFamily ? (
          <Loading />
        ) : currentChildId ? (
          <ChildSwitcher family={family.children} currentChildId={currentChildId} page={page} />
        ) : null
      }
      nav={
        <ParentNav
          childId={navChildId}
          messagesBadge={<UnreadBadge enabled={Boolean(me.data) && !enrolmentRequired} />}
        />
      }
    >
      {waitForFamily ? null : <Outlet context={context} />}
    </ParentLayout>
  );
}
