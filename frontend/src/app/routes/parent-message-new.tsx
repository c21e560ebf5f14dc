import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { NewThreadForm } from '@/features/messages/components/new-thread-form';
import { ChildHeading } from '@/features/parent/components/child-badge';
import { useFamily } from '@/features/parent/hooks/use-family';

/**
 * /ouder/berichten/nieuw?kind=<childId>: a new message to the child's contact person (from the
 * home's "Stuur een bericht"); with several children the parent can choose another.
 */
export default function ParentMessageNewRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const family = useFamily();
  useDocumentTitle(t('messages.new.title'));
  const childId = params.get('kind') ?? family.children[0]?.id ?? '';
  const child = family.child(childId);
  const homeChild = family.home.data?.children.find((c) => c.id === childId);
  const contact = homeChild?.contactPerson ?? null;

  return (
    <>
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to="/ouder/berichten">
          {t('messages.thread.back')}
        </Link>
      </Paragraph>
      {child ? (
        <ChildHeading childId={child.id}>{t('messages.new.title')}</ChildHeading>
      ) : (
        <Heading level={1}>{t('messages.new.title')}</Heading>
      )}
      {family.isPending ? <Loading /> : null}
      {family.isError ? <ProblemAlert error={family.error} /> : null}
      {family.children.length > 1 ? (
        <SelectField
          label={t('messages.new.child')}
          name="kind"
          value={childId}
          onChange={(value) => setParams({ kind: value }, { replace: true })}
          options={family.children.map((c) => ({ value: c.id, label: c.givenName }))}
        />
      ) : null}
      {child && contact ? (
        <>
          <Paragraph data-testid="new-message-to">
            {t('messages.new.intro', { name: contact.displayName, child: child.givenName })}
          </Paragraph>
          <NewThreadForm
            key={child.id}
            childId={child.id}
            textLabel={t('messages.new.text')}
            onOpened={(thread) => navigate(`/ouder/berichten/${thread.id}`, { replace: true })}
          />
        </>
      ) : null}
      {child && !contact && family.home.data ? (
        <Paragraph>{t('messages.new.noContact', { child: child.givenName })}</Paragraph>
      ) : null}
    </>
  );
}
