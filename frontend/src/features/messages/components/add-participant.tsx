import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { useAddParticipant, useCareTeam } from '@/features/messages/api/add-participant';
import type { Thread } from '@/features/messages/types';

/**
 * Staff: add a member of the child's care team to the thread. The server allows it only with
 * the guardians' care-team consent for that member's organisation, and says so (400 on userId).
 */
export function AddParticipant({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  const team = useCareTeam(thread.child.id);
  const add = useAddParticipant(thread.id);
  const [userId, setUserId] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const present = new Set(thread.participants.filter((p) => !p.leftAt).map((p) => p.userId));
  const candidates = (team.data ?? []).filter((member) => !present.has(member.userId));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const member = candidates.find((m) => m.userId === userId);
    if (!member || add.isPending) return;
    setAdded(null);
    add.mutate(userId, {
      onSuccess: () => {
        setAdded(member.displayName);
        setUserId('');
      },
    });
  }

  if (thread.closed) return null;
  return (
    <section aria-labelledby="kc-add-participant" className="kc-form">
      <Heading level={2} id="kc-add-participant">
        {t('staffMessages.addTitle')}
      </Heading>
      {team.isError ? <ProblemAlert error={team.error} /> : null}
      {team.data && candidates.length === 0 ? <Paragraph>{t('staffMessages.noCandidates')}</Paragraph> : null}
      {candidates.length > 0 ? (
        <form onSubmit={submit}>
          <SelectField
            label={t('staffMessages.addLabel')}
            name="participant"
            value={userId}
            onChange={setUserId}
            placeholder={t('staffMessages.addPlaceholder')}
            options={candidates.map((m) => ({ value: m.userId, label: `${m.displayName} (${m.organisationName})` }))}
          />
          <Button type="submit" appearance="secondary-action-button" busy={add.isPending}>
            {t('staffMessages.add')}
          </Button>
        </form>
      ) : null}
      {added ? <Paragraph role="status">{t('staffMessages.added', { name: added })}</Paragraph> : null}
      {add.isError ? <ProblemAlert error={add.error} messages={{ 400: t('staffMessages.noConsent') }} /> : null}
    </section>
  );
}
