// A conference of 5,000 delegates, each on a phone holding a server-sent event stream of the meeting's live state
// (GET /api/meetings/{id}/stream). The load generator runs in this process; the server is a real `antaeus serve`
// child process on a scratch database (PostgreSQL, or PGlite in a temporary folder).
//
// Phases: connect every stream; check every delegate in at the desk; open the meeting; 500 question notes sent
// anonymously (tokens blind-signed first, RFC 9474) as fast as the server takes them; live updates: the
// stenographer adds entries one at a time and every stream's arrival time of the state showing each entry is
// recorded. Prints one JSON object per database: check-ins/s, notes/s, p50/p99 update latency (write request sent →
// state received by a client, over all clients and entries), server memory (RSS) idle, with all streams, peak.
//
// Usage: tsx bench/assembly.ts [--attendees 5000] [--notes 500] [--entries 40] [--db postgres|pglite]
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { uuidv7 } from 'uuidv7';
import { openDatabase, type DbHandle } from '../src/platform/db/client.js';
import { migrate } from '../src/platform/db/migrate.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../test/support/factories.js';
import { finalizeTokens, importNoteKey, prepareTokens } from '../src/web/modules/assembly/note-tokens.js';
import { emit, percentile, round, scratchDatabase } from './lib.js';

const { values } = parseArgs({
  options: {
    attendees: { type: 'string', default: '5000' },
    notes: { type: 'string', default: '500' },
    entries: { type: 'string', default: '40' },
    streams: { type: 'string' },
    db: { type: 'string', multiple: true },
  },
});
const ATTENDEES = Number(values.attendees);
const NOTES = Math.min(Number(values.notes), ATTENDEES);
const ENTRIES = Number(values.entries);
/** Phones holding a stream (default: every attendee). */
const STREAMS = Math.min(Number(values.streams ?? ATTENDEES), ATTENDEES);
const log = (line: string) => process.stderr.write(`[assembly] ${line}\n`);
const kinds = (values.db?.length ? values.db : ['postgres']) as ('pglite' | 'postgres')[];
const BIN = path.resolve('bin/antaeus.js');
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

interface Session {
  personId: string;
  cookie: string;
  csrf: string;
}

/** Organisation, a district committee with its secretary, ATTENDEES delegates with live sessions (no passwords). */
async function seed(handle: DbHandle) {
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
  for (let start = 0; start < ATTENDEES; start += 1000) {
    const n = Math.min(1000, ATTENDEES - start);
    const persons = Array.from({ length: n }, (_, i) => ({
      id: uuidv7(),
      organisation_id: org.id,
      family_name: `Delegate${start + i}`,
      given_name: 'Ivan',
      social_position: 'worker',
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

function serve(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
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

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

async function call<T>(
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

interface LiveLite {
  revision: number;
  transcriptCount: number;
  notesCount: number;
  quorum: { presentVoting: number };
}

/** One phone: a raw SSE connection; records when each state arrives. */
class Phone {
  states: { at: number; s: LiveLite }[] = [];
  private buf = '';
  req: http.ClientRequest | null = null;
  connected = false;
  constructor(
    private readonly base: string,
    private readonly meetingId: string,
    private readonly who: Session,
  ) {}
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const u = new URL(`${this.base}/api/meetings/${this.meetingId}/stream`);
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
              const s = JSON.parse(data) as LiveLite;
              this.states.push({
                at,
                s: {
                  revision: s.revision,
                  transcriptCount: s.transcriptCount,
                  notesCount: s.notesCount,
                  quorum: { presentVoting: s.quorum.presentVoting },
                },
              });
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
  firstSeen(pred: (s: LiveLite) => boolean): number | null {
    for (const x of this.states) if (pred(x.s)) return x.at;
    return null;
  }
  close() {
    this.req?.destroy();
  }
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<void>) {
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

async function measure(kind: 'pglite' | 'postgres') {
  let handle: DbHandle;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (kind === 'postgres') {
    const scratch = await scratchDatabase();
    handle = await openDatabase({ databaseUrl: scratch.url });
    env = { DATABASE_URL: scratch.url };
    cleanup = scratch.drop;
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'antaeus-bench-assembly-'));
    handle = await openDatabase({ dataDir: dir });
    env = { ANTAEUS_DATA: dir };
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
  await migrate(handle);
  const { district, secretary, sessions } = await seed(handle);
  await handle.close();

  const { child, url: base } = await serve(env);
  const pid = child.pid!;
  let peakRss = rssOf(pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 200);
  const phones: Phone[] = [];
  try {
    const startsAt = new Date(Date.now() + 3600_000).toISOString();
    const meeting = await call<{ id: string; revision: number }>(
      base,
      'POST',
      `/api/bodies/${district.id}/meetings`,
      secretary,
      {
        kind: 'conference',
        title: 'Bench district party conference',
        startsAt,
        place: 'Palace of Labour',
        agenda: [{ title: 'Report of the district committee', reporterName: 'Secretary' }],
        delegateIds: sessions.map((s) => s.personId),
      },
    );
    const idleRss = rssOf(pid);

    // 1. every phone opens its stream
    const t0 = performance.now();
    for (const s of sessions.slice(0, STREAMS)) phones.push(new Phone(base, meeting.id, s));
    await pool(phones, 200, (p) => p.open());
    const connectMs = performance.now() - t0;
    log(`${phones.length} streams open in ${Math.round(connectMs)} ms`);
    const streamsRss = rssOf(pid);

    // 2. check-in of all at the desk (the secretary manages the district: the desk is theirs)
    const t1 = performance.now();
    let checkedIn = 0;
    await pool(sessions, Number(process.env.CHECKIN_CONCURRENCY ?? 8), async (s) => {
      await call(
        base,
        'POST',
        `/api/meetings/${meeting.id}/check-in`,
        secretary,
        { personId: s.personId },
        { retryOnReset: true },
      );
      if (++checkedIn % 500 === 0)
        log(`${checkedIn} checked in, ${Math.round(checkedIn / ((performance.now() - t1) / 1000))}/s`);
    });
    const checkInMs = performance.now() - t1;
    const current = await call<{ revision: number }>(base, 'GET', `/api/meetings/${meeting.id}`, secretary);
    await call(base, 'POST', `/api/meetings/${meeting.id}/open`, secretary, { revision: current.revision });

    // 3. question notes: NOTES delegates obtain one blind token each, then all notes go in anonymously
    const key = await call<{ publicKeySpki: string }>(
      base,
      'GET',
      `/api/meetings/${meeting.id}/note-key`,
      sessions[0]!,
    );
    const publicKey = await importNoteKey(key.publicKeySpki);
    const writers = sessions.slice(0, NOTES);
    const tokens: { message: string; signature: string }[] = [];
    await pool(writers, 8, async (s) => {
      const { blinded, pending } = await prepareTokens(publicKey, 1);
      const r = await call<{ signatures: string[] }>(base, 'POST', `/api/meetings/${meeting.id}/note-tokens`, s, {
        blinded,
      });
      tokens.push(...(await finalizeTokens(publicKey, pending, r.signatures)));
    });
    const t2 = performance.now();
    await pool(tokens, 8, async (token, i) => {
      await call(base, 'POST', `/api/meetings/${meeting.id}/anonymous-notes`, null, {
        text: `Question ${i}: when will the new housing be built?`,
        addressedTo: 'presidium',
        token,
      });
    });
    const notesMs = performance.now() - t2;
    log(`${tokens.length} notes in ${Math.round(notesMs)} ms`);

    // 4. live updates: the stenographer (the secretary) adds entries one at a time, paced at 4 per second
    await new Promise((r) => setTimeout(r, 1000));
    const baseCount = Math.max(...phones.map((p) => p.states.at(-1)?.s.transcriptCount ?? 0));
    const sent: number[] = [];
    for (let k = 1; k <= ENTRIES; k++) {
      sent.push(performance.now());
      await call(base, 'POST', `/api/meetings/${meeting.id}/transcript`, secretary, {
        kind: 'remark',
        text: '(Applause)',
      });
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 3000));
    const latencies: number[] = [];
    let missing = 0;
    for (const p of phones) {
      for (let k = 1; k <= ENTRIES; k++) {
        const at = p.firstSeen((s) => s.transcriptCount >= baseCount + k);
        if (at === null) missing++;
        else latencies.push(Math.max(0, at - sent[k - 1]!));
      }
    }
    latencies.sort((a, b) => a - b);
    const notesSeen = phones.filter((p) => p.firstSeen((s) => s.notesCount >= NOTES) !== null).length;
    const allPresent = phones.filter((p) => p.firstSeen((s) => s.quorum.presentVoting >= ATTENDEES) !== null).length;
    const statesPerPhone = phones.reduce((a, p) => a + p.states.length, 0) / phones.length;

    emit({
      scenario: 'assembly-conference',
      db: kind,
      attendees: ATTENDEES,
      streams_connected: phones.filter((p) => p.connected).length,
      connect_all_ms: round(connectMs, 0),
      check_in_all_ms: round(checkInMs, 0),
      check_ins_per_s: round(ATTENDEES / (checkInMs / 1000), 1),
      phones_saw_all_present: allPresent,
      notes: tokens.length,
      notes_ms: round(notesMs, 0),
      notes_per_s: round(tokens.length / (notesMs / 1000), 1),
      notes_within_a_minute: notesMs <= 60_000,
      phones_saw_all_notes: notesSeen,
      update_latency_samples: latencies.length,
      update_latency_missing: missing,
      update_latency_p50_ms: round(percentile(latencies, 50), 1),
      update_latency_p99_ms: round(percentile(latencies, 99), 1),
      states_per_phone: round(statesPerPhone, 1),
      server_rss_idle_mb: round(idleRss, 1),
      server_rss_with_streams_mb: round(streamsRss, 1),
      server_rss_peak_mb: round(peakRss, 1),
      target: 'DESIGN.md live congress: 5,000 delegates on SSE; an update on every screen p99 < 1 s',
    });
  } finally {
    clearInterval(sampler);
    for (const p of phones) p.close();
    agent.destroy();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await cleanup();
  }
}

for (const kind of kinds) await measure(kind);
