// Pieces shared by the ballot panels and screens: labels, a vote's result (counts and carried, or the elected),
// the STV round-by-round transcript table, and the live vote as the projector and the phones show it.
import { useTranslation } from 'react-i18next';
import type { LiveVote, VoteResult } from '../../../contracts/ballot.js';
import type { CountResult } from '../../../contracts/count.js';
import { useFormat } from '../../app/format.js';
import './ballot.css';

export function useBallotLabels() {
  const { t } = useTranslation();
  const l = (group: string) => (k: string) => t(`ballots.${group}.${k}`, { defaultValue: k.replace(/_/g, ' ') });
  return {
    method: l('method'),
    status: l('status'),
    motionStatus: l('motionStatus'),
    kind: l('questionKind'),
    choice: l('choice'),
    countMethod: l('countMethod'),
    office: l('office'),
    electionStatus: l('electionStatus'),
    consent: l('consent'),
    mandateStatus: l('mandateStatus'),
    base: l('base'),
    threshold: l('threshold'),
  };
}

/**
 * Candidate names by id: the list given (named in the reader's language) first, else the count's own list (the
 * Latin names the count was made with).
 */
function namesOf(count: CountResult | null, extra: { id: string; name: string }[] = []): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of count?.candidates ?? []) m.set(c.id, c.name);
  for (const c of extra) m.set(c.id, c.name);
  return m;
}

/** A vote value as the rules computed it (a decimal string), shortened for reading. */
function value(s: string | undefined): string {
  if (s === undefined) return '';
  const n = Number(s);
  if (!Number.isFinite(n)) return s;
  return Number.isInteger(n) ? String(n) : n.toFixed(5).replace(/0+$/, '').replace(/\.$/, '');
}

/** Rounds × candidates: votes at the end of each stage, quota, exhausted, what happened, ties broken. */
export function TranscriptTable({
  count,
  candidates = [],
  caption,
}: {
  count: CountResult;
  candidates?: { id: string; name: string }[];
  caption?: string;
}) {
  const { t } = useTranslation();
  const names = namesOf(count, candidates);
  const ids = count.candidates.map((c) => c.id);
  if (count.rounds.length === 0) return null;
  return (
    <div
      className="table-wrap transcript-wrap"
      tabIndex={0}
      role="region"
      aria-label={caption ?? t('ballots.transcript')}
    >
      <table className="stv-transcript" data-testid="stv-transcript">
        <caption>{caption ?? t('ballots.transcript')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ballots.round')}</th>
            {ids.map((id) => (
              <th key={id} scope="col">
                {names.get(id) ?? id}
              </th>
            ))}
            <th scope="col">{t('ballots.exhausted')}</th>
            <th scope="col">{t('ballots.quota')}</th>
            <th scope="col">{t('ballots.action')}</th>
          </tr>
        </thead>
        <tbody>
          {count.rounds.map((r) => (
            <tr key={r.round} data-testid="stv-round">
              <th scope="row">{r.round}</th>
              {ids.map((id) => (
                <td
                  key={id}
                  className={
                    r.elected.includes(id) ? 'cand-elected' : r.excluded.includes(id) ? 'cand-excluded' : undefined
                  }
                >
                  {value(r.votes[id])}
                  {r.keep?.[id] !== undefined && (
                    <span className="small muted">
                      {' '}
                      ({t('ballots.keep')} {value(r.keep[id])})
                    </span>
                  )}
                  {r.elected.includes(id) && <span className="visually-hidden"> — {t('ballots.elected')}</span>}
                  {r.excluded.includes(id) && <span className="visually-hidden"> — {t('ballots.excluded')}</span>}
                </td>
              ))}
              <td>{value(r.exhausted)}</td>
              <td>{r.quota === null ? '—' : value(r.quota)}</td>
              <td>
                {r.action}
                {r.tieBreak && (
                  <div className="small" data-testid="tie-break">
                    {t('ballots.tieBreak')}: {r.tieBreak}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The elected, in the order they were elected; totals for plurality and approval. */
export function ElectedList({
  count,
  candidates = [],
}: {
  count: CountResult;
  candidates?: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const names = namesOf(count, candidates);
  return (
    <div className="elected">
      <h4>{t('ballots.electedTitle', { n: count.elected.length, seats: count.seats })}</h4>
      {count.elected.length === 0 ? (
        <p className="muted">{t('ballots.noneElected')}</p>
      ) : (
        <ol data-testid="elected-list">
          {count.elected.map((id) => (
            <li key={id}>{names.get(id) ?? id}</li>
          ))}
        </ol>
      )}
      {count.totals && (
        <ul className="totals small">
          {Object.entries(count.totals)
            .sort((a, b) => b[1] - a[1])
            .map(([id, n]) => (
              <li key={id}>
                {names.get(id) ?? id}: {f.number(n)}
              </li>
            ))}
        </ul>
      )}
      <p className="small muted">
        {t('ballots.validInvalid', { valid: f.number(count.valid), invalid: f.number(count.invalid) })}
      </p>
    </div>
  );
}

/** Whether the vote was taken with the statute's quorum (results recorded before it was kept: yes). */
const withoutQuorum = (r: VoteResult) => r.quorum?.reached === false;

/** "Not valid: no quorum" — a vote taken without the statute's quorum decides nothing. */
export function NoQuorumLine({ result }: { result: VoteResult }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!result.quorum || result.quorum.reached) return null;
  return (
    <p className="notice notice-warn result-no-quorum" data-testid="vote-no-quorum">
      <strong>{t('ballots.noQuorum')}</strong>{' '}
      {t('ballots.noQuorumDetail', {
        count: result.present,
        present: f.number(result.present),
        required: f.number(result.quorum.required),
      })}
    </p>
  );
}

/** A void vote's mark: it decided nothing, and why. */
export function VoidNotice({ result }: { result: VoteResult }) {
  const { t } = useTranslation();
  if (!result.void) return null;
  return (
    <p className="notice notice-warn result-void" data-testid="vote-void" data-reason={result.void.reason}>
      <strong>{t('ballots.void')}.</strong>{' '}
      {result.void.reason === 'no_valid_ballots'
        ? t('ballots.voidNoBallots')
        : t('ballots.voidTurnout', { min: result.void.minimumTurnout })}
    </p>
  );
}

/** A motion vote's counts, the majority applied and whether it carried (or that the vote is void). */
export function MotionResult({ result }: { result: VoteResult }) {
  const { t } = useTranslation();
  const f = useFormat();
  const L = useBallotLabels();
  const c = result.counts;
  return (
    <div className="motion-result" data-testid="vote-result">
      {c && (
        <p className="result-counts">
          {t('ballots.countsLine', {
            for: f.number(c.for),
            against: f.number(c.against),
            abstain: f.number(c.abstain),
          })}
        </p>
      )}
      <NoQuorumLine result={result} />
      {!withoutQuorum(result) && <VoidNotice result={result} />}
      {result.carried !== null && !withoutQuorum(result) && !result.void && (
        <p className={`result-carried ${result.carried ? 'carried' : 'not-carried'}`} data-testid="vote-carried">
          <strong>{result.carried ? t('ballots.carried') : t('ballots.notCarried')}</strong>
          {result.majority && (
            <span className="small">
              {' '}
              ({L.threshold(result.majority.threshold)}, {L.base(result.majority.of)}
              {result.needed !== null ? `; ${t('ballots.needed', { n: f.number(result.needed) })}` : ''})
            </span>
          )}
        </p>
      )}
    </div>
  );
}

/** A closed vote's result: the counts, or the elected and the transcript. */
export function VoteResultView({
  result,
  candidates = [],
  transcript = true,
}: {
  result: VoteResult;
  candidates?: { id: string; name: string }[];
  transcript?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="vote-result-view">
      {result.count ? (
        <>
          <NoQuorumLine result={result} />
          <ElectedList
            count={withoutQuorum(result) ? { ...result.count, elected: [] } : result.count}
            candidates={candidates}
          />
          {transcript && <TranscriptTable count={result.count} candidates={candidates} />}
        </>
      ) : (
        <MotionResult result={result} />
      )}
      <p className="small muted">
        {t('ballots.castLine', {
          cast: f.number(result.cast),
          invalid: f.number(result.invalid),
          present: f.number(result.present),
          entitled: f.number(result.entitled),
        })}
      </p>
      {result.boardHash && (
        <p className="small">
          {t('ballots.boardHash')}:{' '}
          <code className="hash" data-testid="board-hash">
            {result.boardHash}
          </code>
        </p>
      )}
    </div>
  );
}

/** The vote in progress (title, method, ballots received) or, after the close, its result — from the live state. */
export function LiveVoteView({ vote, big = false, level = 2 }: { vote: LiveVote; big?: boolean; level?: 2 | 3 }) {
  const H = level === 3 ? 'h3' : 'h2';
  const { t } = useTranslation();
  const f = useFormat();
  const L = useBallotLabels();
  const count = vote.result?.count ?? null;
  const last = count && count.rounds.length ? count.rounds[count.rounds.length - 1] : null;
  return (
    <section
      className={`live-vote ${big ? 'live-vote-big' : ''}`}
      aria-labelledby={`lv-${vote.id}`}
      data-testid="live-vote"
      data-status={vote.status}
    >
      <H id={`lv-${vote.id}`} className={big ? 'projector-label' : undefined}>
        {vote.status === 'closed' ? t('ballots.resultOf') : t('ballots.voteNow')}
      </H>
      <p className="live-vote-title" data-testid="live-vote-title">
        {vote.title}
      </p>
      <p>
        <span className="badge">{L.method(vote.method)}</span>{' '}
        <span className={`badge vote-status-${vote.status}`} data-testid="live-vote-status">
          {L.status(vote.status)}
        </span>
      </p>
      {(vote.status === 'open' || vote.status === 'announced') && (
        <p className={big ? 'projector-number' : 'live-vote-received'} aria-live="polite">
          <span data-testid="live-vote-received">{f.number(vote.received)}</span>{' '}
          <span className={big ? 'projector-of' : 'small'}>
            {vote.method === 'secret' ? t('ballots.ballotsReceived') : t('ballots.votesRecorded')}
          </span>
        </p>
      )}
      {vote.status === 'closed' && vote.result && (
        <div data-testid="live-vote-result" aria-live="polite">
          {count ? (
            <>
              <NoQuorumLine result={vote.result} />
              <p className="live-elected" data-testid="live-elected">
                {t('ballots.electedShort')}:{' '}
                {(withoutQuorum(vote.result) ? [] : count.elected)
                  .map((id) => {
                    const c = vote.candidates.find((x) => x.id === id);
                    return c ? f.name(c) : id;
                  })
                  .join(', ') || '—'}
              </p>
              {last && (count.method === 'scottish_stv' || count.method === 'meek') && (
                <p className="small">
                  {t('ballots.transcriptSummary', {
                    roundsText: t('ballots.roundsN', { count: count.rounds.length, n: f.number(count.rounds.length) }),
                    quota: last.quota === null ? '—' : value(last.quota),
                    validText: t('ballots.validBallotsN', { count: count.valid, n: f.number(count.valid) }),
                  })}
                </p>
              )}
            </>
          ) : (
            <MotionResult result={vote.result} />
          )}
        </div>
      )}
    </section>
  );
}
