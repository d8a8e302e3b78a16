// The anonymity adversary of test/integration/assembly-anonymity.test.ts (question notes) and
// ballot-anonymity.test.ts (secret ballots), factored out: the scenario's own database (seeded with a chair and
// members with accounts) for a served process, HTTP helpers for that process, a dump of every
// table with its physical order (ctid, xmin), the adversary's heuristics (direct reference, cross-reference in
// other rows and logs, every ordering of the items against every ordering of the participants dealt out by the
// public counters, timing) and the chance threshold (Chernoff bound for negatively associated indicators). The
// method is described at the top of assembly-anonymity.test.ts.
import { randomInt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Database, type DbHandle } from '../../src/platform/db/client.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { createServices } from '../../src/app/compose.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/contracts/auth.js';
import type { Loose } from './http.js';
import { createScratchDatabase, seedPgliteFolder, type DbKind } from './db.js';
import { PASSWORD } from './accounts.js';
import { makeBody, makeOrganisation, makePerson } from './factories.js';
import { stopCli, type ServedProcess } from './processes.js';

// ---- the scenario's database --------------------------------------------------------------------------------

export { PASSWORD };

/** A database of the scenario's own that a served process opens: a PGlite folder, or a scratch PostgreSQL one. */
export interface ScenarioDb {
  /** What `serveCli` needs to serve it. */
  env: Record<string, string>;
  open(): Promise<DbHandle>;
  remove(): Promise<void>;
}

async function scenarioDb(kind: DbKind, prefix: string): Promise<ScenarioDb> {
  if (kind === 'pglite') {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
    await seedPgliteFolder(dataDir);
    return {
      env: { ANTAEUS_DATA: dataDir },
      open: () => openDatabase({ dataDir }),
      remove: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const scratch = await createScratchDatabase({ migrated: true });
  return {
    env: { DATABASE_URL: scratch.url },
    open: () => openDatabase({ databaseUrl: scratch.url }),
    remove: scratch.drop,
  };
}

export interface Seeded {
  db: Database;
  /** The primary organisation every member is registered in. */
  body: { id: string; organisationId: string };
  /** Signs in as 'chair'. */
  chair: { id: string };
  /** Sign in as 'member0', 'member1', …; all with PASSWORD. */
  members: { id: string; login: string }[];
}

/**
 * The scenario's database, migrated and seeded: an organisation, its primary organisation, a chair and `count`
 * members, each with an account. `meetings` makes the scenario's meetings before the database is closed (the
 * served process opens it next).
 */
export async function seedScenario<T>(
  kind: DbKind,
  prefix: string,
  count: number,
  meetings: (s: Seeded) => Promise<T>,
): Promise<T & { scenarioDb: ScenarioDb }> {
  const scenario = await scenarioDb(kind, prefix);
  const handle = await scenario.open();
  await migrate(handle);
  const services = createServices(handle);
  const org = await makeOrganisation(handle.db);
  const root = await makeBody(handle.db, org, 'central_committee', null);
  const po = await makeBody(handle.db, org, 'primary_organisation', root);
  const chair = await makePerson(handle.db, org, po);
  await services.auth.createAccount({ personId: chair.id, login: 'chair', password: PASSWORD });
  const members: { id: string; login: string }[] = [];
  for (let i = 0; i < count; i++) {
    const p = await makePerson(handle.db, org, po);
    const login = `member${i}`;
    await services.auth.createAccount({ personId: p.id, login, password: PASSWORD });
    members.push({ id: p.id, login });
  }
  const made = await meetings({ db: handle.db, body: { id: po.id, organisationId: org.id }, chair, members });
  await handle.close();
  return { ...made, scenarioDb: scenario };
}

/** Stops the served process; its complete output and a dump of its database are the adversary's input. */
export async function stopAndDump(proc: ServedProcess, scenario: ScenarioDb): Promise<{ logs: string; dump: Dump }> {
  await stopCli(proc);
  const logs = proc.out;
  const h = await scenario.open();
  try {
    return { logs, dump: await dumpAll(h) };
  } finally {
    await h.close();
  }
}

/** For afterAll: stops the process if a failure left it running and removes the scenario's database. */
export async function tearDown(proc: ServedProcess | undefined, scenario: ScenarioDb | undefined): Promise<void> {
  await stopCli(proc);
  await scenario?.remove();
}

// ---- the served process ------------------------------------------------------------------------------------

export interface Session {
  cookie: string;
  csrf: string;
}

export async function call(
  base: string,
  route: string,
  opts: { method?: string; body?: unknown; session?: Session } = {},
): Promise<{ status: number; body: Loose }> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.session) {
    headers.cookie = opts.session.cookie;
    headers[CSRF_HEADER] = opts.session.csrf;
  }
  const res = await fetch(base + route, {
    method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
    headers,
    // what the web app does for an anonymous note: no cookies at all
    credentials: 'omit',
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export async function signIn(base: string, login: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  expect(res.status).toBe(200);
  const set = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
  return { cookie: set.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

export function shuffle<T>(xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

// ---- the dump ------------------------------------------------------------------------------------------------

export type Row = Record<string, unknown>;
export type Dump = Record<string, Row[]>;

export async function dumpAll(h: DbHandle): Promise<Dump> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(h.db);
  const out: Dump = {};
  for (const { table_name } of tables.rows) {
    const r =
      await sql<Row>`select ctid::text as "__ctid", xmin::text as "__xmin", * from ${sql.table(table_name)}`.execute(
        h.db,
      );
    out[table_name] = r.rows;
  }
  return out;
}

/** Every textual form a stored value takes (bytes as hex and base64, dates as ISO, objects as JSON). */
export function forms(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (v instanceof Uint8Array) return [Buffer.from(v).toString('hex'), Buffer.from(v).toString('base64')];
  if (v instanceof Date) return [v.toISOString(), String(v.getTime())];
  if (typeof v === 'object') return [JSON.stringify(v)];
  return [String(v)];
}

// ---- the adversary -------------------------------------------------------------------------------------------

export type Guess = Map<string, string | null>; // note id → person id (or no guess)
export interface Heuristic {
  name: string;
  guess: Guess;
}

export function sortKey(v: unknown): [number, number | string] {
  if (v === null || v === undefined) return [9, ''];
  if (v instanceof Date) return [1, v.getTime()];
  if (typeof v === 'number' || typeof v === 'bigint') return [0, Number(v)];
  if (typeof v === 'boolean') return [0, v ? 1 : 0];
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  const ctid = /^\((\d+),(\d+)\)$/.exec(s);
  if (ctid) return [0, Number(ctid[1]) * 65_536 + Number(ctid[2])];
  if (/^-?\d+(\.\d+)?$/.test(s)) return [0, Number(s)];
  const t = /^\d{4}-\d\d-\d\d[T ]/.test(s) ? Date.parse(s) : NaN;
  if (!Number.isNaN(t)) return [1, t];
  return [2, s];
}
export const cmp = (a: unknown, b: unknown) => {
  const [ta, va] = sortKey(a);
  const [tb, vb] = sortKey(b);
  return ta - tb || (va < vb ? -1 : va > vb ? 1 : 0);
};
export const byColumn = (rows: Row[], col: string) =>
  rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) => cmp(x.r[col], y.r[col]) || cmp(x.r.__ctid, y.r.__ctid) || x.i - y.i)
    .map((x) => x.r);

/** What the adversary attacks: anonymous items (question notes, ballots) produced by a meeting's participants. */
export interface Target {
  meetingId: string;
  /** The table of the anonymous items, and which of its rows are the scenario's. */
  table: string;
  items: (r: Row) => boolean;
  /** Columns of an item whose value, found in another row or a log line, cross-references it. */
  keys: string[];
  /** How many items each participant produced (public knowledge: issuance counters). */
  counts: Map<string, number>;
  /** Outbox topic of the event each item's arrival writes, and the item's own (coarse) time column, if any. */
  arrivalTopic: string;
  arrivalColumn?: string;
}

/**
 * Tries to link every item of the target to a participant using only the dump and the logs. Returns each
 * heuristic's guess.
 */
export function adversary(dump: Dump, logs: string, target: Target): Heuristic[] {
  const { meetingId, counts } = target;
  const notes = dump[target.table]!.filter(target.items);
  const participants = dump.meeting_participant!.filter((p) => p.meeting_id === meetingId);
  const members = new Set(participants.map((p) => String(p.person_id)));
  // Every identifier that names a participant: person id, account id, login, personal check-in code.
  const names = new Map<string, string>();
  for (const p of participants) {
    names.set(String(p.person_id), String(p.person_id));
    names.set(String(p.code), String(p.person_id));
  }
  for (const a of dump.account ?? []) {
    if (!members.has(String(a.person_id))) continue;
    names.set(String(a.id), String(a.person_id));
    names.set(String(a.login), String(a.person_id));
  }
  const longIds = [...names.keys()].filter((k) => k.length >= 32);
  const mentions = (values: unknown[]): string[] => {
    const found: string[] = [];
    for (const v of values)
      for (const f of forms(v)) {
        const direct = names.get(f);
        if (direct) found.push(direct);
        else if (f.length > 40) for (const id of longIds) if (f.includes(id)) found.push(names.get(id)!);
      }
    return found;
  };
  const otherMeeting = (r: Row) => 'meeting_id' in r && r.meeting_id !== meetingId;
  const heuristics: Heuristic[] = [];

  // 1. direct: a value of the note's row that names a participant
  heuristics.push({
    name: `direct reference on ${target.table}`,
    guess: new Map(notes.map((n) => [String(n.id), mentions(Object.values(n))[0] ?? null])),
  });

  // 2. cross-reference: another row or a log line holding the note's id, token hash or text and naming someone
  const logLines = logs.split('\n');
  const texts = Object.entries(dump).flatMap(([table, rows]) =>
    rows.map((r) => ({ table, r, text: Object.values(r).flatMap(forms).join('\u0000') })),
  );
  const cross = new Map<string, string | null>();
  for (const n of notes) {
    const keys = target.keys.map((c) => n[c]).filter((x): x is string => typeof x === 'string' && x.length > 0);
    let who: string | null = null;
    for (const { table, r, text } of texts) {
      if (table === target.table && r.id === n.id) continue;
      if (keys.some((k) => text.includes(k))) who ??= mentions(Object.values(r))[0] ?? null;
    }
    for (const line of logLines)
      if (keys.some((k) => line.includes(k))) who ??= mentions([line, ...line.split(/[\s"',:=]+/)])[0] ?? null;
    cross.set(String(n.id), who);
  }
  heuristics.push({ name: 'cross-reference in other rows and logs', guess: cross });

  // 3. order: every ordering of the notes against every ordering of the participants, dealt out by counts
  const noteOrders: [string, Row[]][] = Object.keys(notes[0] ?? {}).map((col) => [
    `${target.table}.${col}`,
    byColumn(notes, col),
  ]);
  const memberOrders: [string, string[]][] = [];
  for (const [table, rows] of Object.entries(dump)) {
    if (table === target.table) continue;
    const relevant = rows.filter((r) => !otherMeeting(r) && mentions(Object.values(r)).length > 0);
    if (relevant.length === 0) continue;
    for (const col of Object.keys(relevant[0]!)) {
      const seq: string[] = [];
      for (const r of byColumn(relevant, col))
        for (const who of mentions(Object.values(r))) if (!seq.includes(who)) seq.push(who);
      memberOrders.push([`${table}.${col}`, seq]);
    }
  }
  for (const [nName, nOrder] of noteOrders)
    for (const [mName, mOrder] of memberOrders) {
      const guess: Guess = new Map();
      let i = 0;
      for (const who of mOrder)
        for (let k = 0; k < (counts.get(who) ?? 0) && i < nOrder.length; k++) guess.set(String(nOrder[i++]!.id), who);
      for (; i < nOrder.length; i++) guess.set(String(nOrder[i]!.id), null);
      heuristics.push({ name: `order ${nName} ~ ${mName}`, guess });
    }

  // 4. timing: the note's exact arrival (its outbox row, k-th note ↔ k-th 'meeting.notes' row in physical order)
  //    against the latest check-in before it
  const noteEvents = byColumn(
    (dump.outbox ?? []).filter((o) => o.topic === target.arrivalTopic && JSON.stringify(o.payload).includes(meetingId)),
    '__ctid',
  );
  const physical = byColumn(notes, '__ctid');
  const checkIns = byColumn(
    (dump.attendance_event ?? []).filter((e) => e.meeting_id === meetingId && e.kind === 'in'),
    'at',
  );
  const timing: Guess = new Map();
  physical.forEach((n, k) => {
    const at = noteEvents[k]?.created_at ?? (target.arrivalColumn ? n[target.arrivalColumn] : undefined);
    let who: string | null = null;
    if (at !== undefined) for (const e of checkIns) if (cmp(e.at, at) <= 0) who = String(e.person_id);
    timing.set(String(n.id), who);
  });
  heuristics.push({ name: 'timing: latest check-in before the note', guess: timing });
  return heuristics;
}

// ---- chance level -----------------------------------------------------------------------------------------------

/** Least t > μ with e^{-μ}(eμ/t)^t ≤ level (Chernoff bound for negatively associated indicators). */
export function threshold(mu: number, level: number): number {
  for (let t = Math.floor(mu) + 1; ; t++) {
    const logBound = mu > 0 ? -mu + t * (1 + Math.log(mu / t)) : -Infinity;
    if (logBound <= Math.log(level)) return t;
  }
}

export function score(h: Heuristic, truth: Map<string, string>, k: Map<string, number>) {
  const n = truth.size;
  let hits = 0;
  let mu = 0;
  for (const [note, author] of truth) {
    const g = h.guess.get(note) ?? null;
    if (g === author) hits++;
    if (g) mu += (k.get(g) ?? 0) / n;
  }
  return { hits, mu };
}
