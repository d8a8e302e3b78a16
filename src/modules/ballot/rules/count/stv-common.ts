// What both STV counts share (pure): which ballot papers are valid, and breaking ties by looking back through the
// earlier stages, then by the reproducible lot.
import { byPosition, drawLots, type Lot } from './lot.js';
import type { PreparedCount } from './prepare.js';

export interface StvPaper {
  /** Preferences for standing candidates, in order (withdrawn candidates skipped, cut at a repeated candidate). */
  prefs: string[];
  weight: number;
}

/**
 * Valid papers for an STV count. A paper is invalid when it names an unknown candidate or has no preference for a
 * standing candidate (blank, or only withdrawn candidates). A candidate named twice breaks the consecutive order of
 * preferences, so the paper is read up to the repeat. Withdrawn candidates are skipped (the next preference counts).
 */
export function stvPapers(p: PreparedCount): { papers: StvPaper[]; valid: number; invalid: number } {
  const known = new Set(p.candidateIds);
  const papers: StvPaper[] = [];
  let valid = 0;
  let invalid = 0;
  // seenAt.get(id) === i: id already named on paper i (cheaper than a Set per paper)
  const seenAt = new Map<string, number>();
  for (let i = 0; i < p.groups.length; i++) {
    const g = p.groups[i]!;
    if (!g.prefs.every((id) => known.has(id))) {
      invalid += g.weight;
      continue;
    }
    // a new list only when a preference is skipped or the paper is cut; else the group's own (never mutated)
    let kept: string[] | null = null;
    for (let j = 0; j < g.prefs.length; j++) {
      const id = g.prefs[j]!;
      if (seenAt.get(id) === i) {
        kept ??= g.prefs.slice(0, j);
        break;
      }
      seenAt.set(id, i);
      if (p.withdrawn.has(id)) kept ??= g.prefs.slice(0, j);
      else if (kept) kept.push(id);
    }
    const prefs = kept ?? g.prefs;
    if (prefs.length === 0) {
      invalid += g.weight;
      continue;
    }
    valid += g.weight;
    papers.push({ prefs, weight: g.weight });
  }
  return { papers, valid, invalid };
}

export interface TieResult {
  chosen: string;
  /** How the tie was broken, or null when there was no tie. */
  note: string | null;
}

/**
 * Pick the candidate with the lowest (or highest) votes among `tied` (all equal now). Look back to the most recent
 * earlier stage at which they had unequal votes and take the lowest (highest) there; when several are still level,
 * keep looking further back among those; if they were equal at every stage, decide by lot.
 */
export function breakTie(
  tied: readonly string[],
  pick: 'lowest' | 'highest',
  history: readonly Map<string, number>[],
  lot: Lot,
  stage: number,
  purpose: string,
  names: ReadonlyMap<string, string>,
): TieResult {
  const sorted = byPosition(lot, tied);
  if (sorted.length === 1) return { chosen: sorted[0]!, note: null };
  const label = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  let remaining = sorted;
  const steps: string[] = [];
  for (let s = history.length - 1; s >= 0 && remaining.length > 1; s--) {
    const at = history[s]!;
    const values = remaining.map((id) => at.get(id) ?? 0);
    const extreme = pick === 'lowest' ? Math.min(...values) : Math.max(...values);
    if (values.every((v) => v === extreme)) continue;
    remaining = remaining.filter((id) => (at.get(id) ?? 0) === extreme);
    steps.push(`stage ${s + 1}`);
  }
  if (remaining.length === 1) {
    return {
      chosen: remaining[0]!,
      note: `${label(sorted)} tied; ${names.get(remaining[0]!) ?? remaining[0]} had the ${pick === 'lowest' ? 'fewest' : 'most'} votes at the most recent earlier stage where they differed (${steps.join(', then ')}).`,
    };
  }
  const draw = drawLots(lot, stage, purpose, remaining);
  const chosen = draw.order[0]!;
  const lookBack =
    steps.length > 0 ? ` after looking back (${steps.join(', then ')})` : ', equal at every earlier stage';
  return {
    chosen,
    note: `${label(sorted)} tied${lookBack}; ${names.get(chosen) ?? chosen} chosen ${draw.note}.`,
  };
}

/** Order candidates by votes, highest first, breaking ties as the rules do. */
export function orderByVotes(
  ids: readonly string[],
  votes: ReadonlyMap<string, number>,
  history: readonly Map<string, number>[],
  lot: Lot,
  stage: number,
  names: ReadonlyMap<string, string>,
  notes: string[],
): string[] {
  const rest = [...ids];
  const out: string[] = [];
  while (rest.length > 0) {
    const top = Math.max(...rest.map((id) => votes.get(id) ?? 0));
    const tied = rest.filter((id) => (votes.get(id) ?? 0) === top);
    const t = breakTie(tied, 'highest', history, lot, stage, `order-${out.length}`, names);
    if (t.note) notes.push(t.note);
    out.push(t.chosen);
    rest.splice(rest.indexOf(t.chosen), 1);
  }
  return out;
}
