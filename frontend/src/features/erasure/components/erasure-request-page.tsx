import {
  Button,
  ButtonGroup,
  FormFieldCheckbox,
  FormFieldTextarea,
  FormFieldTextbox,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActions } from '@/components/ui/confirm-actions';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { RouterLink } from '@/components/ui/router-link';
import { useFormatters } from '@/hooks/use-formatters';
import { todayIsoDate } from '@/lib/format';
import { useCreateErasureRequest } from '@/features/erasure/api/create-erasure-request';
import { useErasureAssessment } from '@/features/erasure/api/get-erasure-assessment';
import { useErasureRequest } from '@/features/erasure/api/get-erasure-request';
import type {
  CategoryAssessment,
  ErasureCategory,
  ErasureRequest,
} from '@/features/erasure/types';

type Props = { childId: string; childName?: string };

/**
 * A guardian's erasure request (AVG art. 17), handled by a centre admin: the assessment (what can
 * go, what must stay and why), the choice of what the request names, a confirmation, and the
 * outcome as the server recorded it. The server decides what is erasable; this only shows it.
 */
export function ErasureRequestPage({ childId, childName }: Props) {
  const { t } = useTranslation();
  const assessment = useErasureAssessment(childId);
  const create = useCreateErasureRequest();
  const [chosen, setChosen] = useState<ErasureCategory[]>([]);
  const [receivedOn, setReceivedOn] = useState(todayIsoDate());
  const [note, setNote] = useState('');
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [error, setError] = useState<string | undefined>();
  const [recordId, setRecordId] = useState<string | null>(null);
  const record = useErasureRequest(recordId);
  const firstBox = useRef<HTMLInputElement>(null);
  const legendId = useId();

  const back = (
    <Paragraph className="kc-back">
      <RouterLink to={`/children/${childId}`}>{t('erasure.back')}</RouterLink>
    </Paragraph>
  );
  const title = childName ? t('erasure.titleFor', { name: childName }) : t('erasure.title');

  if (record.data) {
    return (
      <div className="kc-erasure">
        {back}
        <ErasureOutcome record={record.data} />
      </div>
    );
  }

  const categories = assessment.data?.categories ?? [];
  const byCategory = new Map(categories.map((c) => [c.category, c]));
  const toErase = chosen.filter((c) => byCategory.get(c)?.erasable);
  const toKeep = chosen.filter((c) => !byCategory.get(c)?.erasable);

  function next(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen.length === 0) {
      setError(t('erasure.form.chooseOne'));
      firstBox.current?.focus();
      return;
    }
    setError(undefined);
    setStep('confirm');
  }

  function confirm() {
    create.mutate(
      {
        childId,
        categories: chosen,
        requestReceivedOn: receivedOn,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: (made) => setRecordId(made.id) },
    );
  }

  return (
    <div className="kc-erasure">
      {back}
      <Heading level={1}>{title}</Heading>
      <Paragraph>{t('erasure.intro')}</Paragraph>
      {assessment.isPending ? <Loading /> : null}
      {assessment.isError ? <ProblemAlert error={assessment.error} /> : null}
      {assessment.data ? (
        <>
          {assessment.data.onLegalHold ? (
            <Paragraph className="kc-notice" role="note">
              {t('erasure.onHold')}
            </Paragraph>
          ) : null}
          <AssessmentTable categories={categories} />
          {step === 'choose' ? (
            <form onSubmit={next} noValidate className="kc-form" aria-labelledby={legendId}>
              <Heading level={2} id={legendId}>
                {t('erasure.form.legend')}
              </Heading>
              <Paragraph>{t('erasure.form.legendHelp')}</Paragraph>
              {error ? (
                <Paragraph className="kc-field-error" role="alert">
                  {error}
                </Paragraph>
              ) : null}
              {categories.map((c, index) => (
                <FormFieldCheckbox
                  key={c.category}
                  inputRef={index === 0 ? firstBox : undefined}
                  name="categories"
                  value={c.category}
                  label={`${t(`erasure.categories.${c.category}`)} (${c.count})`}
                  description={c.reason ? t(`erasure.reasons.${c.reason}`) : undefined}
                  checked={chosen.includes(c.category)}
                  onChange={(event) =>
                    setChosen((now) =>
                      event.target.checked
                        ? [...now, c.category]
                        : now.filter((value) => value !== c.category),
                    )
                  }
                />
              ))}
              <FormFieldTextbox
                name="requestReceivedOn"
                type="date"
                label={t('erasure.form.receivedOn')}
                max={todayIsoDate()}
                value={receivedOn}
                onChange={(event) => setReceivedOn((event.target as HTMLInputElement).value)}
                required
              />
              <FormFieldTextarea
                name="note"
                label={t('erasure.form.note')}
                description={t('erasure.form.noteHelp')}
                maxLength={500}
                value={note}
                onChange={(event) => setNote((event.target as HTMLTextAreaElement).value)}
              />
              <ButtonGroup>
                <Button type="submit" appearance="primary-action-button">
                  {t('erasure.form.next')}
                </Button>
              </ButtonGroup>
            </form>
          ) : (
            <ConfirmStep
              toErase={toErase}
              toKeep={toKeep}
              byCategory={byCategory}
              busy={create.isPending}
              error={create.error}
              onConfirm={confirm}
              onBack={() => {
                create.reset();
                setStep('choose');
              }}
            />
          )}
        </>
      ) : null}
    </div>
  );
}

function AssessmentTable({ categories }: { categories: CategoryAssessment[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="kc-section">
      <Heading level={2} id={headingId}>
        {t('erasure.assessmentTitle')}
      </Heading>
      <table className="kc-table">
        <caption>{t('erasure.assessmentCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('erasure.category')}</th>
            <th scope="col">{t('erasure.count')}</th>
            <th scope="col">{t('erasure.status')}</th>
            <th scope="col">{t('erasure.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.category} data-category={c.category}>
              <th scope="row">{t(`erasure.categories.${c.category}`)}</th>
              <td>{c.count}</td>
              <td>{c.erasable ? t('erasure.erasable') : t('erasure.kept')}</td>
              <td>{c.reason ? t(`erasure.reasons.${c.reason}`) : t('erasure.noReason')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ConfirmStep({
  toErase,
  toKeep,
  byCategory,
  busy,
  error,
  onConfirm,
  onBack,
}: {
  toErase: ErasureCategory[];
  toKeep: ErasureCategory[];
  byCategory: Map<ErasureCategory, CategoryAssessment>;
  busy: boolean;
  error: Error | null;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="kc-erasure-confirm" className="kc-section kc-confirm">
      <Heading level={2} id="kc-erasure-confirm" ref={headingRef} tabIndex={-1}>
        {t('erasure.confirm.title')}
      </Heading>
      {error ? <ProblemAlert error={error} /> : null}
      <Paragraph>{t('erasure.confirm.willErase')}</Paragraph>
      {toErase.length ? (
        <UnorderedList>
          {toErase.map((c) => (
            <UnorderedListItem key={c}>{t(`erasure.categories.${c}`)}</UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>{t('erasure.confirm.nothingToErase')}</Paragraph>
      )}
      {toKeep.length ? (
        <>
          <Paragraph>{t('erasure.confirm.willKeep')}</Paragraph>
          <UnorderedList>
            {toKeep.map((c) => {
              const reason = byCategory.get(c)?.reason;
              return (
                <UnorderedListItem key={c}>
                  {t(`erasure.categories.${c}`)}
                  {reason ? `: ${t(`erasure.reasons.${reason}`)}` : ''}
                </UnorderedListItem>
              );
            })}
          </UnorderedList>
        </>
      ) : null}
      <Paragraph>
        <strong>{t('erasure.confirm.final')}</strong>
      </Paragraph>
      <ConfirmActions
        confirmLabel={t('erasure.confirm.yes')}
        keepLabel={t('erasure.confirm.no')}
        busy={busy}
        danger
        onConfirm={onConfirm}
        onKeep={onBack}
      />
    </section>
  );
}

/** The outcome as recorded: what was erased (per kind, deleted or kept without content) and
 * what was kept, with the reason. */
export function ErasureOutcome({ record }: { record: ErasureRequest }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const parts = record.erased.flatMap((c) => c.parts.filter((p) => p.count > 0));
  return (
    <section aria-labelledby="kc-erasure-done" className="kc-section" data-testid="erasure-outcome">
      <Heading level={1} id="kc-erasure-done" ref={headingRef} tabIndex={-1}>
        {t('erasure.done.title')}
      </Heading>
      <Paragraph>
        {t('erasure.done.recorded', {
          date: format.date(record.handledAt),
          received: format.date(record.requestReceivedOn),
        })}
      </Paragraph>
      <Heading level={2}>{t('erasure.done.erased')}</Heading>
      {parts.length ? (
        <UnorderedList>
          {parts.map((p) => (
            <UnorderedListItem key={`${p.kind}-${p.handling}`}>
              {t('erasure.done.part', {
                count: p.count,
                kind: t(`erasure.parts.${p.kind}`, { defaultValue: p.kind }),
                handling: t(`erasure.handling.${p.handling}`),
              })}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>{t('erasure.done.nothingErased')}</Paragraph>
      )}
      {record.kept.length ? (
        <>
          <Heading level={2}>{t('erasure.done.kept')}</Heading>
          <UnorderedList>
            {record.kept.map((k) => (
              <UnorderedListItem key={k.category}>
                {t('erasure.done.keptLine', {
                  category: t(`erasure.categories.${k.category}`),
                  count: k.count,
                  reason: t(`erasure.reasons.${k.reason}`),
                })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
    </section>
  );
}
