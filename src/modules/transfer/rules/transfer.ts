// The transfer state machine (pure): registered → deregistered (in transit) → registered, or one direct act.
export type TransferState = 'registered' | 'in_transit' | 'not_member';
export type TransferEvent = 'deregister' | 'register' | 'transfer';
export type TransferRefusal =
  'transfer_not_a_member' | 'transfer_already_in_transit' | 'transfer_not_in_transit' | 'transfer_not_registered';

export type Transition = { ok: true; state: TransferState } | { ok: false; code: TransferRefusal };

/** The state of a person for transfers: members and candidates are registered or in transit. */
export function transferStateOf(p: { status: string; bodyId: string | null }): TransferState {
  if (p.status !== 'member' && p.status !== 'candidate') return 'not_member';
  return p.bodyId ? 'registered' : 'in_transit';
}

export function nextTransferState(state: TransferState, event: TransferEvent): Transition {
  if (state === 'not_member') return { ok: false, code: 'transfer_not_a_member' };
  if (state === 'registered') {
    if (event === 'deregister') return { ok: true, state: 'in_transit' };
    if (event === 'transfer') return { ok: true, state: 'registered' };
    return { ok: false, code: 'transfer_not_in_transit' };
  }
  if (event === 'register') return { ok: true, state: 'registered' };
  if (event === 'deregister') return { ok: false, code: 'transfer_already_in_transit' };
  return { ok: false, code: 'transfer_not_registered' };
}

/** Whole months from `from` to `to` (ISO dates): 2026-01-31 → 2026-02-28 is 0, → 2026-03-01 is 1. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let n = (ty - fy) * 12 + (tm - fm);
  if (td < fd) n -= 1;
  return Math.max(0, n);
}

/** The latest deregistration date that is still within the limit on `on`: earlier ones are flagged. */
export function unregisteredCutoff(on: string, limitMonths: number): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 - limitMonths, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  t.setUTCDate(Math.min(d, last));
  return t.toISOString().slice(0, 10);
}

/** Flagged when registered nowhere for longer than the limit: deregistered before the cutoff. */
export function isUnregisteredTooLong(deregisteredOn: string, on: string, limitMonths: number): boolean {
  return deregisteredOn < unregisteredCutoff(on, limitMonths);
}
