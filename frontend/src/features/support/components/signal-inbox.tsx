import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useOpenSignals } from '@/features/support/api/signals';
import { SignalList } from '@/features/support/components/signal-list';
import type { OrganisationOption } from '@/features/support/types';

type SignalInboxProps = {
  me: { id: string };
  organisations: OrganisationOption[];
};

/**
 * "Signalen": the open signals and parents' questions this user decides on (as contact person or
 * care coordinator), and the open ones they raised themselves, newest first.
 */
export function SignalInbox({ me, organisations }: SignalInboxProps) {
  const { t } = useTranslation();
  const signals = useOpenSignals();
  const items = useMemo(() => signals.data?.pages.flatMap((page) => page.items) ?? [], [signals.data]);

  return (
    <div className="kc-signal-inbox" data-testid="signal-inbox">
      {signals.isPending ? <Loading /> : null}
      {signals.isError ? <ProblemAlert error={signals.error} /> : null}
      <div aria-live="polite">
        {signals.isSuccess ? (
          <Paragraph>
            {items.length === 0 ? t('support.inbox.empty') : t('support.inbox.shown', { count: items.length })}
          </Paragraph>
        ) : null}
      </div>
      {signals.isSuccess ? (
        <SignalList
          signals={items}
          label={t('support.inbox.listLabel')}
          showChild
          // The list holds the signals to decide and one's own; one's own wait for someone else.
          canDecide={(signal) => signal.authorId !== me.id}
          decision={{ organisations }}
        />
      ) : null}
      {signals.hasNextPage ? (
        <ButtonGroup className="kc-children__more">
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={signals.isFetchingNextPage}
            onClick={() => {
              if (!signals.isFetchingNextPage) void signals.fetchNextPage();
            }}
          >
            {t('support.inbox.loadMore')}
          </Button>
        </ButtonGroup>
      ) : null}
    </div>
  );
}
