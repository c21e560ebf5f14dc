import { FormFieldTextbox } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenThread } from '@/features/messages/api/open-thread';
import { MessageComposer } from '@/features/messages/components/message-composer';
import type { Thread } from '@/features/messages/types';
import '@/features/messages/messages.css';

export const SUBJECT_MAX = 200;

type NewThreadFormProps = {
  childId: string;
  onOpened: (thread: Thread) => void;
  /** The label of the text field (who will read it). */
  textLabel: string;
};

/** A new thread about a child: a subject and the first message, with files. */
export function NewThreadForm({ childId, onOpened, textLabel }: NewThreadFormProps) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState('');
  const [subjectError, setSubjectError] = useState<string | null>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const open = useOpenThread(childId);

  function validateSubject(): boolean {
    const value = subject.trim();
    const problem = value === '' ? t('messages.new.subjectEmpty') : value.length > SUBJECT_MAX ? t('messages.new.subjectTooLong', { max: SUBJECT_MAX }) : null;
    setSubjectError(problem);
    if (problem) subjectRef.current?.focus();
    return !problem;
  }

  return (
    <MessageComposer
      label={textLabel}
      submitLabel={t('messages.new.send')}
      pending={open.isPending}
      error={open.error}
      validateBefore={validateSubject}
      onSend={(message) =>
        open.mutateAsync({ subject: subject.trim(), ...message }).then((thread) => onOpened(thread))
      }
      before={
        <FormFieldTextbox
          inputRef={subjectRef}
          name="subject"
          label={t('messages.new.subject')}
          value={subject}
          dir="auto"
          onChange={(event) => {
            setSubject((event.target as HTMLInputElement).value);
            setSubjectError(null);
          }}
          invalid={Boolean(subjectError)}
          errorMessage={subjectError ?? undefined}
          required
        />
      }
    />
  );
}
