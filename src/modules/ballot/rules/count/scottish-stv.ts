// Scottish STV (pure): The Scottish Local Government Elections Order 2007 (SSI 2007/42), Schedule 1, rules 45–52.
//
// - Quota (rule 46): floor(valid papers / (seats + 1)) + 1.
// - A candidate whose votes equal or exceed the quota at any stage is deemed elected (rule 47).
// - Surplus (rule 48): every paper the elected candidate holds goes on at transfer value
//   (surplus × value of the paper when received) / (total votes of the candidate), to 5 decimal places with the
//   remainder ignored (the weighted inclusive Gregory method: non-transferable papers keep their share, which is
//   lost). The largest surplus first; equal surpluses: the candidate with more votes at the most recent earlier
//   stage where they differed, else by lot (rule 49).
// - Exclusion (rules 50–51): the lowest candidate; every paper goes on at the value it was received at. Equal
//   lowest: the one with fewer votes at the most recent earlier stage where they differed, else by lot.
// - Last vacancies (rule 52): when the continuing candidates are as many as the seats left, they are all deemed
//   elected, with no further transfer.
// Values are integers scaled by 10^5; products go through BigInt. Every sum of values is at most the valid papers
// × 10^5, so the count is exact in doubles while that stays within 2^53 (MAX_BALLOTS, over 90 thousand million
// papers); a larger total is refused rather than counted inexactly.
import type { CountResult, CountRound } from '../../../../contracts/count.js';
import { E5, formatFixed, mulDivFloor } from './fixed.js';
import { CountInputError } from './prepare.js';
import type { PreparedCount } from './prepare.js';
import { breakTie, orderByVotes, stvPapers } from './stv-common.js';

interface Parcel {
  paper: number;
  /** Index in the paper's preferences of the candidate holding it. */
  pos: number;
  /** Value of each paper in the parcel, scaled by 10^5. */
  value: number;
  /** Papers in the parcel (identical ballots grouped). */
  count: number;
}

type Status = 'continuing' | 'elected' | 'excluded';

/** The most papers (sum of weights) whose values × 10^5 stay exact integers in doubles. */
export const SCOTTISH_STV_MAX_BALLOTS = Math.floor(Number.MAX_SAFE_INTEGER / E5);

export function countScottishStv(p: PreparedCount): CountResult {
  const { papers, valid, invalid } = stvPapers(p);
  if (valid > SCOTTISH_STV_MAX_BALLOTS) {
    throw new CountInputError(
      `Scottish STV counts at most ${SCOTTISH_STV_MAX_BALLOTS} valid ballots (the sum of their weights), not ${valid}: beyond that its 5-decimal vote values would no longer be exact.`,
    );
  }
  const standing = p.candidateIds.filter((id) => !p.withdrawn.has(id));
  const names = new Map(p.candidates.map((c) => [c.id, c.name]));
  const name = (id: string) => names.get(id) || id;
  const status = new Map<string, Status>(standing.map((id) => [id, 'continuing']));
  const votes = new Map<string, number>(standing.map((id) => [id, 0]));
  const piles = new Map<string, Parcel[]>(standing.map((id) => [id, []]));
  const quota = (Math.floor(valid / (p.seats + 1)) + 1) * E5;
  const quotaText = formatFixed(quota, 5);
  /** Value of the non-transferable papers set aside so far (the rounding loss of rule 48(3) is not in it). */
  let exhausted = 0;
  const history: Map<string, number>[] = [];
  const rounds: CountRound[] = [];
  const elected: string[] = [];
  /** Elected candidates whose surplus has not been transferred yet. */
  const pending = new Set<string>();

  const continuing = () => standing.filter((id) => status.get(id) === 'continuing');

  /** Give a parcel to the next continuing candidate after `from`, or return false (non-transferable). */
  const passOn = (parcel: Parcel, value: number): boolean => {
    const prefs = papers[parcel.paper]!.prefs;
    for (let j = parcel.pos + 1; j < prefs.length; j++) {
      const c = prefs[j]!;
      if (status.get(c) !== 'continuing') continue;
      piles.get(c)!.push({ paper: parcel.paper, pos: j, value, count: parcel.count });
      votes.set(c, votes.get(c)! + value * parcel.count);
      return true;
    }
    return false;
  };

  // Stage 1 (rule 45): first preferences.
  papers.forEach((paper, i) => {
    const c = paper.prefs[0]!;
    piles.get(c)!.push({ paper: i, pos: 0, value: E5, count: paper.weight });
    votes.set(c, votes.get(c)! + E5 * paper.weight);
  });
  let action = 'First preferences counted';
  let excludedNow: string[] = [];
  /** How a tie in the decision that opened this stage was broken. */
  let carried: string[] = [];

  for (let stage = 1; ; stage++) {
    const notes: string[] = carried;
    carried = [];
    // Rule 47: everyone at or over the quota is deemed elected.
    const reached = continuing().filter((id) => votes.get(id)! >= quota);
    const newly = orderByVotes(reached, votes, history, p.lot, stage, names, notes);
    for (const id of newly) {
      status.set(id, 'elected');
      elected.push(id);
      if (votes.get(id)! > quota) pending.add(id);
    }
    // Rule 52: the continuing candidates fill the seats left (or candidates ran out).
    const left = p.seats - elected.length;
    const cont = continuing();
    const lastVacancies = left > 0 && cont.length <= left;
    if (lastVacancies && cont.length > 0) {
      const rest = orderByVotes(cont, votes, history, p.lot, stage, names, notes);
      for (const id of rest) {
        status.set(id, 'elected');
        elected.push(id);
        newly.push(id);
      }
      action += `; ${rest.map(name).join(', ')} deemed elected as the continuing candidates fill the seats left (rule 52)`;
    }
    const snapshot = new Map(votes);
    history.push(snapshot);
    rounds.push({
      round: stage,
      action,
      votes: Object.fromEntries(standing.map((id) => [id, formatFixed(votes.get(id)!, 5)])),
      exhausted: formatFixed(exhausted, 5),
      quota: quotaText,
      elected: newly,
      excluded: excludedNow,
      tieBreak: notes.length > 0 ? notes.join(' ') : null,
    });
    if (elected.length >= p.seats || lastVacancies || continuing().length === 0) break;

    excludedNow = [];
    const candidatesWithSurplus = [...pending];
    if (candidatesWithSurplus.length > 0) {
      // Rules 48–49: the largest surplus first.
      const surplus = (id: string) => votes.get(id)! - quota;
      const top = Math.max(...candidatesWithSurplus.map(surplus));
      const tied = candidatesWithSurplus.filter((id) => surplus(id) === top);
      const t = breakTie(tied, 'highest', history, p.lot, stage + 1, 'surplus', names);
      const from = t.chosen;
      pending.delete(from);
      const held = votes.get(from)!;
      const s = held - quota;
      const pile = piles.get(from)!;
      piles.set(from, []);
      const tvByValue = new Map<number, number>();
      let moved = 0;
      let setAside = 0;
      for (const parcel of pile) {
        let tv = tvByValue.get(parcel.value);
        if (tv === undefined) {
          tv = mulDivFloor(s, parcel.value, held); // rule 48(3): A / B to 5 places, remainder ignored
          tvByValue.set(parcel.value, tv);
        }
        if (passOn(parcel, tv)) moved += tv * parcel.count;
        else {
          exhausted += tv * parcel.count;
          setAside += tv * parcel.count;
        }
      }
      votes.set(from, quota);
      const tvs = [...tvByValue.values()].sort((a, b) => b - a).map((v) => formatFixed(v, 5));
      action = `Surplus of ${name(from)} (${formatFixed(s, 5)}) transferred at ${tvs.length === 1 ? 'transfer value' : 'transfer values'} ${tvs.join(', ')}; ${formatFixed(moved, 5)} transferred, ${formatFixed(setAside, 5)} non-transferable, ${formatFixed(s - moved - setAside, 5)} lost to rounding`;
      if (t.note) carried.push(`Equal surpluses: ${t.note}`);
    } else {
      // Rules 50–51: exclude the lowest continuing candidate.
      const cands = continuing();
      const low = Math.min(...cands.map((id) => votes.get(id)!));
      const tied = cands.filter((id) => votes.get(id) === low);
      const t = breakTie(tied, 'lowest', history, p.lot, stage + 1, 'exclude', names);
      const out = t.chosen;
      status.set(out, 'excluded');
      const pile = piles.get(out)!;
      piles.set(out, []);
      let moved = 0;
      let setAside = 0;
      for (const parcel of pile) {
        if (passOn(parcel, parcel.value)) moved += parcel.value * parcel.count;
        else setAside += parcel.value * parcel.count;
      }
      exhausted += setAside;
      votes.set(out, 0);
      excludedNow = [out];
      action = `${name(out)} excluded (${formatFixed(low, 5)}); ${formatFixed(moved, 5)} transferred, ${formatFixed(setAside, 5)} non-transferable`;
      if (t.note) carried.push(`Lowest votes equal: ${t.note}`);
    }
  }

  return {
    method: 'scottish_stv',
    seats: p.seats,
    candidates: p.candidates,
    valid,
    invalid,
    elected,
    totals: null,
    rounds,
  };
}
