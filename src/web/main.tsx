// Entry point of the web app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './i18n/index.js';
import './styles.css';
import { App } from './app/App.js';
import { ApiError, setCsrfToken } from './app/api.js';
import { ME_KEY } from './app/auth.js';

const queryClient: QueryClient = new QueryClient({
  // A session that ended on the server (expired, signed out elsewhere) sends the person to sign in.
  queryCache: new QueryCache({
    onError: (err) => {
      if (err instanceof ApiError && err.status === 401 && queryClient.getQueryData(ME_KEY)) {
        setCsrfToken(null);
        queryClient.setQueryData(ME_KEY, null);
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client mistakes (403, 404 …) are answers, not glitches: do not retry them.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  );
}
