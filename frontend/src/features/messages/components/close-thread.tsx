import { Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useSetThreadClosed } from '@/features/messages/api/close-thread';
import type { Thread } from '@/features/messages/types';

/**
 * For the child's contact person (the API's `canClose`): mark the thread done, or open it
 * again. A closed thread takes no new messages and stays with its people at a handover.
 */
export function CloseThread({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  const change = useSetThreadClosed(thread.id);
  if (!thread.canClose) return null;
  return (
    <div className="kc-thread__closure">
      <Paragraph>{thread.closed ? t('threadClosure.closedHelp') : t('threadClosure.openHelp')}</Paragraph>
      <Button appearance="secondary-action-button" disabled={change.isPending} onClick={() => change.mutate(!thread.closed)}>
        {thread.closed ? t('threadClosure.reopen') : t('threadClosure.close')}
      </Button>
      {change.isError ? <ProblemAlert error={change.error} /> : null}
    </div>
  );
}
