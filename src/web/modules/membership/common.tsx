// Shared pieces of the membership pages: the statute in force, a query that may be refused or
// missing (shown as a quiet note, not a broken page); worklists are drawn by ui/Worklist.tsx.
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { Penalty } from '../../../contracts/membership-rules.js';
import { client, ok } from '../../app/api.js';

export function useStatute() {
  return useQuery({
    queryKey: ['statute'],
    queryFn: ({ signal }) => ok(client.GET('/api/statute', { signal })),
    staleTime: 60_000,
  });
}

export function usePenalties(): Penalty[] {
  const s = useStatute();
  return s.data?.rules.membership.penalties ?? ['warning', 'reprimand', 'severe_reprimand_with_record', 'expulsion'];
}

/** A worklist's query: `read` is the typed call (null while it cannot be made yet). */
export function useList<T>(key: QueryKey, read: ((signal: AbortSignal) => Promise<T>) | null) {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => read!(signal),
    enabled: read !== null,
    retry: false,
    placeholderData: keepPreviousData,
  });
}
