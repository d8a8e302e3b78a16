// A secret ballot of 5,000 delegates (present voting participants of one conference), each phone holding the
// meeting's live stream (SSE). Every delegate obtains their blind-signed token when the vote is announced (pressing
// "Vote on this device", as a hall told to take ballots early does); the chair opens the vote; all 5,000 cast as fast as the server accepts them (a realistic number
// of requests in flight, --concurrency); the chair closes. The server is a real `antaeus serve` child process on a
// scratch database. Prints one JSON object per database: time from the opening to the last ballot accepted,
// ballots/s, pgbench's single-row insert commits/s on the same PostgreSQL measured in the same run and the ratio,
// and the time from the close request until each phone received a state with the closed vote and its result.
//
// Usage: tsx bench/ballot.ts [--delegates 5000] [--concurrency 128] [--db postgres|pglite]
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { makeMeeting } from '../test/support/assembly-factory.js';
import { fastKey, fastToken } from '../test/support/fast-blind.js';
import type { NoteToken } from '../src/web/modules/assembly/note-tokens.js';
import {
  ADMIN_URL,
  agent,
  benchDatabase,
  call,
  emit,
  percentile,
  Phone,
  pool,
  rawInsertBaseline,
  round,
  rssOf,
  seedDelegates,
  serve,
} from './lib.js';

const { values } = parseArgs({
  options: {
    delegates: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '128' },
    db: { type: 'string', multiple: true },
  },
});
const DELEGATES = Number(values.delegates);
const CONCURRENCY = Number(values.concurrency);
const kinds = (values.db?.length ? values.db : ['postgres']) as ('pglite' | 'postgres')[];
const log = (line: string) => process.stderr.write(`[ballot] ${line}\n`);

interface VoteLite {
  status: string | null;
  result: boolean;
  received: number;
}
const pickVote = (s: { vote: { status: string; result: unknown; received: number } | null }): VoteLite => ({
  status: s.vote?.status ?? null,
  result: s.vote?.result != null,
  received: s.vote?.received ?? 0,
});

/** Wall-clock milliseconds comparable across threads. */
const now = () => performance.timeOrigin + performance.now();

interface CastJob {
  base: string;
  voteId: string;
  tokens: NoteToken[];
  concurrency: number;
}
interface CastDone {
  accepted: number;
  tFirst: number;
  tLast: number;
}

/** The worker thread: casts every ballot without credentials, `concurrency` requests in flight. */
async function caster(job: CastJob): Promise<void> {
  const choices = ['for', 'against', 'abstain'] as const;
  parentPort!.postMessage('ready');
  await new Promise((r) => parentPort!.once('message', r));
  const tFirst = now();
  let accepted = 0;
  let tLast = tFirst;
  await pool(job.tokens, job.concurrency, async (token, i) => {
    await call(job.base, 'POST', `/api/votes/${job.voteId}/ballots`, null, {
      token,
      content: { choice: choices[i % 3] },
    });
    accepted++;
    tLast = now();
  });
  parentPort!.postMessage({ accepted, tFirst, tLast } satisfies CastDone);
}

async function measure(kind: 'pglite' | 'postgres') {
  const { handle, env, cleanup } = await benchDatabase(kind, 'ballot');
  const { district, secretary, sessions } = await seedDelegates(handle, DELEGATES);
  const org = await handle.db
    .selectFrom('body')
    .select('organisation_id')
    .where('id', '=', district.id)
    .executeTakeFirstOrThrow();
  // the conference is open and every delegate checked in (rows written directly: this bench measures the ballot)
  const meeting = await makeMeeting(handle.db, {
    body: { id: district.id, organisationId: org.organisation_id },
    kind: 'conference',
    title: 'Bench district party conference',
    agenda: ['Election of the bureau'],
    participants: sessions.map((s) => ({ id: s.personId })),
    present: sessions.map((s) => ({ id: s.personId })),
    open: true,
  });
  await handle.close();
  log(`seeded ${DELEGATES} delegates`);

  const { child, url: base } = await serve(env);
  const pid = child.pid!;
  let peakRss = rssOf(pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 200);
  const phones: Phone<VoteLite>[] = [];
  try {
    const vote = await call<{ id: string; publicKeySpki: string }>(
      base,
      'POST',
      `/api/meetings/${meeting.id}/votes`,
      secretary,
      { method: 'secret', title: 'Resolution on the report', agendaItemId: meeting.items[0]!.id },
    );
    for (const s of sessions) phones.push(new Phone(base, `/api/meetings/${meeting.id}/stream`, s, pickVote));
    const tc = performance.now();
    await pool(phones, 200, (p) => p.open());
    log(`${phones.length} streams open in ${Math.round(performance.now() - tc)} ms`);

    // every delegate's phone obtains the token as soon as the vote is announced
    const key = fastKey(vote.publicKeySpki);
    const tokens: NoteToken[] = [];
    const tt = performance.now();
    await pool(sessions, 16, async (s) => {
      tokens.push(
        await fastToken(
          key,
          async (blinded) =>
            (await call<{ signature: string }>(base, 'POST', `/api/votes/${vote.id}/token`, s, { blinded })).signature,
        ),
      );
    });
    const tokensMs = performance.now() - tt;
    log(`${tokens.length} tokens in ${Math.round(tokensMs)} ms`);

    // the chair opens; all cast as fast as the server accepts, from a worker thread (the phones keep this one)
    const entry = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const caster = new Worker(entry, {
      eval: true,
      workerData: { base, voteId: vote.id, tokens, concurrency: CONCURRENCY } satisfies CastJob,
    });
    await new Promise((r) => caster.once('message', r));
    const tOpen = now();
    await call(base, 'POST', `/api/votes/${vote.id}/open`, secretary);
    caster.postMessage('go');
    const { accepted, tFirst, tLast } = await new Promise<CastDone>((resolve, reject) => {
      caster.once('message', resolve);
      caster.once('error', reject);
    });
    await caster.terminate();
    const openToAll = tLast - tOpen;
    const ballotsPerS = accepted / ((tLast - tFirst) / 1000);
    log(`${accepted} ballots accepted ${Math.round(openToAll)} ms after the opening (${Math.round(ballotsPerS)}/s)`);

    await new Promise((r) => setTimeout(r, 1500));
    const tClose = performance.now();
    const closed = await call<{ result: { cast: number; counts: Record<string, number> } }>(
      base,
      'POST',
      `/api/votes/${vote.id}/close`,
      secretary,
    );
    const closeRequestMs = performance.now() - tClose;
    const deadline = performance.now() + 15_000;
    const seen = (p: Phone<VoteLite>) => p.firstSeen((s) => s.status === 'closed' && s.result);
    while (performance.now() < deadline && phones.some((p) => seen(p) === null))
      await new Promise((r) => setTimeout(r, 100));
    const latencies: number[] = [];
    let missing = 0;
    for (const p of phones) {
      const at = seen(p);
      if (at === null) missing++;
      else latencies.push(Math.max(0, at - tClose));
    }
    latencies.sort((a, b) => a - b);
    const sawRising = phones.filter((p) => p.states.some((x) => x.s.received > 0 && x.s.received < DELEGATES)).length;
    clearInterval(sampler);
    for (const p of phones) p.close();
    agent.destroy();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));

    const pgbench = await rawInsertBaseline(ADMIN_URL);
    const ratio = pgbench ? ballotsPerS / pgbench : null;
    emit({
      scenario: 'secret-ballot',
      db: kind,
      delegates: DELEGATES,
      concurrency: CONCURRENCY,
      streams_connected: phones.filter((p) => p.connected).length,
      tokens_ms: round(tokensMs, 0),
      accepted,
      counted: closed.result.cast,
      open_to_all_accepted_ms: round(openToAll, 0),
      ballots_per_s: round(ballotsPerS, 0),
      pgbench_inserts_per_s: pgbench,
      pgbench_on: 'the same PostgreSQL server (for PGlite: for reference)',
      ratio_to_pgbench: ratio === null ? null : round(ratio, 3),
      close_request_ms: round(closeRequestMs, 0),
      close_to_result_ms_p50: round(percentile(latencies, 50), 1),
      close_to_result_ms_p99: round(percentile(latencies, 99), 1),
      close_to_result_missing: missing,
      phones_saw_received_rise: sawRising,
      server_rss_peak_mb: round(peakRss, 1),
      targets: {
        open_to_all_accepted_ms: 5_000,
        close_to_result_ms_p99: 1_000,
        ratio_to_pgbench: 0.25,
      },
      met: {
        accepted_within_5s: accepted === DELEGATES && openToAll <= 5_000,
        result_p99_under_1s: missing === 0 && percentile(latencies, 99) < 1_000,
        intake_ratio: ratio !== null && ratio >= 0.25,
      },
    });
  } finally {
    clearInterval(sampler);
    for (const p of phones) p.close();
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await cleanup();
  }
}

if (isMainThread) for (const kind of kinds) await measure(kind);
else await caster(workerData as CastJob);
