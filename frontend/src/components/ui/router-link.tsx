import { forwardRef } from 'react';
import { Link, type LinkProps } from 'react-router';

/** A react-router link dressed as the NL Design System Link. */
export const RouterLink = forwardRef<HTMLAnchorElement, LinkProps>(function RouterLink(
  { className, ...props },
  ref,
) {
  const classes = ['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ');
  return <Link ref={ref} className={classes} {...props} />;
});
