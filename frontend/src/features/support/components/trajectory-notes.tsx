import {
  Button,
  ButtonGroup,
  FormFieldTextarea,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/ui/select-field';
import { useFormatters } from '@/hooks/use-formatters';
import { useWriteNote } from '@/features/support/api/notes';
import { FormProblem } from '@/features/support/components/form-problem';
import {
  NOTE_KINDS,
  NOTE_VISIBILITIES,
  type NoteCreate,
  type NoteKind,
  type NoteRead,
  type NoteVisibility,
} from '@/features/support/types';

type Scope = { trajectoryId: string; childId: string };

type TrajectoryNotesProps = {
  scope: Scope;
  notes: NoteRead[];
  /** The team of an open trajectory writes notes; an author corrects their own. */
  canEdit: boolean;
  myId: string | undefined;
  announce: (text: string) => void;
};

/**
 * Notes, evaluations and team meetings, newest first. A note is never changed: its author
 * writes a correction, and both versions stay, each marked as such.
 */
export function TrajectoryNotes({ scope, notes, canEdit, myId, announce }: TrajectoryNotesProps) {
  const { t } = useTranslation();
  const [correcting, setCorrecting] = useState<NoteRead | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const sorted = [...notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  useEffect(() => {
    if (correcting) formRef.current?.querySelector<HTMLElement>('h3')?.focus();
  }, [correcting]);

  return (
    <section aria-labelledby="trajectory-notes-heading" className="kc-section" data-testid="trajectory-notes">
      <Heading level={2} id="trajectory-notes-heading">
        {t('support.notes.title')}
      </Heading>
      {sorted.length === 0 ? <Paragraph>{t('support.notes.empty')}</Paragraph> : null}
      {sorted.length > 0 ? (
        <ol className="kc-timeline" aria-label={t('support.notes.listLabel')}>
          {sorted.map((note) => (
            <li
              key={note.id}
              id={`note-${note.id}`}
              className={note.replacedById ? 'kc-timeline__item kc-timeline__item--old' : 'kc-timeline__item'}
              data-testid="note-item"
              data-note-id={note.id}
              data-visibility={note.visibility}
            >
              <NoteItem
                note={note}
                canCorrect={canEdit && note.authorId === myId && !note.replacedById}
                onCorrect={() => setCorrecting(note)}
              />
            </li>
          ))}
        </ol>
      ) : null}
      {canEdit ? (
        <NoteForm
          key={correcting?.id ?? 'new'}
          ref={formRef}
          scope={scope}
          correcting={correcting}
          onCancel={() => setCorrecting(null)}
          onSaved={() => {
            announce(correcting ? t('support.notes.corrected') : t('support.notes.added'));
            setCorrecting(null);
          }}
        />
      ) : null}
    </section>
  );
}

function NoteItem({ note, canCorrect, onCorrect }: { note: NoteRead; canCorrect: boolean; onCorrect: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <>
      <span className="kc-timeline__time">
        <time dateTime={note.createdAt}>{format.dateTime(note.createdAt)}</time>
        {', '}
        {note.authorName}
      </span>
      <Paragraph className="kc-timeline__text">
        <strong>{t(`support.noteKinds.${note.kind}`)}</strong>
        {' · '}
        <span data-testid="note-visibility">{t(`support.noteVisibilities.${note.visibility}`)}</span>
      </Paragraph>
      {note.replacedById ? (
        <Paragraph className="kc-timeline__text" data-testid="note-corrected-marker">
          <strong>{t('support.notes.replaced')}</strong>{' '}
          <a className="utrecht-link utrecht-link--html-a" href={`#note-${note.replacedById}`}>
            {t('support.notes.toNewer')}
          </a>
        </Paragraph>
      ) : null}
      {note.replacesId ? (
        <Paragraph className="kc-timeline__text" data-testid="note-correction-marker">
          <strong>{t('support.notes.correction')}</strong>
        </Paragraph>
      ) : null}
      <Paragraph className="kc-timeline__text kc-pre" data-testid="note-text">
        {note.text}
      </Paragraph>
      {note.kind === 'team_meeting' && note.participants?.length ? (
        <Paragraph className="kc-timeline__text">
          <strong>{t('support.notes.participants')}:</strong> {note.participants.join(', ')}
        </Paragraph>
      ) : null}
      {note.kind === 'team_meeting' && note.decisions ? (
        <Paragraph className="kc-timeline__text kc-pre">
          <strong>{t('support.notes.decisions')}:</strong> {note.decisions}
        </Paragraph>
      ) : null}
      {canCorrect ? (
        <ButtonGroup>
          <Button type="button" appearance="subtle-button" onClick={onCorrect} data-testid="note-correct-button">
            {t('support.notes.correct')}
          </Button>
        </ButtonGroup>
      ) : null}
    </>
  );
}

type FieldErrors = { text?: string; participants?: string };

type NoteFormProps = {
  scope: Scope;
  correcting: NoteRead | null;
  onCancel: () => void;
  onSaved: () => void;
  ref?: Ref<HTMLFormElement>;
};

/** Participants are typed one per line (or separated by commas). */
export function parseParticipants(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((name) => name.trim())
    .filter(Boolean);
}

function NoteForm({ scope, correcting, onCancel, onSaved, ref }: NoteFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [kind, setKind] = useState<NoteKind>(correcting?.kind ?? 'note');
  const [visibility, setVisibility] = useState<NoteVisibility>(correcting?.visibility ?? 'team');
  const [text, setText] = useState(correcting?.text ?? '');
  const [participants, setParticipants] = useState((correcting?.participants ?? []).join('\n'));
  const [decisions, setDecisions] = useState(correcting?.decisions ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const textRef = useRef<HTMLTextAreaElement>(null);
  const participantsRef = useRef<HTMLTextAreaElement>(null);
  const write = useWriteNote(scope, correcting?.id ?? null, {
    onSuccess: () => {
      setKind('note');
      setVisibility('team');
      setText('');
      setParticipants('');
      setDecisions('');
      onSaved();
    },
  });
  const meeting = kind === 'team_meeting';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (write.isPending) return;
    const names = parseParticipants(participants);
    const next: FieldErrors = {};
    if (!text.trim()) next.text = t('support.notes.textRequired');
    if (meeting && names.length === 0) next.participants = t('support.notes.participantsRequired');
    setErrors(next);
    const first = next.text ? textRef.current : next.participants ? participantsRef.current : null;
    if (first) {
      first.focus();
      return;
    }
    const body: NoteCreate = {
      kind,
      visibility,
      text: text.trim(),
      ...(meeting ? { participants: names, ...(decisions.trim() ? { decisions: decisions.trim() } : {}) } : {}),
    };
    write.mutate(body);
  }

  return (
    <form ref={ref} onSubmit={submit} noValidate className="kc-form kc-subform" aria-labelledby={headingId} data-testid="note-form">
      <Heading level={3} id={headingId} tabIndex={-1}>
        {correcting ? t('support.notes.correctTitle') : t('support.notes.formTitle')}
      </Heading>
      {correcting ? <Paragraph>{t('support.notes.correctIntro')}</Paragraph> : null}
      <SelectField
        label={t('support.notes.kind')}
        name="kind"
        value={kind}
        onChange={(value) => setKind(value as NoteKind)}
        options={NOTE_KINDS.map((value) => ({ value, label: t(`support.noteKinds.${value}`) }))}
      />
      <SelectField
        label={t('support.notes.visibility')}
        name="visibility"
        value={visibility}
        onChange={(value) => setVisibility(value as NoteVisibility)}
        options={NOTE_VISIBILITIES.map((value) => ({ value, label: t(`support.noteVisibilityChoices.${value}`) }))}
        description={t(`support.noteVisibilityHelp.${visibility}`)}
      />
      <FormFieldTextarea
        inputRef={textRef}
        name="text"
        label={t('support.notes.text')}
        value={text}
        rows={4}
        maxLength={10000}
        onChange={(event) => setText(event.target.value)}
        invalid={Boolean(errors.text)}
        errorMessage={errors.text}
        required
      />
      {meeting ? (
        <>
          <FormFieldTextarea
            inputRef={participantsRef}
            name="participants"
            label={t('support.notes.participantsLabel')}
            description={t('support.notes.participantsHelp')}
            value={participants}
            rows={3}
            onChange={(event) => setParticipants(event.target.value)}
            invalid={Boolean(errors.participants)}
            errorMessage={errors.participants}
            required
          />
          <FormFieldTextarea
            name="decisions"
            label={t('support.notes.decisionsLabel')}
            value={decisions}
            rows={3}
            maxLength={5000}
            onChange={(event) => setDecisions(event.target.value)}
          />
        </>
      ) : null}
      {write.isError ? (
        <FormProblem
          error={write.error}
          messages={{ 409: correcting ? t('support.notes.correctConflict') : t('support.ended'), 403: t('support.notes.forbidden') }}
          fields={{
            text: t('support.notes.text'),
            participants: t('support.notes.participantsLabel'),
            decisions: t('support.notes.decisionsLabel'),
          }}
        />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={write.isPending} data-testid="note-submit">
          {correcting ? t('support.notes.submitCorrection') : t('support.notes.submit')}
        </Button>
        {correcting ? (
          <Button type="button" appearance="secondary-action-button" onClick={onCancel} disabled={write.isPending}>
            {t('support.notes.cancelCorrection')}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}
