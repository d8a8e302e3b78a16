// Requests of the direction pages (ADR 0027), with their cache keys: every act refreshes the whole ['direction']
// prefix, since a report, an approval or an acknowledgement moves figures at every level above.
import { useQuery } from '@tanstack/react-query';
import { client, ok } from '../../app/api.js';

export const DIRECTION = ['direction'] as const;

export function useInbox(bodyId: string) {
  return useQuery({
    queryKey: ['direction', 'inbox', bodyId],
    queryFn: ({ signal }) => ok(client.GET('/api/direction/inbox', { params: { query: { bodyId } }, signal })),
    enabled: !!bodyId,
    retry: false,
  });
}

export function useDirective(id: string, bodyId: string | undefined) {
  return useQuery({
    queryKey: ['direction', 'directive', id, bodyId ?? ''],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/direction/directives/{id}', {
          params: { path: { id }, query: bodyId ? { bodyId } : {} },
          signal,
        }),
      ),
    retry: false,
  });
}

export function useAcknowledgements(roundId: string, bodyId: string) {
  return useQuery({
    queryKey: ['direction', 'acks', roundId, bodyId],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/direction/rounds/{id}/acknowledgements', {
          params: { path: { id: roundId }, query: { bodyId } },
          signal,
        }),
      ),
    enabled: !!roundId && !!bodyId,
    retry: false,
  });
}

export function useRollup(roundId: string, bodyId: string, enabled = true) {
  return useQuery({
    queryKey: ['direction', 'rollup', roundId, bodyId],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/direction/rounds/{id}/rollup', {
          params: { path: { id: roundId }, query: { bodyId } },
          signal,
        }),
      ),
    enabled: enabled && !!roundId && !!bodyId,
    retry: false,
  });
}

export function useReport(roundId: string, bodyId: string) {
  return useQuery({
    queryKey: ['direction', 'report', roundId, bodyId],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/direction/rounds/{id}/reports/{bodyId}', {
          params: { path: { id: roundId, bodyId } },
          signal,
        }),
      ),
    retry: false,
  });
}

export function useForms() {
  return useQuery({
    queryKey: ['direction', 'forms'],
    queryFn: ({ signal }) => ok(client.GET('/api/direction/forms', { signal })),
    retry: false,
  });
}

export function useReportForm(id: string | null | undefined) {
  return useQuery({
    queryKey: ['direction', 'form', id ?? ''],
    queryFn: ({ signal }) => ok(client.GET('/api/direction/forms/{id}', { params: { path: { id: id! } }, signal })),
    enabled: !!id,
    retry: false,
  });
}

export function useCampaign(id: string, bodyId: string) {
  return useQuery({
    queryKey: ['direction', 'campaign', id, bodyId],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/direction/campaigns/{id}', {
          params: { path: { id }, query: bodyId ? { bodyId } : {} },
          signal,
        }),
      ),
    enabled: !!id,
    retry: false,
  });
}

export function useCampaignProgress(id: string, bodyId: string, enabled = true) {
  return useQuery({
    queryKey: ['direction', 'campaign-progress', id, bodyId],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/direction/campaigns/{id}/progress', {
          params: { path: { id }, query: { bodyId } },
          signal,
        }),
      ),
    enabled: enabled && !!id && !!bodyId,
    retry: false,
  });
}

export function useNotices(bodyId: string) {
  return useQuery({
    queryKey: ['direction', 'notices', bodyId],
    queryFn: ({ signal }) => ok(client.GET('/api/direction/notices', { params: { query: { bodyId } }, signal })),
    enabled: !!bodyId,
    retry: false,
  });
}

/** The adopted motions that can found a directive or a concretisation of the body (for its office holders). */
export function useAdoptedMotions(bodyId: string, enabled = true) {
  return useQuery({
    queryKey: ['direction', 'motions', bodyId],
    queryFn: ({ signal }) =>
      ok(client.GET('/api/direction/bodies/{bodyId}/motions', { params: { path: { bodyId } }, signal })),
    enabled: enabled && !!bodyId,
    retry: false,
  });
}

export function useIndicators() {
  return useQuery({
    queryKey: ['direction', 'indicators'],
    queryFn: ({ signal }) => ok(client.GET('/api/direction/indicators', { signal })),
    retry: false,
  });
}
