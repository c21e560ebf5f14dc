import { Button, ButtonGroup, Checkbox, FormField, FormFieldTextarea, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { useFormatters } from '@/hooks/use-formatters';
import { hasInvalidParamCode } from '@/lib/api-client';
import {
  useAssignContactPerson,
  useContactPersonHistory,
  useProfessionals,
  type ContactPersonChange,
} from '@/features/contact-person/api/contact-person';

type Option = { id: string; name: string };

type ContactPersonSectionProps = {
  childId: string;
  childName: string;
  currentName: string | null;
  currentUserId: string | null;
  /** An administrator of the child's centre or placing organisation (the server decides). */
  canChange: boolean;
  organisations: Option[];
};

/**
 * The child's contact person on the staff child page, with "Contactpersoon wijzigen": choose a
 * professional, write the handover note (only the new contact person reads it), save; then
 * offer the siblings the same contact person with the same note. The history is below, with a
 * note only when the server returns it (to its addressee).
 */
export function ContactPersonSection({ childId, childName, currentName, currentUserId, canChange, organisations }: ContactPersonSectionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [done, setDone] = useState<{ change: ContactPersonChange; note: string | null } | null>(null);
  const changeRef = useRef<HTMLButtonElement>(null);

  return (
    <section aria-labelledby="kc-contact-person-heading" className="kc-section" data-testid="contact-person-section">
      <Heading level={2} id="kc-contact-person-heading">
        {t('handover.title')}
      </Heading>
      <Paragraph>{currentName ? t('handover.current', { name: currentName }) : t('handover.none')}</Paragraph>
      {canChange && !open && !done ? (
        <Button ref={changeRef} type="button" appearance="secondary-action-button" onClick={() => setOpen(true)}>
          {t('handover.change')}
        </Button>
      ) : null}
      {open ? (
        <HandoverForm
          childId={childId}
          childName={childName}
          currentUserId={currentUserId}
          organisations={organisations}
          onCancel={() => {
            setOpen(false);
            window.setTimeout(() => changeRef.current?.focus());
          }}
          onSaved={(change, note) => {
            setOpen(false);
            setDone({ change, note });
          }}
        />
      ) : null}
      {done ? (
        <Siblings childName={childName} change={done.change} note={done.note} onDone={() => setDone(null)} />
      ) : null}
      <details className="kc-contact-handover-history" onToggle={(event) => setHistoryOpen((event.target as HTMLDetailsElement).open)}>
        <summary>{t('handover.historyTitle')}</summary>
        {historyOpen ? <History childId={childId} /> : null}
      </details>
    </section>
  );
}

function HandoverForm({
  childId,
  childName,
  currentUserId,
  organisations,
  onCancel,
  onSaved,
}: {
  childId: string;
  childName: string;
  currentUserId: string | null;
  organisations: Option[];
  onCancel: () => void;
  onSaved: (change: ContactPersonChange, note: string | null) => void;
}) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState('');
  const [userId, setUserId] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ person?: string; note?: string }>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const professionals = useProfessionals(organisationId);
  const assign = useAssignContactPerson();
  const noteNeeded = currentUserId !== null;
  const serverNoteError = hasInvalidParamCode(assign.error, 'required');

  useEffect(() => headingRef.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (assign.isPending) return;
    const found: { person?: string; note?: string } = {};
    if (!userId) found.person = t('handover.personRequired');
    if (noteNeeded && note.trim() === '') found.note = t('handover.noteRequired');
    setErrors(found);
    if (found.person || found.note) return;
    const handoverNote = note.trim() || null;
    assign.mutate({ childId, userId, handoverNote }, { onSuccess: (change) => onSaved(change, handoverNote) });
  }

  return (
    <div role="group" aria-labelledby="kc-handover-title" className="kc-form kc-handover" data-testid="handover-dialog">
      <Heading level={3} id="kc-handover-title" ref={headingRef} tabIndex={-1}>
        {t('handover.dialogTitle', { child: childName })}
      </Heading>
      <form onSubmit={submit} noValidate>
        <SelectField
          label={t('handover.organisation')}
          name="organisation"
          value={organisationId}
          onChange={(value) => {
            setOrganisationId(value);
            setUserId('');
          }}
          placeholder={t('handover.organisationPlaceholder')}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        {professionals.isFetching ? <Loading /> : null}
        {professionals.isError ? <ProblemAlert error={professionals.error} /> : null}
        <SelectField
          label={t('handover.person')}
          name="person"
          value={userId}
          onChange={setUserId}
          placeholder={t('handover.personPlaceholder')}
          options={(professionals.data ?? [])
            .filter((p) => p.userId !== currentUserId)
            .map((p) => ({ value: p.userId, label: p.displayName }))}
          errorMessage={errors.person}
          required
        />
        <FormFieldTextarea
          name="handoverNote"
          label={t('handover.note')}
          description={t('handover.noteHelp')}
          rows={4}
          maxLength={5000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          invalid={Boolean(errors.note) || serverNoteError}
          errorMessage={errors.note ?? (serverNoteError ? t('handover.noteRequired') : undefined)}
          required={noteNeeded}
        />
        {assign.isError && !serverNoteError ? <ProblemAlert error={assign.error} /> : null}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={assign.isPending}>
            {t('handover.save')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel} disabled={assign.isPending}>
            {t('handover.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

function Siblings({
  childName,
  change,
  note,
  onDone,
}: {
  childName: string;
  change: ContactPersonChange;
  note: string | null;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const others = change.siblings.filter((s) => s.contactPerson?.userId !== change.userId);
  const [chosen, setChosen] = useState<string[]>(() => others.map((s) => s.childId));
  const [doneFor, setDoneFor] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const assign = useAssignContactPerson();
  const list = (names: string[]) => new Intl.ListFormat(i18n.resolvedLanguage ?? 'nl', { type: 'conjunction' }).format(names);

  useEffect(() => statusRef.current?.focus(), []);

  async function setForSiblings(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || chosen.length === 0) return;
    setBusy(true);
    setError(null);
    const names: string[] = [];
    try {
      for (const sibling of others.filter((s) => chosen.includes(s.childId))) {
        // A sibling with a contact person needs a note too: the same one.
        await assign.mutateAsync({ childId: sibling.childId, userId: change.userId, handoverNote: note });
        names.push(sibling.givenName);
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
      if (names.length > 0) setDoneFor(names);
    }
  }

  return (
    <div className="kc-handover-done" data-testid="handover-done">
      <Paragraph ref={statusRef} tabIndex={-1} role="status">
        {t('handover.saved', { name: change.displayName, child: childName })}
      </Paragraph>
      {others.length > 0 && !doneFor ? (
        <form onSubmit={(event) => void setForSiblings(event)} className="kc-form" data-testid="handover-siblings">
          <Heading level={3}>{t('handover.siblingsTitle')}</Heading>
          <Paragraph>{t('handover.siblingsIntro')}</Paragraph>
          {others.map((sibling) => (
            <FormField key={sibling.childId} type="checkbox">
              <FormLabel htmlFor={`kc-sibling-${sibling.childId}`} type="checkbox">
                <Checkbox
                  id={`kc-sibling-${sibling.childId}`}
                  checked={chosen.includes(sibling.childId)}
                  onChange={(event) => {
                    const on = (event.target as HTMLInputElement).checked;
                    setChosen((current) => (on ? [...current, sibling.childId] : current.filter((id) => id !== sibling.childId)));
                  }}
                />{' '}
                {sibling.contactPerson
                  ? t('handover.siblingCurrent', { name: sibling.givenName, person: sibling.contactPerson.displayName })
                  : t('handover.siblingNoPerson', { name: sibling.givenName })}
              </FormLabel>
            </FormField>
          ))}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy} disabled={chosen.length === 0}>
              {t('handover.siblingsSave')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={onDone} disabled={busy}>
              {t('handover.done')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
      {doneFor ? <Paragraph role="status">{t('handover.siblingsDone', { names: list(doneFor) })}</Paragraph> : null}
      {error ? <ProblemAlert error={error} /> : null}
    </div>
  );
}

function History({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const history = useContactPersonHistory(childId);
  if (history.isPending) return <Loading />;
  if (history.isError) return <ProblemAlert error={history.error} />;
  if (history.data.length === 0) return <Paragraph>{t('handover.historyEmpty')}</Paragraph>;
  return (
    <ul data-testid="handover-history">
      {history.data.map((period) => (
        <li key={period.startedAt}>
          <strong>{period.contactPerson?.displayName ?? t('handover.historyUnknown')}</strong>{' '}
          {t('handover.historyPeriod', {
            from: date(period.startedAt),
            to: period.endedAt ? date(period.endedAt) : t('handover.historyNow'),
          })}
          {period.assignedBy ? <> · {t('handover.historyAssignedBy', { name: period.assignedBy.displayName })}</> : null}
          {period.handoverNote ? (
            <Paragraph className="kc-handover-note">
              {t('handover.historyNote')} <span dir="auto">{period.handoverNote}</span>
            </Paragraph>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
