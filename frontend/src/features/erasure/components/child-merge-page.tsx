import {
  Button,
  FormFieldTextbox,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActions } from '@/components/ui/confirm-actions';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { RouterLink } from '@/components/ui/router-link';
import { useFormatters } from '@/hooks/use-formatters';
import { useCreateChildMerge } from '@/features/erasure/api/create-child-merge';
import { useChildMergePreview } from '@/features/erasure/api/preview-child-merge';
import { type ChildCandidate, useChildSearch } from '@/features/erasure/api/search-children';

type Props = { childId: string; childName?: string };

/**
 * Two records of the same child: this one (the survivor) stays; the admin finds the duplicate,
 * sees what would move (the server's preview) and confirms. The server checks that both are the
 * admin's and may be merged (different BSNs, a legal hold: refused).
 */
export function ChildMergePage({ childId, childName }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [query, setQuery] = useState('');
  const [duplicate, setDuplicate] = useState<ChildCandidate | null>(null);
  const search = useChildSearch(query);
  const preview = useChildMergePreview(childId, duplicate?.id ?? null);
  const merge = useCreateChildMerge();
  const resultsId = useId();
  const name = childName ?? '';

  if (merge.isSuccess) {
    return (
      <div className="kc-merge">
        <MergeDone childId={childId} name={name} />
      </div>
    );
  }

  const candidates = (search.data ?? []).filter((c) => c.id !== childId);
  return (
    <div className="kc-merge">
      <Paragraph className="kc-back">
        <RouterLink to={`/children/${childId}`}>{t('erasure.back')}</RouterLink>
      </Paragraph>
      <Heading level={1}>{name ? t('erasure.merge.titleFor', { name }) : t('erasure.merge.title')}</Heading>
      <Paragraph>{t('erasure.merge.intro')}</Paragraph>
      {duplicate === null ? (
        <>
          <FormFieldTextbox
            name="q"
            type="search"
            label={t('erasure.merge.search')}
            description={t('erasure.merge.searchHelp')}
            value={query}
            onChange={(event) => setQuery((event.target as HTMLInputElement).value)}
          />
          {search.isError ? <ProblemAlert error={search.error} /> : null}
          {query.trim().length >= 2 && search.data ? (
            <section aria-labelledby={resultsId} className="kc-section">
              <Heading level={2} id={resultsId}>
                {t('erasure.merge.results')}
              </Heading>
              {candidates.length ? (
                <UnorderedList className="kc-plain-list">
                  {candidates.map((c) => (
                    <UnorderedListItem key={c.id}>
                      <Button
                        type="button"
                        appearance="secondary-action-button"
                        onClick={() => setDuplicate(c)}
                      >
                        {t('erasure.merge.pick', {
                          name: `${c.givenName} ${c.familyName}`,
                          date: format.date(c.dateOfBirth),
                        })}
                      </Button>
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              ) : (
                <Paragraph>{t('erasure.merge.noResults')}</Paragraph>
              )}
            </section>
          ) : null}
        </>
      ) : (
        <section aria-labelledby="kc-merge-preview" className="kc-section">
          <Heading level={2} id="kc-merge-preview">
            {t('erasure.merge.previewTitle')}
          </Heading>
          <Paragraph>
            {duplicate.givenName} {duplicate.familyName}, {format.date(duplicate.dateOfBirth)}
          </Paragraph>
          {preview.isPending ? <Loading /> : null}
          {preview.isError ? <ProblemAlert error={preview.error} /> : null}
          {merge.isError ? <ProblemAlert error={merge.error} /> : null}
          {preview.data ? (
            <>
              {preview.data.parts.length ? (
                <table className="kc-table">
                  <caption>{t('erasure.merge.previewCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('erasure.merge.kind')}</th>
                      <th scope="col">{t('erasure.merge.moved')}</th>
                      <th scope="col">{t('erasure.merge.dropped')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.data.parts.map((p) => (
                      <tr key={p.kind} data-kind={p.kind}>
                        <th scope="row">{t(`erasure.merge.kinds.${p.kind}`, { defaultValue: p.kind })}</th>
                        <td>{p.moved}</td>
                        <td>{p.dropped}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <Paragraph>{t('erasure.merge.nothingToMove')}</Paragraph>
              )}
              <Paragraph>
                <strong>{t('erasure.merge.final')}</strong>
              </Paragraph>
            </>
          ) : null}
          <ConfirmActions
            confirmLabel={t('erasure.merge.yes')}
            keepLabel={t('erasure.merge.no')}
            busy={merge.isPending}
            danger
            onConfirm={() => {
              if (preview.data) merge.mutate({ survivorId: childId, duplicateId: duplicate.id });
            }}
            onKeep={() => {
              merge.reset();
              setDuplicate(null);
            }}
          />
        </section>
      )}
    </div>
  );
}

function MergeDone({ childId, name }: { childId: string; name: string }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="kc-merge-done" className="kc-section" data-testid="merge-done">
      <Heading level={1} id="kc-merge-done" ref={headingRef} tabIndex={-1}>
        {t('erasure.merge.doneTitle')}
      </Heading>
      <Paragraph>{t('erasure.merge.done', { name })}</Paragraph>
      <Paragraph>
        <RouterLink to={`/children/${childId}`}>{t('erasure.back')}</RouterLink>
      </Paragraph>
    </section>
  );
}
