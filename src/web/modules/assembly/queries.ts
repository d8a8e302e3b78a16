// Requests of the meeting pages and the live stream: one EventSource per page on /api/meetings/{id}/stream,
// whose `state` events update the live panel and tell which lists to reload (revision, transcript, notes).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useOneMutation } from '../../app/act.js';
import type { LiveState } from '../../../contracts/assembly.js';
import { client, isApiError, ok, urlOf } from '../../app/api.js';
import { keys } from './keys.js';

const meetingPath = (id: string) => ({ params: { path: { id } } });

export function useMeeting(id: string) {
  return useQuery({
    queryKey: keys.meeting(id),
    queryFn: ({ signal }) => ok(client.GET('/api/meetings/{id}', { ...meetingPath(id), signal })),
    enabled: !!id,
  });
}

export function useBodyMeetings(bodyId: string) {
  return useQuery({
    queryKey: keys.body(bodyId),
    queryFn: ({ signal }) =>
      ok(client.GET('/api/bodies/{id}/meetings', { params: { path: { id: bodyId }, query: { limit: 50 } }, signal })),
    retry: false,
  });
}

export function useMyMeetings() {
  return useQuery({
    queryKey: keys.mine,
    queryFn: ({ signal }) => ok(client.GET('/api/me/meetings', { signal })),
  });
}

export function useFloor(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.floor(id),
    queryFn: ({ signal }) => ok(client.GET('/api/meetings/{id}/floor', { ...meetingPath(id), signal })),
    enabled,
    retry: false,
  });
}

export function useTranscript(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.transcript(id),
    queryFn: ({ signal }) => ok(client.GET('/api/meetings/{id}/transcript', { ...meetingPath(id), signal })),
    enabled,
    retry: false,
  });
}

export function useNotes(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.notes(id),
    queryFn: ({ signal }) => ok(client.GET('/api/meetings/{id}/notes', { ...meetingPath(id), signal })),
    enabled,
    retry: false,
  });
}

export function useProtocol(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.protocol(id),
    queryFn: async ({ signal }) => {
      try {
        return await ok(client.GET('/api/meetings/{id}/protocol', { ...meetingPath(id), signal }));
      } catch (err) {
        // No protocol generated yet.
        if (isApiError(err, 404)) return null;
        throw err;
      }
    },
    enabled,
    retry: false,
  });
}

export function useParticipants(id: string, q: string, present: 'yes' | 'no' | 'all', enabled = true) {
  return useQuery({
    queryKey: keys.participants(id, q, present),
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/meetings/{id}/participants', {
          params: { path: { id }, query: { q, present, limit: 100 } },
          signal,
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export type Connection = 'connecting' | 'live' | 'reconnecting';

export interface Live {
  state: LiveState | null;
  /** Client clock (ms) when `state` arrived: with `state.at`, the server's clock now. */
  receivedAt: number;
  connection: Connection;
  /** Fetches the state now (after one's own act, e.g. a ballot cast, rather than wait for the stream). */
  refresh?: () => void;
}

/** What the list of speakers looks like in a state: who speaks, who waits (changes whenever the floor does). */
function floorSignature(s: LiveState): string {
  return `${s.speaker?.requestId ?? ''}|${s.queueLength}|${s.queue.map((q) => q.requestId).join(',')}`;
}

/**
 * The meeting's live state: fetched once, then kept current by the SSE stream. Changes of the revision,
 * the transcript count or the notes counters invalidate the queries that depend on them.
 */
export function useLive(id: string): Live {
  const qc = useQueryClient();
  const [live, setLive] = useState<Live>(() => ({ state: null, receivedAt: Date.now(), connection: 'connecting' }));
  const last = useRef<LiveState | null>(null);
  const adoptRef = useRef<((s: LiveState) => void) | null>(null);

  useEffect(() => {
    if (!id) return;
    let closed = false;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let delay = 1_000;

    const adopt = (s: LiveState) => {
      const prev = last.current;
      // never step back to a state older than one already shown (a fetch and the stream may cross)
      if (prev && Date.parse(s.at) < Date.parse(prev.at)) return;
      last.current = s;
      setLive({ state: s, receivedAt: Date.now(), connection: 'live' });
      qc.setQueryData(keys.live(id), s);
      if (!prev) return;
      const inv = (queryKey: readonly unknown[]) => void qc.invalidateQueries({ queryKey });
      if (prev.revision !== s.revision || prev.status !== s.status) {
        inv(keys.meeting(id));
        inv(keys.floor(id));
        inv(keys.participantsAll(id));
        inv(keys.protocol(id));
        inv(keys.all);
      }
      // the floor changes without a new revision (a speech ends, a request is withdrawn): one's own lines follow it
      if (floorSignature(prev) !== floorSignature(s)) inv(keys.floor(id));
      if (prev.transcriptCount !== s.transcriptCount || prev.revision !== s.revision) inv(keys.transcript(id));
      // what may be done with the notes follows the meeting's status (no answers once it has closed)
      if (prev.status !== s.status) inv(keys.notes(id));
      if (prev.notesCount !== s.notesCount || prev.notesAnswered !== s.notesAnswered) {
        inv(keys.notes(id));
        inv(keys.transcript(id));
      }
    };

    adoptRef.current = (s: LiveState) => {
      if (!closed) adopt(s);
    };

    // The first picture, in case the stream is slow to connect.
    ok(client.GET('/api/meetings/{id}/live', meetingPath(id)))
      .then((s) => {
        if (!closed && !last.current) adopt(s);
      })
      .catch(() => undefined);

    const connect = () => {
      if (closed) return;
      source = new EventSource(urlOf('/api/meetings/{id}/stream', { id }));
      source.addEventListener('open', () => {
        delay = 1_000;
        setLive((l) => ({ ...l, connection: 'live' }));
      });
      source.addEventListener('state', (ev) => {
        try {
          adopt(JSON.parse((ev as MessageEvent<string>).data) as LiveState);
        } catch {
          // a malformed event: wait for the next one
        }
      });
      source.addEventListener('error', () => {
        if (closed) return;
        setLive((l) => ({ ...l, connection: 'reconnecting' }));
        // The browser reconnects by itself unless the server refused (then the source is closed).
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
      adoptRef.current = null;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [id, qc]);

  const refresh = useCallback(() => {
    if (!id) return;
    ok(client.GET('/api/meetings/{id}/live', meetingPath(id)))
      .then((s) => adoptRef.current?.(s))
      .catch(() => undefined);
  }, [id]);
  return useMemo(() => ({ ...live, refresh }), [live, refresh]);
}

/** The server's clock now, estimated from the last state's `at` and when it arrived. */
export function serverNow(live: Live, clientNow: number): number {
  if (!live.state) return clientNow;
  const at = Date.parse(live.state.at);
  return Number.isNaN(at) ? clientNow : at + (clientNow - live.receivedAt);
}

/** Ticks every second (for countdowns). */
export function useNow(active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

/** One typed call of the client, e.g. `() => ok(client.POST('/api/meetings/{id}/open', …))`. */
export type MeetingCall = () => Promise<unknown>;

/**
 * One mutation for a panel's many buttons (give the floor, end, move up…): runs the call, then reloads
 * everything the meeting page shows. The live stream would too; this makes the actor's own view immediate.
 */
export function useMeetingAction(id: string) {
  const qc = useQueryClient();
  return useOneMutation({
    mutationFn: (call: MeetingCall) => call(),
    // Not awaited: a refetch cancelled by the stream's own invalidation must not keep the button busy.
    onSuccess: () => {
      for (const queryKey of [
        keys.meeting(id),
        keys.floor(id),
        keys.transcript(id),
        keys.notes(id),
        keys.protocol(id),
        keys.participantsAll(id),
      ]) {
        void qc.invalidateQueries({ queryKey });
      }
    },
  });
}
