// The voter's ballot (meeting page and phone view). For a secret vote the eligibility token is obtained only when
// the voter chooses "Vote on this device" (ballot-client.ts): opening a page takes nothing, so any device can be the
// one. A token taken on another device can be moved here by its transfer code (text or QR shown there); the page
// says where the ballot is. Once the vote is open the ballot is shown: for / against / abstain for a motion; for an
// election a ranking by numbers (STV), up to `seats` marks (plurality) or any (approval). It is cast without
// cookies; the receipt is shown and kept. After the close, "Check my ballot" looks the receipt up on the published
// board and compares the board's hash with the one announced live.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BallotBoard,
  BallotContent,
  BallotReceipt,
  Choice,
  Election,
  LiveVote,
  ReceiptCheck,
  Vote,
} from '../../../contracts/ballot.js';
import type { Meeting } from '../../../contracts/assembly.js';
import { ApiError, client, ok } from '../../app/api.js';
import { useFormat } from '../../app/format.js';
import { FormError } from '../../ui/forms.js';
import {
  castBallot,
  forgetIfMoved,
  loadKept,
  obtainBallotToken,
  receiveToken,
  recomputeBoardHash,
  sameContent,
  setMoving,
  transferCodeOf,
  type KeptBallot,
} from './ballot-client.js';
import { useBallotLabels } from './common.js';
import { ballotKeys } from './keys.js';
import { useBallotAction, useElections, useVote } from './queries.js';
import type { Live } from '../assembly/queries.js';
import { QrCode, useDateTime } from '../assembly/common.js';
import { useQueryClient } from '@tanstack/react-query';
import type { NoteToken } from '../assembly/note-tokens.js';
import type { Translate } from '../../i18n/keys.js';

type TokenState = 'idle' | 'fetching' | 'ready' | 'error';

/** The kept token/receipt of a vote; the token is obtained only when the voter chooses this device. */
function useKeptBallot(vote: Vote | undefined, personId: string) {
  const voteId = vote?.id ?? '';
  const latest = useRef(vote);
  // eslint-disable-next-line react-hooks/refs -- the latest vote for obtain() and the effect below, never rendered
  latest.current = vote;
  const [kept, setKept] = useState<KeptBallot>(() => (voteId ? loadKept(voteId, personId) : {}));
  const [state, setState] = useState<TokenState>('idle');
  const [error, setError] = useState<unknown>(null);
  const refresh = useCallback(() => {
    const next = voteId ? loadKept(voteId, personId) : {};
    setKept((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  }, [voteId, personId]);
  const obtain = useCallback(async () => {
    const v = latest.current;
    if (!v) return;
    setState('fetching');
    setError(null);
    try {
      await obtainBallotToken(v, personId);
      setState('ready');
    } catch (err) {
      setState('error');
      setError(err);
    } finally {
      refresh();
    }
  }, [personId, refresh]);
  // the server says where the voter's token is: a token received here before its last move has moved on
  const movedAt = vote?.myToken?.movedAt ?? null;
  useEffect(() => {
    const v = latest.current; // this render's vote
    if (v) forgetIfMoved(v, personId);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- re-reads the ballot kept in this browser's storage
    refresh();
    // re-run when the server's move time changes (`vote` itself is a new object on every render)
  }, [voteId, personId, movedAt, refresh]);
  return { kept, state, error, obtain, refresh };
}

/** This device's token shown as a one-time transfer code (QR and text) until another device of the voter's takes it. */
function TransferShow({ token, onKeep }: { token: NoteToken; onKeep: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const code = transferCodeOf(token);
  const [copied, setCopied] = useState(false);
  return (
    <div className="transfer-show" data-testid="transfer-show">
      <p>{t('ballots.transferShowHelp')}</p>
      <QrCode text={code} label={t('ballots.transferQr')} size={240} />
      <label htmlFor={`${id}-code`}>{t('ballots.transferCode')}</label>
      <textarea
        id={`${id}-code`}
        className="transfer-code"
        data-testid="transfer-code"
        readOnly
        rows={5}
        value={code}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(code).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {t('ballots.copyCode')}
        </button>
        <button type="button" className="button button-secondary" data-testid="transfer-keep" onClick={onKeep}>
          {t('ballots.keepHere')}
        </button>
      </div>
      <p className="small" role="status" aria-live="polite">
        {copied ? t('ballots.codeCopied') : t('ballots.transferWaiting')}
      </p>
    </div>
  );
}

/** Takes the voter's token from another of their devices: its transfer code, typed or pasted here. */
function TransferEnter({ vote, personId, onDone }: { vote: Vote; personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const qc = useQueryClient();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!code.trim()) return setError(new ApiError(0, 'transfer_code_missing', t('ballots.transferCodeMissing')));
    setBusy(true);
    setError(null);
    try {
      await receiveToken(vote, personId, code);
      setCode('');
      void qc.invalidateQueries({ queryKey: ballotKeys.vote(vote.meetingId, vote.id) });
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'transfer_code_invalid'
          ? new ApiError(0, err.code, t('ballots.transferCodeInvalid'))
          : err,
      );
    } finally {
      setBusy(false);
      onDone();
    }
  };
  return (
    <form
      className="form transfer-enter"
      data-testid="transfer-enter"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={`${id}-in`}>{t('ballots.enterTransferCode')}</label>
      <textarea
        id={`${id}-in`}
        className="transfer-code"
        data-testid="transfer-input"
        rows={4}
        autoComplete="off"
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('forms.working') : t('ballots.takeBallotHere')}
      </button>
      <FormError id={`transfer-${vote.id}`} error={error} />
    </form>
  );
}

/** A ballot's form: its marks, what is wrong with them (if anything) and the button that casts it. */
function BallotForm({
  submit,
  problem,
  busy,
  children,
}: {
  submit: () => void;
  problem: string;
  busy: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="form ballot-form"
      data-testid="ballot-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {children}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button big-touch" disabled={busy}>
        {busy ? t('forms.working') : t('ballots.cast')}
      </button>
    </form>
  );
}

function MotionBallot({ onCast, busy }: { onCast: (c: BallotContent) => void; busy: boolean }) {
  const { t } = useTranslation();
  const L = useBallotLabels();
  const id = useId();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [problem, setProblem] = useState('');
  const submit = () => {
    if (!choice) return setProblem(t('ballots.chooseFirst'));
    setProblem('');
    onCast({ choice });
  };
  return (
    <BallotForm submit={submit} problem={problem} busy={busy}>
      <fieldset>
        <legend>{t('ballots.yourChoice')}</legend>
        {(['for', 'against', 'abstain'] as const).map((c) => (
          <label key={c} className="radio big-touch">
            <input type="radio" name={`${id}-c`} checked={choice === c} onChange={() => setChoice(c)} /> {L.choice(c)}
          </label>
        ))}
      </fieldset>
    </BallotForm>
  );
}

/** Ranks typed as numbers → candidate ids in order; a problem text when the numbers are not 1, 2, 3… */
export function rankingOf(ranks: Record<string, string>, t: Translate): string[] | string {
  const entries = Object.entries(ranks)
    .map(([id, s]) => [id, s.trim()] as const)
    .filter(([, s]) => s !== '');
  const nums = entries.map(([id, s]) => [id, /^\d+$/.test(s) ? Number(s) : NaN] as const);
  if (nums.some(([, n]) => Number.isNaN(n) || n < 1)) return t('ballots.rankNumbers');
  const sorted = [...nums].sort((a, b) => a[1] - b[1]);
  for (let i = 0; i < sorted.length; i++) if (sorted[i]![1] !== i + 1) return t('ballots.rankSequence');
  return sorted.map(([id]) => id);
}

function ElectionBallot({
  election,
  onCast,
  busy,
}: {
  election: Election;
  onCast: (c: BallotContent) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const running = election.candidates
    .filter((c) => c.consent === 'consented' && !c.withdrawn)
    .sort((a, b) => a.position - b.position);
  const stv = election.method === 'scottish_stv' || election.method === 'meek';
  const [ranks, setRanks] = useState<Record<string, string>>({});
  const [marked, setMarked] = useState<string[]>([]);
  const [problem, setProblem] = useState('');
  const ranking = stv ? rankingOf(ranks, t) : null;
  const name = (cid: string) => {
    const c = running.find((r) => r.personId === cid);
    return c ? f.name(c) : cid;
  };
  /** Moves a candidate one place up or down in the ranking (keyboard alternative to typing numbers). */
  const move = (cid: string, delta: -1 | 1) => {
    const order = Array.isArray(ranking) ? [...ranking] : [];
    if (!order.includes(cid)) order.push(cid);
    const i = order.indexOf(cid);
    const j = i + delta;
    if (j >= 0 && j < order.length) [order[i], order[j]] = [order[j]!, order[i]!];
    setRanks(Object.fromEntries(order.map((c, k) => [c, String(k + 1)])));
  };
  const submit = () => {
    if (stv) {
      if (typeof ranking === 'string') return setProblem(ranking);
      setProblem('');
      onCast({ prefs: ranking ?? [] });
      return;
    }
    if (election.method === 'plurality' && marked.length > election.seats)
      return setProblem(t('ballots.tooMany', { count: election.seats, n: election.seats }));
    setProblem('');
    onCast({ prefs: running.map((c) => c.personId).filter((c) => marked.includes(c)) });
  };
  return (
    <BallotForm submit={submit} problem={problem} busy={busy}>
      <p className="small" id={`${id}-help`}>
        {stv
          ? t('ballots.rankHelp', { count: election.seats, seats: election.seats })
          : election.method === 'plurality'
            ? t('ballots.pluralityHelp', { count: election.seats, n: election.seats })
            : t('ballots.approvalHelp')}
      </p>
      <fieldset aria-describedby={`${id}-help`}>
        <legend>{t('ballots.candidates')}</legend>
        <ul className="ballot-candidates">
          {running.map((c) =>
            stv ? (
              <li key={c.personId} className="rank-row" data-testid="ballot-candidate">
                <label htmlFor={`${id}-${c.personId}`} className="rank-name">
                  {f.name(c)}
                </label>
                <input
                  id={`${id}-${c.personId}`}
                  className="rank-input"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={running.length}
                  aria-label={t('ballots.rankFor', { name: f.name(c) })}
                  value={ranks[c.personId] ?? ''}
                  onChange={(e) => setRanks((r) => ({ ...r, [c.personId]: e.target.value }))}
                />
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={t('ballots.rankUp', { name: f.name(c) })}
                  onClick={() => move(c.personId, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={t('ballots.rankDown', { name: f.name(c) })}
                  onClick={() => move(c.personId, 1)}
                >
                  ↓
                </button>
              </li>
            ) : (
              <li key={c.personId} data-testid="ballot-candidate">
                <label className="radio big-touch">
                  <input
                    type="checkbox"
                    checked={marked.includes(c.personId)}
                    onChange={(e) =>
                      setMarked((m) => (e.target.checked ? [...m, c.personId] : m.filter((x) => x !== c.personId)))
                    }
                  />{' '}
                  {f.name(c)}
                </label>
              </li>
            ),
          )}
        </ul>
      </fieldset>
      {stv && (
        <p className="small" aria-live="polite" data-testid="ranking-preview">
          {Array.isArray(ranking) && ranking.length > 0
            ? `${t('ballots.yourOrder')}: ${ranking.map((c, i) => `${i + 1}. ${name(c)}`).join(', ')}`
            : Array.isArray(ranking)
              ? t('ballots.blankBallot')
              : ''}
        </p>
      )}
    </BallotForm>
  );
}

/** What a receipt's content says, in words. */
export function useContentWords() {
  const L = useBallotLabels();
  const { t } = useTranslation();
  return (content: BallotContent | null, names: Map<string, string>) => {
    if (!content) return '—';
    if ('choice' in content) return L.choice(content.choice);
    if (content.prefs.length === 0) return t('ballots.blankBallot');
    return content.prefs.map((p, i) => `${i + 1}. ${names.get(p) ?? p}`).join(', ');
  };
}

interface CheckOutcome {
  problems: string[];
  check: ReceiptCheck;
  board: BallotBoard;
}

/** "Check my ballot": the receipt on the published board, counted, as cast; the board's hash as announced. */
export function ReceiptChecker({
  receipt,
  announcedHash,
  names,
}: {
  receipt: BallotReceipt;
  announcedHash: string | null;
  names: Map<string, string>;
}) {
  const { t } = useTranslation();
  const words = useContentWords();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      // the whole board, never the receipt alone: asking the server about one receipt with this session would tell
      // it (and any proxy's log) whose ballot that line is
      const board = await ok(client.GET('/api/votes/{id}/board', { params: { path: { id: receipt.voteId } } }));
      const problems: string[] = [];
      const line = board.entries.find((e) => e.receipt === receipt.receipt);
      const check: ReceiptCheck = {
        onBoard: line !== undefined,
        content: line?.content ?? null,
        // a blank ballot is on the board but counts for no one
        counted: line !== undefined && ('choice' in line.content || line.content.prefs.length > 0),
        boardHash: board.boardHash,
      };
      if (!line) problems.push(t('ballots.checkNotOnBoard'));
      else if (!sameContent(line.content, receipt.content)) problems.push(t('ballots.checkChanged'));
      if (check.onBoard && !check.counted) problems.push(t('ballots.checkNotCounted'));
      const hashes = [board.boardHash, board.result.boardHash].filter((h): h is string => !!h);
      if (announcedHash && hashes.some((h) => h !== announcedHash)) problems.push(t('ballots.checkHashDiffers'));
      else if (new Set(hashes).size > 1) problems.push(t('ballots.checkHashDiffers'));
      // every ballot on the board, hashed here, must give the fingerprint announced with the result
      if ((await recomputeBoardHash(board)) !== (announcedHash ?? board.boardHash))
        problems.push(t('ballots.checkBoardAltered'));
      setOutcome({ problems, check, board });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="receipt-check" data-testid="receipt-check">
      <button type="button" className="button" disabled={busy} onClick={() => void run()}>
        {busy ? t('forms.working') : t('ballots.checkMyBallot')}
      </button>
      <FormError id={`rc-${receipt.receipt.slice(0, 8)}`} error={error} />
      {outcome && (
        <div
          role="status"
          aria-live="polite"
          className={`notice ${outcome.problems.length ? 'notice-error' : 'notice-ok'}`}
          data-testid="check-outcome"
          data-ok={outcome.problems.length === 0}
        >
          {outcome.problems.length === 0 ? (
            <p>
              {t('ballots.checkOk', { count: outcome.board.entries.length, n: outcome.board.entries.length })}{' '}
              {t('ballots.checkHash', { hash: outcome.board.boardHash })}
            </p>
          ) : (
            <>
              <p>
                <strong>{t('ballots.checkFailed')}</strong>
              </p>
              <ul>
                {outcome.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
              <p className="small">
                {t('ballots.yourBallotWas')}: {words(receipt.content, names)}. {t('ballots.boardSays')}:{' '}
                {words(outcome.check.content, names)}.
              </p>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function RollCallSelf({ meetingId, vote }: { meetingId: string; vote: LiveVote }) {
  const { t } = useTranslation();
  const L = useBallotLabels();
  const act = useBallotAction(meetingId);
  const [done, setDone] = useState('');
  return (
    <div className="roll-self">
      <div className="button-row big-buttons" role="group" aria-label={t('ballots.yourChoice')}>
        {(['for', 'against', 'abstain'] as const).map((c) => (
          <button
            key={c}
            type="button"
            className="button big-touch"
            disabled={act.isPending}
            aria-busy={act.isPending || undefined}
            onClick={() =>
              act.mutate(
                () =>
                  ok(
                    client.POST('/api/votes/{id}/roll-call', {
                      params: { path: { id: vote.id } },
                      body: { choice: c },
                    }),
                  ),
                { onSuccess: () => setDone(t('ballots.rollRecorded', { choice: L.choice(c) })) },
              )
            }
          >
            {L.choice(c)}
          </button>
        ))}
      </div>
      <p role="status" aria-live="polite" className="act-done">
        {done}
      </p>
      <FormError id={`roll-self-${vote.id}`} error={act.error} />
    </div>
  );
}

/**
 * Where the voter's one token is, and the way forward: ready on this device (or shown as a transfer code), taken on
 * another device (enter its transfer code here), or not taken yet ("Vote on this device").
 */
function TokenPlace({
  vote,
  kept,
  state,
  error,
  time,
  personId,
  onObtain,
  onMoving,
  onReceived,
}: {
  vote: Vote;
  kept: KeptBallot;
  state: TokenState;
  error: unknown;
  time: (iso: string | null | undefined) => string;
  personId: string;
  onObtain: () => void;
  onMoving: (on: boolean) => void;
  onReceived: () => void;
}) {
  const { t } = useTranslation();
  if (kept.token) {
    if (kept.moving) return <TransferShow token={kept.token} onKeep={() => onMoving(false)} />;
    return (
      <p className="small" aria-live="polite" data-testid="token-state" data-state="here">
        {t('ballots.tokenReady')}
      </p>
    );
  }
  const mine = vote.myToken ?? null;
  if (mine) {
    const at = mine.movedAt ?? mine.issuedAt;
    const where = mine.movedAt
      ? at
        ? t('ballots.tokenMovedElsewhere', { time: time(at) })
        : t('ballots.tokenMovedElsewhereNoTime')
      : at
        ? t('ballots.tokenTakenElsewhere', { time: time(at) })
        : t('ballots.tokenTakenElsewhereNoTime');
    return (
      <>
        <p
          className="notice notice-warn"
          role="status"
          data-testid="token-state"
          data-state={mine.movedAt ? 'moved' : 'elsewhere'}
        >
          {where} {t('ballots.tokenElsewhereWhatToDo')}
        </p>
        <TransferEnter vote={vote} personId={personId} onDone={onReceived} />
      </>
    );
  }
  return (
    <div className="token-choose" data-testid="token-choose">
      <p className="small" data-testid="token-state" data-state="none">
        {t('ballots.chooseDevice')}
      </p>
      <button
        type="button"
        className="button big-touch"
        data-testid="vote-here"
        disabled={state === 'fetching'}
        onClick={onObtain}
      >
        {state === 'fetching' ? t('ballots.tokenFetching') : t('ballots.voteHere')}
      </button>
      {state === 'error' && (
        <>
          <p className="small">{t('ballots.tokenFailed')}</p>
          <FormError id={`tok-${vote.id}`} error={error} />
        </>
      )}
    </div>
  );
}

/** The voter's ballot for the live vote, when there is one this person may take part in. */
export function BallotBox({ meeting, live, personId }: { meeting: Meeting; live: Live; personId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useBallotLabels();
  const lv = live.state?.vote ?? null;
  const [moving, setMovingState] = useState(false);
  // while this device shows its transfer code, ask every few seconds whether another device has taken the token
  const vote = useVote(meeting.id, lv?.id, moving ? 2_000 : undefined);
  const qc = useQueryClient();
  const dt = useDateTime();
  const elections = useElections(meeting.id, !!lv?.electionId);
  const election = elections.data?.items.find((e) => e.id === lv?.electionId);
  const full = vote.data && lv && vote.data.id === lv.id ? { ...vote.data, status: lv.status } : undefined;
  const voting = meeting.me.voice === 'voting';
  const ballot = useKeptBallot(full, personId);
  const keptMoving = !!ballot.kept.token && !!ballot.kept.moving;
  // eslint-disable-next-line react-hooks/set-state-in-effect -- follows the kept ballot (browser storage) when it changes
  useEffect(() => setMovingState(keptMoving), [keptMoving]);
  const [busy, setBusy] = useState(false);
  const [castError, setCastError] = useState<unknown>(null);
  const words = useContentWords();
  // Open and roll-call votes need the ballot box only while open; their result is on the live panel.
  if (!lv || !voting || lv.status === 'cancelled' || (lv.method !== 'secret' && lv.status === 'closed')) return null;
  const names = new Map<string, string>([
    ...lv.candidates.map((c) => [c.id, f.name(c)] as const),
    ...(election?.candidates ?? []).map((c) => [c.personId, f.name(c)] as const),
  ]);
  const receipt = ballot.kept.receipt;
  const cast = async (content: BallotContent) => {
    setBusy(true);
    setCastError(null);
    try {
      await castBallot(lv.id, personId, content);
    } catch (err) {
      setCastError(
        err instanceof ApiError && err.code === 'no_ballot_token'
          ? new ApiError(0, err.code, t('ballots.noToken'))
          : err,
      );
    } finally {
      ballot.refresh();
      // the count of ballots received includes this one now: show it rather than wait for the stream
      live.refresh?.();
      setBusy(false);
    }
  };
  return (
    <section className="card ballot-box" aria-labelledby="ballot-h" data-testid="ballot-box" data-vote={lv.id}>
      <h2 id="ballot-h">{t('ballots.yourBallot')}</h2>
      <p className="ballot-title" data-testid="ballot-title">
        {lv.title} <span className="badge">{L.method(lv.method)}</span>{' '}
        <span className="badge" data-testid="ballot-status">
          {L.status(lv.status)}
        </span>
      </p>
      {lv.method === 'secret' && (
        <>
          {!meeting.me.present && !receipt && <p className="notice notice-warn">{t('ballots.checkInToVote')}</p>}
          {meeting.can.vote && !receipt && lv.status !== 'closed' && full && (
            <TokenPlace
              vote={full}
              kept={ballot.kept}
              state={ballot.state}
              error={ballot.error}
              time={dt.time}
              onObtain={() =>
                void ballot
                  .obtain()
                  .then(() => qc.invalidateQueries({ queryKey: ballotKeys.vote(meeting.id, full.id) }))
              }
              onMoving={(on) => {
                setMoving(full.id, personId, on);
                ballot.refresh();
              }}
              personId={personId}
              onReceived={ballot.refresh}
            />
          )}
          {lv.status === 'announced' && !receipt && ballot.kept.token && !ballot.kept.moving && (
            <p className="muted">{t('ballots.waitOpen')}</p>
          )}
          {lv.status === 'open' &&
            !receipt &&
            ballot.kept.token &&
            !ballot.kept.moving &&
            (lv.electionId ? (
              election ? (
                <ElectionBallot election={election} onCast={(c) => void cast(c)} busy={busy} />
              ) : (
                <p className="muted">{t('app.loading')}</p>
              )
            ) : (
              <MotionBallot onCast={(c) => void cast(c)} busy={busy} />
            ))}
          {meeting.can.vote && !receipt && lv.status !== 'closed' && ballot.kept.token && !ballot.kept.moving && (
            <button
              type="button"
              className="button button-secondary"
              data-testid="transfer-start"
              onClick={() => {
                setMoving(lv.id, personId, true);
                ballot.refresh();
              }}
            >
              {t('ballots.moveToOtherDevice')}
            </button>
          )}
          <FormError id={`cast-${lv.id}`} error={castError} />
          {receipt && (
            <div className="receipt" data-testid="receipt">
              <p className="notice notice-ok" role="status">
                {t('ballots.accepted')}
              </p>
              <dl className="facts">
                <div>
                  <dt>{t('ballots.receiptCode')}</dt>
                  <dd>
                    <code className="hash" data-testid="receipt-code">
                      {receipt.receipt}
                    </code>
                  </dd>
                </div>
                <div>
                  <dt>{t('ballots.yourBallotWas')}</dt>
                  <dd data-testid="receipt-content">{words(receipt.content, names)}</dd>
                </div>
              </dl>
              <p className="small muted">{t('ballots.receiptHelp')}</p>
              {lv.status === 'closed' && (
                <ReceiptChecker receipt={receipt} announcedHash={lv.result?.boardHash ?? null} names={names} />
              )}
            </div>
          )}
          {lv.status === 'closed' && !receipt && <p className="muted">{t('ballots.closedNoBallot')}</p>}
        </>
      )}
      {lv.method === 'roll_call' && lv.status === 'open' && meeting.can.vote && (
        <RollCallSelf meetingId={meeting.id} vote={lv} />
      )}
      {lv.method === 'open' && lv.status === 'open' && <p>{t('ballots.showOfHands')}</p>}
    </section>
  );
}
