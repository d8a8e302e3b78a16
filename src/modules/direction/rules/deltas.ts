// What one act on a report changes in the stored figures (ADR 0027 §6). Pure.
// A node's own report lands in its stripe -1 row; in each frozen ancestor's row of the stripe the REPORTING node
// hashes to at that ancestor's depth (rules/stripes.ts), whatever the path between. A counted report is the last
// submitted version of a report submitted, approved or reopened.
import { stripeAt } from './stripes.js';

export interface ChainLink {
  /** the ancestor */
  bodyId: string;
  /** its depth (how many stripes it keeps) */
  depth: number;
  /** the stripe of the ancestor's rows this node's figures land in: the reporting node's own, at that depth */
  stripe: number;
}

/**
 * Where a node's figures land above it: each frozen ancestor (nearest first, with its depth) in the stripe of the
 * reporting node's stored stripe (its hash modulo 32, round_body.stripe) at the ancestor's depth.
 */
export function chainLinks(reporterStripe: number, ancestors: { bodyId: string; depth: number }[]): ChainLink[] {
  return ancestors.map((a) => ({ bodyId: a.bodyId, depth: a.depth, stripe: stripeAt(reporterStripe, a.depth) }));
}

export interface NumericIndicator {
  id: string;
  code: string;
  /** text indicators are counted only */
  numeric: boolean;
}

type Values = Record<string, number | string | null | undefined>;

function num(v: number | string | null | undefined, numeric: boolean): { present: boolean; value: number | null } {
  if (v === null || v === undefined || v === '') return { present: false, value: null };
  if (!numeric) return { present: true, value: null };
  return typeof v === 'number' ? { present: true, value: v } : { present: true, value: Number(v) };
}

export interface RollupRowDelta {
  body_id: string;
  indicator_id: string;
  stripe: number;
  n: number;
  sum: number;
  min: number | null;
  max: number | null;
}

/**
 * The roll-up rows a change of a node's counted values writes: `before` the values counted until now (null: none),
 * `after` those counted from now (null: none). Also says which values were retracted (per indicator): where one was
 * the minimum or maximum of an ancestor's stripe, that stripe's extremes must be recomputed.
 */
export function rollupDeltas(
  nodeId: string,
  chain: ChainLink[],
  indicators: NumericIndicator[],
  before: Values | null,
  after: Values | null,
): { rows: RollupRowDelta[]; retracted: { indicatorId: string; value: number }[] } {
  const rows: RollupRowDelta[] = [];
  const retracted: { indicatorId: string; value: number }[] = [];
  for (const ind of indicators) {
    const o = num(before?.[ind.code], ind.numeric);
    const a = num(after?.[ind.code], ind.numeric);
    const dn = (a.present ? 1 : 0) - (o.present ? 1 : 0);
    const ds = (a.value ?? 0) - (o.value ?? 0);
    if (dn === 0 && ds === 0 && o.value === a.value) continue;
    if (o.value !== null && o.value !== a.value) retracted.push({ indicatorId: ind.id, value: o.value });
    rows.push({ body_id: nodeId, indicator_id: ind.id, stripe: -1, n: dn, sum: ds, min: a.value, max: a.value });
    for (const link of chain)
      rows.push({
        body_id: link.bodyId,
        indicator_id: ind.id,
        stripe: link.stripe,
        n: dn,
        sum: ds,
        min: a.value,
        max: a.value,
      });
  }
  return { rows, retracted };
}

/** What a node's report looks like to completeness. */
export interface ProgressState {
  counted: boolean;
  reported: boolean;
  onTime: boolean;
  returned: boolean;
  approved: boolean;
  excused: boolean;
  acknowledged: boolean;
}

export interface ProgressRowDelta {
  body_id: string;
  stripe: number;
  submitted: number;
  reported: number;
  on_time: number;
  returned: number;
  approved: number;
  excused: number;
  acknowledged: number;
}

const b = (x: boolean): number => (x ? 1 : 0);

/** The completeness rows an addressee's change writes: itself (stripe -1) and each frozen ancestor. */
export function progressDeltas(
  nodeId: string,
  chain: ChainLink[],
  from: ProgressState,
  to: ProgressState,
): ProgressRowDelta[] {
  const d = {
    submitted: b(to.counted) - b(from.counted),
    reported: b(to.reported) - b(from.reported),
    on_time: b(to.onTime) - b(from.onTime),
    returned: b(to.returned) - b(from.returned),
    approved: b(to.approved) - b(from.approved),
    excused: b(to.excused) - b(from.excused),
    acknowledged: b(to.acknowledged) - b(from.acknowledged),
  };
  if (Object.values(d).every((x) => x === 0)) return [];
  return [{ body_id: nodeId, stripe: -1, ...d }, ...chain.map((l) => ({ body_id: l.bodyId, stripe: l.stripe, ...d }))];
}

/** The frozen ancestors of a node from its frozen path, nearest first, down to (and including) the issuer. */
export function ancestorIds(path: string, issuerDepth: number): string[] {
  const labels = path.split('.');
  const ids: string[] = [];
  for (let depth = labels.length - 1; depth >= issuerDepth; depth--) {
    const l = labels[depth - 1]!;
    ids.push(`${l.slice(0, 8)}-${l.slice(8, 12)}-${l.slice(12, 16)}-${l.slice(16, 20)}-${l.slice(20)}`);
  }
  return ids;
}

/** What a campaign's meeting adds to the meeting counts. */
export interface MeetingCounts {
  convened: number;
  held: number;
  quorate: number;
  protocols: number;
}

/** The campaign progress rows a change of a node's meeting writes: itself (stripe -1) and each frozen ancestor. */
export function meetingDeltas(
  nodeId: string,
  chain: ChainLink[],
  d: MeetingCounts,
): ({ body_id: string; stripe: number } & MeetingCounts)[] {
  if (d.convened === 0 && d.held === 0 && d.quorate === 0 && d.protocols === 0) return [];
  return [{ body_id: nodeId, stripe: -1, ...d }, ...chain.map((l) => ({ body_id: l.bodyId, stripe: l.stripe, ...d }))];
}
