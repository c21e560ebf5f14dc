import { Heading } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useFamily, type FamilyChild } from '@/features/parent/hooks/use-family';
import '@/features/parent/parent.css';

export type ChildBadgeSize = 'small' | 'medium' | 'large';

type ChildBadgeProps = {
  childId: string;
  size?: ChildBadgeSize;
  /**
   * Next to the child's name in text (a heading, a switcher): hidden from screen readers, which
   * would otherwise read the name twice. Otherwise the badge is an image named by the given name.
   */
  decorative?: boolean;
};

/** The child's colour and initial in a circle: the same on every screen about this child. */
export function ChildBadge({ childId, size = 'medium', decorative = false }: ChildBadgeProps) {
  const { child } = useFamily();
  const found = child(childId);
  if (!found) return null;
  return <ChildBadgeView child={found} size={size} decorative={decorative} />;
}

/** The badge for a child already at hand (no lookup). */
export function ChildBadgeView({
  child,
  size = 'medium',
  decorative = false,
}: {
  child: FamilyChild;
  size?: ChildBadgeSize;
  decorative?: boolean;
}) {
  const a11y = decorative ? { 'aria-hidden': true as const } : { role: 'img', 'aria-label': child.givenName };
  return (
    <span
      className={`kc-child-badge kc-child-badge--${size}`}
      style={{ backgroundColor: child.colour }}
      data-child-index={child.index}
      {...a11y}
    >
      {child.initial}
    </span>
  );
}

type ChildHeadingProps = {
  childId: string;
  level?: 1 | 2 | 3;
  /** The heading's text; the child's given name when absent. Name the child in it. */
  children?: ReactNode;
  id?: string;
};

/** A screen about one child: its badge and its given name as the heading. */
export function ChildHeading({ childId, level = 1, children, id }: ChildHeadingProps) {
  const { child } = useFamily();
  const found = child(childId);
  return (
    <Heading level={level} id={id} className="kc-child-heading">
      {found ? <ChildBadgeView child={found} size={level === 1 ? 'large' : 'medium'} decorative /> : null}
      <span>{children ?? found?.givenName}</span>
    </Heading>
  );
}
