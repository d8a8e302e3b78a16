// Direction read live and over time (ADR 0027 §9): the roll-up stream of one node (an EventSource on
// /api/direction/rounds/{id}/stream; each `changed` frame refetches the page's query), a schedule's series over its
// periods, and a committee's digest.
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Digest } from '../../../contracts/direction-insight.js';
import { client, ok, urlOf } from '../../app/api.js';

export type StreamState = 'connecting' | 'live' | 'reconnecting';

/**
 * Watches a round at one body: on every frame the queries under `queryKey` are refetched. Reconnects with a growing
 * delay when the server closed the stream; the browser retries by itself otherwise.
 */
export function useDirectionStream(roundId: string, bodyId: string, queryKey: readonly unknown[]): StreamState {
  const qc = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const key = JSON.stringify(queryKey);
  useEffect(() => {
    if (!roundId || !bodyId || typeof EventSource === 'undefined') return;
    let closed = false;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let delay = 1_000;
    const connect = () => {
      if (closed) return;
      source = new EventSource(urlOf('/api/direction/rounds/{id}/stream', { id: roundId }, { bodyId }));
      source.addEventListener('open', () => {
        delay = 1_000;
        setState('live');
      });
      source.addEventListener('changed', () => {
        void qc.invalidateQueries({ queryKey: JSON.parse(key) as unknown[] });
      });
      source.addEventListener('error', () => {
        if (closed) return;
        setState('reconnecting');
        if (source && source.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(connect, delay);
          delay = Math.min(delay * 2, 30_000);
        }
      });
    };
    connect();
    return () => {
      closed = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [roundId, bodyId, key, qc]);
  return state;
}

export function useSeries(scheduleId: string | null, bodyId: string) {
  return useQuery({
    queryKey: ['direction', 'series', scheduleId ?? '', bodyId],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/direction/schedules/{id}/series', {
          params: { path: { id: scheduleId! }, query: { bodyId } },
          signal,
        }),
      ),
    enabled: !!scheduleId && !!bodyId,
    retry: false,
  });
}

export function useDigest(bodyId: string) {
  return useQuery({
    queryKey: ['direction', 'digest', bodyId],
    // without `format` the route answers JSON (its CSV is a download link)
    queryFn: async ({ signal }) =>
      (await ok(client.GET('/api/direction/digest', { params: { query: { bodyId } }, signal }))) as Digest,
    enabled: !!bodyId,
    retry: false,
  });
}
