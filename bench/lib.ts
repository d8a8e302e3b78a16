// Shared helpers for benchmark scenarios: timing, percentiles, scratch PostgreSQL databases,
// the raw pgbench baseline. Each scenario prints one JSON object per database.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { uuidv7 } from 'uuidv7';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { openDatabase, type DbHandle } from '../src/platform/db/client.js';
import { migrate } from '../src/platform/db/migrate.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../test/support/factories.js';

const run = promisify(execFile);

export const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function timeMany(
  n: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p95: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times[times.length - 1]!) };
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `antaeus_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = '/' + name;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Single-row insert commits/s that pgbench gets from the same PostgreSQL (shared/tools/raw-insert-baseline.sh). */
export async function rawInsertBaseline(url = ADMIN_URL, seconds = 5): Promise<number | null> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const script = path.resolve(here, '../../shared/tools/raw-insert-baseline.sh');
  try {
    const { stdout } = await run('bash', [script, url, String(seconds)], { timeout: 60_000 });
    return (JSON.parse(stdout.trim().split('\n').pop()!) as { inserts_per_s: number }).inserts_per_s;
  } catch {
    return null;
  }
}

/** A migrated scratch database for a served scenario: PostgreSQL (a scratch database) or PGlite (a temp folder). */
export async function benchDatabase(
  kind: 'pglite' | 'postgres',
  name: string,
): Promise<{ handle: DbHandle; env: Record<string, string>; cleanup: () => Promise<void> }> {
  let handle: DbHandle;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (kind === 'postgres') {
    const scratch = await scratchDatabase();
    handle = await openDatabase({ databaseUrl: scratch.url });
    env = { DATABASE_URL: scratch.url };
    cleanup = scratch.drop;
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), `antaeus-bench-${name}-`));
    handle = await openDatabase({ dataDir: dir });
    env = { ANTAEUS_DATA: dir };
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
  await migrate(handle);
  return { handle, env, cleanup };
}

export function emit(obj: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

export function rssMb(): number {
  return round(process.memoryUsage().rss / 1024 / 1024, 1);
}

// --- a served app and its clients (bench/assembly.ts, bench/ballot.ts) ---------------------------------------

const BIN = path.resolve('bin/antaeus.js');
export const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export interface Session {
  personId: string;
  cookie: string;
  csrf: string;
}

export function serve(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    // BENCH_SERVER_NODE_ARGS: extra Node options for the server only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`)
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, BIN, 'serve', '--port', '0'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /ready in .* at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve({ child, url: m[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
}

export function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

export async function call<T>(
  base: string,
  method: string,
  url: string,
  who: Session | null,
  body?: unknown,
  opts: { anonymous?: boolean; retryOnReset?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (who && !opts.anonymous) {
    headers.cookie = who.cookie;
    headers['x-csrf-token'] = who.csrf;
  }
  const init = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
  // a keep-alive socket the server closed just as it was reused: an idempotent call (check-in) is simply sent again
  const res = await fetch(base + url, init).catch((err: unknown) => {
    if (!opts.retryOnReset) throw err;
    return fetch(base + url, init);
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** One phone: a raw SSE connection to `path`; records when each state arrives (what `pick` keeps of it). */
export class Phone<T> {
  states: { at: number; s: T }[] = [];
  private buf = '';
  req: http.ClientRequest | null = null;
  connected = false;
  constructor(
    private readonly base: string,
    private readonly path: string,
    private readonly who: Session,
    private readonly pick: (state: never) => T,
  ) {}
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const u = new URL(`${this.base}${this.path}`);
      this.req = http.get(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          agent,
          headers: { cookie: this.who.cookie, accept: 'text/event-stream' },
        },
        (res) => {
          if (res.statusCode !== 200) {
            reject(new Error(`stream → ${res.statusCode}`));
            res.resume();
            return;
          }
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            const at = performance.now();
            this.buf += chunk;
            let i: number;
            while ((i = this.buf.indexOf('\n\n')) >= 0) {
              const block = this.buf.slice(0, i);
              this.buf = this.buf.slice(i + 2);
              if (!/^event: state$/m.test(block)) continue;
              const data = block
                .split('\n')
                .filter((l) => l.startsWith('data: '))
                .map((l) => l.slice(6))
                .join('\n');
              this.states.push({ at, s: this.pick(JSON.parse(data) as never) });
              if (!this.connected) {
                this.connected = true;
                resolve();
              }
            }
          });
          res.on('error', () => {});
        },
      );
      this.req.on('error', reject);
    });
  }
  /** First arrival of a state satisfying `pred` at or after `since`. */
  firstSeen(pred: (s: T) => boolean): number | null {
    for (const x of this.states) if (pred(x.s)) return x.at;
    return null;
  }
  close() {
    this.req?.destroy();
  }
}

export async function pool<T>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

/** Organisation, a district committee with its secretary, `attendees` delegates with live sessions (no passwords). */
export async function seedDelegates(handle: DbHandle, attendees: number) {
  const db = handle.db;
  const org = await makeOrganisation(db, { name: 'Bench party' });
  const cc = await makeBody(db, org, 'central_committee', null);
  const region = await makeBody(db, org, 'regional_committee', cc);
  const city = await makeBody(db, org, 'city_committee', region);
  const district = await makeBody(db, org, 'district_committee', city, { name: 'Bench district' });
  const po = await makeBody(db, org, 'primary_organisation', district);
  const secretary = await makePerson(db, org, po);
  await makeOffice(db, district, secretary, 'secretary');
  const sessions: Session[] = [];
  const expires = new Date(Date.now() + 24 * 3600_000);
  const newSession = (personId: string, accountId: string) => {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(16).toString('base64url');
    return {
      s: { personId, cookie: `antaeus_session=${token}`, csrf },
      row: {
        token_hash: createHash('sha256').update(token).digest('hex'),
        account_id: accountId,
        csrf_token: csrf,
        expires_at: expires,
      },
    };
  };
  const secAccount = uuidv7();
  await db
    .insertInto('account')
    .values({ id: secAccount, person_id: secretary.id, login: 'bench.secretary', password_hash: 'x', locale: 'en' })
    .execute();
  const sec = newSession(secretary.id, secAccount);
  await db.insertInto('session').values(sec.row).execute();
  for (let start = 0; start < attendees; start += 1000) {
    const n = Math.min(1000, attendees - start);
    const persons = Array.from({ length: n }, (_, i) => ({
      id: uuidv7(),
      organisation_id: org.id,
      family_name: `Delegate${start + i}`,
      given_name: 'Ivan',
      social_position: 'worker' as const,
      status: 'member' as const,
      body_id: po.id,
      joined_on: '1925-01-01',
    }));
    await db.insertInto('person').values(persons).execute();
    const accounts = persons.map((p, i) => ({
      id: uuidv7(),
      person_id: p.id,
      login: `delegate.${start + i}`,
      password_hash: 'x',
      locale: 'ru',
    }));
    await db.insertInto('account').values(accounts).execute();
    const made = accounts.map((a) => newSession(a.person_id, a.id));
    await db
      .insertInto('session')
      .values(made.map((m) => m.row))
      .execute();
    sessions.push(...made.map((m) => m.s));
  }
  return { district, secretary: sec.s, sessions };
}
