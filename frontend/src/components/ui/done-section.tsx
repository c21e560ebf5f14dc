import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { RouterLink } from '@/components/ui/router-link';

/**
 * What was just sent, said in plain words in place of the form (see `useSendAgain`): the heading
 * takes the focus, then the words (`children`), a button to do another and the way back.
 */
export function DoneSection({
  title,
  againLabel,
  onAgain,
  backTo,
  backLabel,
  className,
  testId,
  children,
}: {
  title: string;
  againLabel: string;
  onAgain: () => void;
  backTo: string;
  backLabel: string;
  /** Of the section. */
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby={headingId} className={className} data-testid={testId}>
      <Heading level={2} id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      {children}
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" onClick={onAgain}>
          {againLabel}
        </Button>
      </ButtonGroup>
      <Paragraph>
        <RouterLink to={backTo}>{backLabel}</RouterLink>
      </Paragraph>
    </section>
  );
}
