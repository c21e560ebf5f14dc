import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChildBadgeView } from '@/features/parent/components/child-badge';
import type { FamilyChild } from '@/features/parent/hooks/use-family';
import type { ParentAction, ParentHomeChild } from '@/features/parent/types';
import { childPath } from '@/features/parent/utils/paths';

type ActionItem = { child: FamilyChild; action: ParentAction };

/** The screen where the parent does what the action asks. */
export function actionTarget(childId: string, action: ParentAction): string {
  return action.kind === 'place_offered' ? childPath(childId, 'activiteiten') : childPath(childId, 'toestemming');
}

function useActionText() {
  const { t } = useTranslation();
  return ({ child, action }: ActionItem): string => {
    const name = child.givenName;
    switch (action.kind) {
      case 'care_team_consent':
        return action.organisationName
          ? t('parent.actions.careTeamConsent', { name, organisation: action.organisationName })
          : t('parent.actions.careTeamConsentUnnamed', { name });
      case 'trajectory_consent': {
        const type = action.trajectoryType
          ? t(`consents.trajectoryTypes.${action.trajectoryType}`, { defaultValue: action.trajectoryType })
          : null;
        return type
          ? t('parent.actions.trajectoryConsent', { name, type })
          : t('parent.actions.trajectoryConsentUnnamed', { name });
      }
      case 'place_offered':
        return action.activityName
          ? t('parent.actions.placeOffered', { name, activity: action.activityName })
          : t('parent.actions.placeOfferedUnnamed', { name });
      default:
        return t('parent.actions.other', { name });
    }
  };
}

type ParentActionsProps = {
  homeChildren: ParentHomeChild[];
  family: FamilyChild[];
  unreadNotifications: number;
};

/**
 * "Wat moet ik doen?": consents asked for, places offered, and the number of unread messages.
 * Each action names its child with the badge and leads to the screen where it is done.
 */
export function ParentActions({ homeChildren, family, unreadNotifications }: ParentActionsProps) {
  const { t } = useTranslation();
  const text = useActionText();
  const items: ActionItem[] = homeChildren.flatMap((child, index) => {
    const member = family[index];
    return member ? child.actions.map((action) => ({ child: member, action })) : [];
  });
  const asksConsent = items.some((item) => item.action.kind !== 'place_offered');
  const asksCareTeam = items.some((item) => item.action.kind === 'care_team_consent');

  return (
    <section aria-labelledby="parent-actions-heading" className="kc-parent-section" data-testid="parent-actions">
      <Heading level={2} id="parent-actions-heading">
        {t('parent.actions.title')}
      </Heading>
      {items.length === 0 && unreadNotifications === 0 ? <Paragraph>{t('parent.actions.none')}</Paragraph> : null}
      {items.length > 0 ? (
        <ul className="kc-parent-actions">
          {items.map((item, index) => (
            <li key={`${item.child.id}-${item.action.kind}-${index}`} className="kc-parent-actions__item" data-testid="parent-action">
              <ChildBadgeView child={item.child} size="small" decorative />
              <Link className="utrecht-link utrecht-link--html-a" to={actionTarget(item.child.id, item.action)}>
                {text(item)}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {asksConsent ? <Paragraph className="kc-explain">{t('parent.explain.consent')}</Paragraph> : null}
      {asksCareTeam ? <Paragraph className="kc-explain">{t('parent.explain.careTeam')}</Paragraph> : null}
      {unreadNotifications > 0 ? (
        <Paragraph data-testid="parent-unread">{t('parent.actions.unread', { count: unreadNotifications })}</Paragraph>
      ) : null}
    </section>
  );
}
