// Plurality (block vote) and approval counts (pure).
//
// Plurality: one seat, the most votes; several seats, the block vote: each ballot marks up to `seats` candidates.
// Approval: any number of marks; the `seats` candidates with the most marks are elected. A ballot marking a
// withdrawn or unknown candidate, the same candidate twice, nothing at all, or (plurality) more than `seats`
// candidates is invalid. A tie for the last seat(s) is broken by the reproducible lot (lot.ts), and recorded.
import type { CountResult, CountRound } from '../../../../contracts/count.js';
import { byPosition, drawLots } from './lot.js';
import type { PreparedCount } from './prepare.js';

export function countMarks(p: PreparedCount): CountResult {
  const standing = p.candidateIds.filter((id) => !p.withdrawn.has(id));
  const names = new Map(p.candidates.map((c) => [c.id, c.name]));
  const standingSet = new Set(standing);
  const totals = new Map<string, number>(standing.map((id) => [id, 0]));
  let valid = 0;
  let invalid = 0;
  for (const g of p.groups) {
    const ok =
      g.prefs.length > 0 &&
      new Set(g.prefs).size === g.prefs.length &&
      g.prefs.every((id) => standingSet.has(id)) &&
      (p.method !== 'plurality' || g.prefs.length <= p.seats);
    if (!ok) {
      invalid += g.weight;
      continue;
    }
    valid += g.weight;
    for (const id of g.prefs) totals.set(id, (totals.get(id) ?? 0) + g.weight);
  }

  // Highest first; equal totals in candidate order for now (the lot decides only where it matters).
  const ranked = [...standing].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0));
  const seats = Math.min(p.seats, ranked.length);
  let elected = ranked.slice(0, seats);
  let tieBreak: string | null = null;
  if (seats > 0 && seats < ranked.length) {
    const last = totals.get(ranked[seats - 1]!) ?? 0;
    const tied = ranked.filter((id) => (totals.get(id) ?? 0) === last);
    const sure = ranked.filter((id) => (totals.get(id) ?? 0) > last);
    if (sure.length + tied.length > seats) {
      const draw = drawLots(p.lot, 1, 'last-seat', byPosition(p.lot, tied));
      const winners = draw.order.slice(0, seats - sure.length);
      elected = [...sure, ...winners];
      const label = (ids: string[]) => ids.map((id) => names.get(id) || id).join(', ');
      tieBreak = `${label(byPosition(p.lot, tied))} tied with ${last} for the last ${seats - sure.length === 1 ? 'seat' : `${seats - sure.length} seats`}; ${label(winners)} elected ${draw.note}.`;
    }
  }

  const round: CountRound = {
    round: 1,
    action: p.method === 'plurality' ? (p.seats === 1 ? 'Votes counted' : 'Block votes counted') : 'Approvals counted',
    votes: Object.fromEntries(standing.map((id) => [id, String(totals.get(id) ?? 0)])),
    exhausted: '0',
    quota: null,
    elected,
    excluded: [],
    tieBreak,
  };
  return {
    method: p.method,
    seats: p.seats,
    candidates: p.candidates,
    valid,
    invalid,
    elected,
    totals: Object.fromEntries(standing.map((id) => [id, totals.get(id) ?? 0])),
    rounds: [round],
  };
}
