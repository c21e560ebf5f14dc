import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { AuthProvider, tokenStore, type TokenStore } from '@/lib/auth';
import { i18n } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query';

type AppProviderProps = {
  children: ReactNode;
  queryClient?: QueryClient;
  store?: TokenStore;
};

/** Everything a screen needs around it: translations, server state and the session. */
export function AppProvider({ children, queryClient, store = tokenStore }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());

  // When the session ends (logout, or a refused refresh) no data of that user may stay in memory.
  useEffect(() => {
    let hadSession = store.get() !== null;
    return store.subscribe(() => {
      const hasSession = store.get() !== null;
      if (hadSession && !hasSession) client.clear();
      hadSession = hasSession;
    });
  }, [store, client]);

  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <AuthProvider store={store}>{children}</AuthProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
