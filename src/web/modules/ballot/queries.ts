// Requests of the ballot panels. Lists reload when the meeting's revision changes (their keys sit under the
// meeting's) and when the live vote changes status; the panels' own acts reload them at once.
import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useOneMutation } from '../../app/act.js';
import { client, ok } from '../../app/api.js';
import type { Live } from '../assembly/queries.js';
import { ballotKeys } from './keys.js';

export function useMotions(meetingId: string, enabled = true) {
  return useQuery({
    queryKey: ballotKeys.motions(meetingId),
    queryFn: ({ signal }) =>
      ok(client.GET('/api/meetings/{id}/motions', { params: { path: { id: meetingId } }, signal })),
    enabled,
    retry: false,
  });
}

export function useVotes(meetingId: string, enabled = true) {
  return useQuery({
    queryKey: ballotKeys.votes(meetingId),
    queryFn: ({ signal }) =>
      ok(client.GET('/api/meetings/{id}/votes', { params: { path: { id: meetingId } }, signal })),
    enabled,
    retry: false,
  });
}

/** A vote (with where the voter's own token is); `pollMs` while this device waits for its token to be taken. */
export function useVote(meetingId: string, voteId: string | null | undefined, pollMs?: number) {
  return useQuery({
    queryKey: ballotKeys.vote(meetingId, voteId ?? ''),
    queryFn: ({ signal }) => ok(client.GET('/api/votes/{id}', { params: { path: { id: voteId! } }, signal })),
    enabled: !!voteId,
    retry: false,
    refetchInterval: pollMs ?? false,
  });
}

export function useElections(meetingId: string, enabled = true) {
  return useQuery({
    queryKey: ballotKeys.elections(meetingId),
    queryFn: ({ signal }) =>
      ok(client.GET('/api/meetings/{id}/elections', { params: { path: { id: meetingId } }, signal })),
    enabled,
    retry: false,
  });
}

export function useMandates(meetingId: string, enabled = true) {
  return useQuery({
    queryKey: ballotKeys.mandates(meetingId),
    queryFn: ({ signal }) =>
      ok(client.GET('/api/meetings/{id}/mandates', { params: { path: { id: meetingId } }, signal })),
    enabled,
    retry: false,
  });
}

/** One typed call of the client, e.g. `() => ok(client.POST('/api/votes/{id}/open', …))`. */
export type BallotCall = () => Promise<unknown>;

/** One mutation for a panel's buttons: runs the call, then reloads the ballot lists and the protocol. */
export function useBallotAction(meetingId: string) {
  const qc = useQueryClient();
  return useOneMutation({
    mutationFn: (call: BallotCall) => call(),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ballotKeys.all(meetingId) });
      void qc.invalidateQueries({ queryKey: ['meeting', meetingId, 'protocol'] });
    },
  });
}

/**
 * Reloads the ballot lists when the meeting changes: a new revision (a motion moved, a candidate nominated, a
 * vote announced…) or the live vote changing status. Ballots arriving in a secret vote do not change the revision
 * (the server only signals the live stream), so thousands of screens do not refetch the lists with every batch;
 * the count itself comes with the live state.
 */
export function useBallotLiveSync(meetingId: string, live: Live): void {
  const qc = useQueryClient();
  const s = live.state;
  const v = s?.vote ?? null;
  const revision = s?.revision ?? -1;
  const sig = v ? `${v.id}:${v.status}:${v.method}` : '';
  const last = useRef<{ revision: number; sig: string } | null>(null);
  useEffect(() => {
    if (revision < 0) return;
    const prev = last.current;
    last.current = { revision, sig };
    if (prev && (prev.sig !== sig || prev.revision !== revision))
      void qc.invalidateQueries({ queryKey: ballotKeys.all(meetingId) });
  }, [revision, sig, meetingId, qc]);
}
