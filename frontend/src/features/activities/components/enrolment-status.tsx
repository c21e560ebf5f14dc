import { Paragraph } from '@utrecht/component-library-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentRead } from '@/features/activities/types';

type Message = { title: string; text: string };

/**
 * What just happened to an enrolment ("Ingeschreven", "Op de wachtlijst", "Uitgeschreven"), for
 * the status line ({@link EnrolmentStatus}): the focus moves there, so it is read out too.
 */
export function useEnrolmentStatus() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<Message | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  return useMemo(() => {
    const say = (next: Message) => {
      setMessage(next);
      ref.current?.focus();
    };
    return {
      ref,
      message,
      enrolled: (enrolment: EnrolmentRead, child: string, activity: string) =>
        say(
          enrolment.status === 'waitlisted'
            ? {
                title: t('activities.enrol.waitlisted', { position: enrolment.position ?? '' }),
                text: t('activities.enrol.waitlistedText', { child, activity }),
              }
            : {
                title: t('activities.enrol.enrolled'),
                text: t('activities.enrol.enrolledText', { child, activity }),
              },
        ),
      cancelled: (child: string, activity: string) =>
        say({ title: t('activities.cancel.done'), text: t('activities.cancel.doneText', { child, activity }) }),
    };
  }, [t, message]);
}

/** The status line: empty until something happened. */
export function EnrolmentStatus({ status, testId }: { status: ReturnType<typeof useEnrolmentStatus>; testId: string }) {
  const { message } = status;
  return (
    <div ref={status.ref} tabIndex={-1} aria-live="polite" className="kc-status" data-testid={testId}>
      {message ? (
        <div className="kc-activity-message">
          <Paragraph>
            <strong>{message.title}</strong>
          </Paragraph>
          <Paragraph>{message.text}</Paragraph>
        </div>
      ) : null}
    </div>
  );
}
