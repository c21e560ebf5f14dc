import { useMemo } from 'react';
import { useParentHome } from '@/features/parent/api/get-home';
import type { ParentHomeChild } from '@/features/parent/types';
import { childColour, childInitial } from '@/features/parent/utils/child-colour';

export { childColour } from '@/features/parent/utils/child-colour';

/** A child of the logged-in parent, with the colour and initial that name it on every screen. */
export type FamilyChild = {
  id: string;
  givenName: string;
  familyName: string;
  hasParentalAuthority: boolean;
  /** The badge's background; white text on it has a contrast of at least 4.5:1. */
  colour: string;
  initial: string;
  /** Position among the children, oldest first (0 = the oldest). */
  index: number;
};

export function toFamilyChild(child: ParentHomeChild, index: number): FamilyChild {
  return {
    id: child.id,
    givenName: child.givenName,
    familyName: child.familyName,
    hasParentalAuthority: child.hasParentalAuthority,
    colour: childColour(index),
    initial: childInitial(child.givenName),
    index,
  };
}

/**
 * The parent's children (oldest first, as GET /me/home lists them), each with a fixed colour by
 * position and the initial of the given name. One request, shared with the home screen.
 */
export function useFamily(options: { enabled?: boolean } = {}) {
  const home = useParentHome(options);
  const children = useMemo(() => (home.data?.children ?? []).map(toFamilyChild), [home.data]);
  const byId = useMemo(() => new Map(children.map((child) => [child.id, child])), [children]);
  return {
    children,
    /** The child with this id, or undefined (not one of the parent's children, or not loaded yet). */
    child: (childId: string | undefined) => (childId ? byId.get(childId) : undefined),
    isPending: home.isPending,
    isError: home.isError,
    error: home.error,
    dataUpdatedAt: home.dataUpdatedAt,
    home,
  };
}
