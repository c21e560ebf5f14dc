import { Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ConfirmActions } from '@/components/ui/confirm-actions';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useConfirmStep } from '@/hooks/use-confirm-step';
import { useFormatters } from '@/hooks/use-formatters';
import { AttachmentDownloads } from '@/features/attachments/components/attachment-downloads';
import { useWithdrawMessage } from '@/features/messages/api/withdraw-message';
import type { Message } from '@/features/messages/types';

type MessageItemProps = {
  message: Message;
  threadId: string;
  own: boolean;
  /** The thread is closed: nothing can be withdrawn any more. */
  closed: boolean;
};

/**
 * One message as a chat bubble: the writer's own on the inline end (right, or left in Arabic),
 * with "Gelezen door …" and a way to withdraw it (asked twice); a withdrawn one as a stub.
 */
export function MessageItem({ message, threadId, own, closed }: MessageItemProps) {
  const { t, i18n } = useTranslation();
  const { dateTime } = useFormatters();
  const confirm = useConfirmStep();
  const withdraw = useWithdrawMessage(threadId);
  const readers = message.readBy.filter((receipt) => receipt.userId !== message.authorId);
  const names = new Intl.ListFormat(i18n.resolvedLanguage ?? 'nl', { type: 'conjunction' }).format(
    readers.map((receipt) => receipt.displayName),
  );
  const author = own ? t('messages.thread.you') : (message.authorName ?? t('messages.thread.unknownAuthor'));

  return (
    <li className={`kc-message${own ? ' kc-message--own' : ''}`} data-testid="message" data-own={own ? 'true' : 'false'}>
      <div className="kc-message__bubble">
        <Paragraph className="kc-message__meta">
          <strong>{author}</strong> · <time dateTime={message.createdAt}>{dateTime(message.createdAt)}</time>
        </Paragraph>
        {message.withdrawn ? (
          <Paragraph className="kc-message__withdrawn" data-testid="message-withdrawn">
            {t('messages.thread.withdrawn')}
          </Paragraph>
        ) : (
          <Paragraph className="kc-message__text" dir="auto">
            {message.text}
          </Paragraph>
        )}
        {!message.withdrawn ? <AttachmentDownloads attachments={message.attachments} /> : null}
        {own && !message.withdrawn ? (
          <Paragraph className="kc-message__receipt" data-testid="read-receipt">
            {readers.length > 0 ? t('messages.thread.readBy', { names }) : t('messages.thread.notReadYet')}
          </Paragraph>
        ) : null}
        {own && !message.withdrawn && !closed ? (
          confirm.confirming ? (
            <div className="kc-message__confirm">
              <Paragraph ref={confirm.questionRef} tabIndex={-1}>
                {t('messages.thread.withdrawQuestion')}
              </Paragraph>
              <ConfirmActions
                confirmLabel={t('messages.thread.withdrawConfirm')}
                keepLabel={t('messages.thread.withdrawKeep')}
                busy={withdraw.isPending}
                danger
                onConfirm={() => withdraw.mutate(message.id, { onSuccess: () => confirm.cancel() })}
                onKeep={() => {
                  withdraw.reset();
                  confirm.cancel();
                }}
              />
              {withdraw.isError ? <ProblemAlert error={withdraw.error} /> : null}
            </div>
          ) : (
            <Button ref={confirm.startRef} type="button" appearance="subtle-button" onClick={confirm.ask}>
              {t('messages.thread.withdraw')}
            </Button>
          )
        ) : null}
      </div>
    </li>
  );
}
