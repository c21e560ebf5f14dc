import {
  Alert,
  Button,
  ButtonGroup,
  FormFieldTextarea,
  FormFieldTextbox,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { AttachmentPicker, useAttachmentPicker } from '@/features/attachments/components/attachment-picker';
import { useCreateAnnouncement } from '@/features/announcements/api/create-announcement';
import type { Announcement, AnnouncementCreate, GroupRead } from '@/features/announcements/types';

/** One choice of audience: a group (`group:<id>`) or, for its admins, a whole centre (`centre:<id>`). */
export type AudienceOption = { value: string; label: string };

/** The audiences this person may address: their groups, and the centres they administer. */
export function audienceOptions(
  groups: GroupRead[],
  isCentreAdmin: boolean,
  labels: { centre: string },
): AudienceOption[] {
  const centres = isCentreAdmin ? [...new Set(groups.map((group) => group.centreId))] : [];
  return [
    ...centres.map((id) => ({ value: `centre:${id}`, label: labels.centre })),
    ...groups.map((group) => ({ value: `group:${group.id}`, label: group.name })),
  ];
}

type Field = 'audience' | 'title' | 'text';

/** The body the API takes for the chosen audience, with the uploaded files' ids when there are any. */
export function announcementBody(
  audience: string,
  title: string,
  text: string,
  requiresConfirmation: boolean,
  attachmentIds: string[] = [],
): AnnouncementCreate {
  const [kind, id = ''] = audience.split(':');
  const base = {
    title: title.trim(),
    text: text.trim(),
    requiresConfirmation,
    ...(attachmentIds.length > 0 ? { attachmentIds } : {}),
  };
  return kind === 'centre' ? { ...base, centreId: id } : { ...base, groupId: id };
}

/**
 * "Nieuwe mededeling": to one of the groups one works with (or the whole centre, for its admins),
 * a title, the text, files to go with it (PDF, JPEG or PNG up to 10 MB each, uploaded when
 * chosen), and whether families are asked to confirm they read it.
 */
export function AnnouncementComposer({ options }: { options: AudienceOption[] }) {
  const { t } = useTranslation();
  const create = useCreateAnnouncement();
  const [audience, setAudience] = useState(options.length === 1 ? (options[0]?.value ?? '') : '');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [confirm, setConfirm] = useState(false);
  const files = useAttachmentPicker();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [sent, setSent] = useState<Announcement | null>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  const confirmId = useId();

  useEffect(() => {
    if (sent) sentRef.current?.focus();
  }, [sent]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending || files.uploading) return;
    const found: Partial<Record<Field, string>> = {};
    if (!audience) found.audience = t('announcements.composer.errors.audience');
    if (!title.trim()) found.title = t('announcements.composer.errors.title');
    if (!text.trim()) found.text = t('announcements.composer.errors.text');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSent(null);
    create.mutate(announcementBody(audience, title, text, confirm, files.ids), {
      onSuccess: (announcement) => {
        setSent(announcement);
        setTitle('');
        setText('');
        setConfirm(false);
        files.clear();
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-announcement-composer" data-testid="announcement-composer">
      {sent ? (
        <div ref={sentRef} tabIndex={-1} data-testid="announcement-sent">
          <Alert type="ok" className="kc-alert">
            <Paragraph>
              {t('announcements.composer.sent', {
                title: sent.title,
                count: sent.counts?.recipients ?? 0,
              })}
            </Paragraph>
          </Alert>
        </div>
      ) : null}
      <SelectField
        label={t('announcements.composer.audience')}
        name="audience"
        value={audience}
        onChange={setAudience}
        options={options}
        placeholder={t('announcements.composer.audiencePlaceholder')}
        description={t('announcements.composer.audienceHelp')}
        errorMessage={errors.audience}
        required
      />
      <FormFieldTextbox
        name="title"
        label={t('announcements.composer.title')}
        value={title}
        maxLength={200}
        onChange={(event) => setTitle((event.target as HTMLInputElement).value)}
        invalid={Boolean(errors.title)}
        errorMessage={errors.title}
        required
      />
      <FormFieldTextarea
        name="text"
        label={t('announcements.composer.text')}
        rows={6}
        value={text}
        maxLength={10000}
        onChange={(event) => setText(event.target.value)}
        invalid={Boolean(errors.text)}
        errorMessage={errors.text}
        required
      />
      <div className="kc-announcement-composer__check">
        <input
          id={confirmId}
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
          checked={confirm}
          onChange={(event) => setConfirm(event.target.checked)}
        />
        <label htmlFor={confirmId} className="utrecht-form-label utrecht-form-label--checkbox">
          {t('announcements.composer.requiresConfirmation')}
        </label>
      </div>
      <AttachmentPicker picker={files} testId="announcement-file" />
      {create.isError ? <ProblemAlert error={create.error} /> : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={create.isPending} disabled={files.uploading}>
          {create.isPending ? t('announcements.composer.busy') : t('announcements.composer.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
