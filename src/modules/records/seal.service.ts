// Sealed records (ADR 0010): records that cannot be altered unseen. Each carries the SHA-256 of its canonical
// content chained to its predecessor's hash. `seal` appends in the caller's transaction (serialised by an
// advisory lock; unique prev_hash and hash make a fork impossible even without it). `verify` walks the chain
// and compares every record with its live source (a reader registered per kind by the module that owns it),
// so a change made behind the app's back — by SQL, with the database's own guards switched off — is named.
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { SealedRecord, VerifyReport } from '../../contracts/assembly.js';
import { checkLink, describeDifference, nextLink } from './rules/seal.js';
import * as repo from './seal.repository.js';

export interface SealInput {
  organisationId: string;
  /** What is sealed, e.g. 'meeting.protocol'; selects the live source `verify` compares with. */
  kind: string;
  subjectId: string;
  /** How people name the record, e.g. 'Protocol: General assembly …, 1927-03-14'. */
  label: string;
  content: object;
  sealedBy: string | null;
}

/** The module that owns a kind of sealed record tells `verify` what the record says today. */
export interface SealSource {
  /**
   * The content as it would be sealed now, rebuilt from the live tables in the form of the `sealed` content (its
   * payload version: older records are rebuilt as they were sealed); or a problem when the subject no longer
   * stands as sealed (gone, unsealed, pointing at another record).
   */
  live(
    ex: Executor,
    subjectId: string,
    seq: number,
    sealed: unknown,
  ): Promise<{ content: unknown } | { problem: string }>;
  /** Subjects that say they are sealed, with the record they name: a deleted record is found through them. */
  claimed(ex: Executor): Promise<{ seq: number; subjectId: string; label: string }[]>;
  /**
   * Names what changed between the sealed and the live content, one entry per changed record (e.g. 'vote 0193…:
   * result changed'); empty when equal. Without it the top-level fields are named (`describeDifference`).
   */
  differences?(sealed: unknown, live: unknown): string[];
}

export interface VerifyOptions {
  onProgress?: (done: number, total: number) => void;
  /** Report labels of this organisation's records only (others' problems are counted, their labels hidden). */
  organisationId?: string;
  batchSize?: number;
}

const OTHER = '(a record of another organisation)';

export function toSealedRecord(r: repo.SealedRow): SealedRecord {
  return {
    seq: r.seq,
    kind: r.kind,
    subjectId: r.subject_id,
    label: r.label,
    contentHash: r.content_hash,
    prevHash: r.prev_hash,
    hash: r.hash,
    sealedAt: new Date(r.sealed_at).toISOString(),
  };
}

export class SealService {
  private readonly sources = new Map<string, SealSource>();

  constructor(private readonly db: Database) {}

  registerSource(kind: string, source: SealSource): void {
    this.sources.set(kind, source);
  }

  /** Appends a record to the chain in the caller's transaction. */
  async seal(ex: Executor, input: SealInput): Promise<SealedRecord> {
    await repo.lockChain(ex);
    const head = await repo.head(ex);
    const link = nextLink(head ? { seq: head.seq, hash: head.hash } : null, input.content);
    const row = await repo.insert(ex, {
      seq: link.seq,
      organisation_id: input.organisationId,
      kind: input.kind,
      subject_id: input.subjectId,
      label: input.label,
      content: link.content,
      content_hash: link.contentHash,
      prev_hash: link.prevHash,
      hash: link.hash,
      sealed_by: input.sealedBy,
    });
    return toSealedRecord(row);
  }

  async record(ex: Executor, seq: number): Promise<SealedRecord | null> {
    const r = await repo.bySeq(ex, seq);
    return r ? toSealedRecord(r) : null;
  }

  /** Walks the whole chain in order, checking each link and comparing each record with its live source. */
  async verify(opts: VerifyOptions = {}): Promise<VerifyReport> {
    const ex = this.db;
    const problems: VerifyReport['problems'] = [];
    const labelOf = (r: { organisation_id: string; label: string }) =>
      opts.organisationId && r.organisation_id !== opts.organisationId ? OTHER : r.label;
    // Claims first: every record they name was committed before the walk starts, so the walk must meet it.
    const claims: { kind: string; seq: number; subjectId: string; label: string }[] = [];
    for (const [kind, source] of this.sources) for (const c of await source.claimed(ex)) claims.push({ kind, ...c });
    const total = await repo.count(ex);
    const seen = new Map<number, { kind: string; subjectId: string }>();
    const batch = opts.batchSize ?? 1000;
    let prev: { seq: number; hash: string } | null = null;
    let last: repo.SealedRow | undefined;
    let done = 0;
    opts.onProgress?.(0, total);
    for (;;) {
      const rows = await repo.batchAfter(ex, prev?.seq ?? 0, batch);
      if (rows.length === 0) break;
      for (const r of rows) {
        const found = checkLink(prev, {
          seq: r.seq,
          content: r.content,
          contentHash: r.content_hash,
          prevHash: r.prev_hash,
          hash: r.hash,
        });
        found.push(...(await this.compareWithSource(ex, r)));
        for (const problem of found) problems.push({ seq: r.seq, label: labelOf(r), problem });
        seen.set(r.seq, { kind: r.kind, subjectId: r.subject_id });
        prev = { seq: r.seq, hash: r.hash };
        last = r;
      }
      done += rows.length;
      opts.onProgress?.(done, Math.max(total, done));
    }
    for (const c of claims) {
      const s = seen.get(c.seq);
      if (!s) problems.push({ seq: c.seq, label: c.label, problem: 'the record is missing from the chain' });
      else if (s.kind !== c.kind || s.subjectId !== c.subjectId)
        problems.push({ seq: c.seq, label: c.label, problem: 'the record in the chain is of another subject' });
    }
    problems.sort((a, b) => a.seq - b.seq);
    return {
      records: done,
      ok: problems.length === 0,
      problems,
      head: last ? { seq: last.seq, hash: last.hash, sealedAt: new Date(last.sealed_at).toISOString() } : null,
    };
  }

  private async compareWithSource(ex: Executor, r: repo.SealedRow): Promise<string[]> {
    const source = this.sources.get(r.kind);
    if (!source) return [];
    let sealed: unknown;
    try {
      sealed = JSON.parse(r.content);
    } catch {
      return ['the sealed content is not JSON'];
    }
    const live = await source.live(ex, r.subject_id, r.seq, sealed);
    if ('problem' in live) return [live.problem];
    if (source.differences) return source.differences(sealed, live.content).map((d) => `changed since sealing: ${d}`);
    const diff = describeDifference(sealed, live.content);
    return diff ? [`changed since sealing: ${diff}`] : [];
  }
}
