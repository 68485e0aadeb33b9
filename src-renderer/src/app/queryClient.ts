/**
 * The one query cache of the renderer (TanStack Query). A screen's data is keyed by what
 * it asked for, so an answer to an earlier request never replaces a later one; change
 * events patch or invalidate exactly the keys they name. Hooks pass this client
 * explicitly, so no provider has to wrap the app.
 */
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // the main side announces every change: data is fresh until an event says otherwise
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      retry: false,
    },
  },
});
