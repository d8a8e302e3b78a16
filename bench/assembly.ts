// A conference of 5,000 delegates, each on a phone holding a server-sent event stream of the meeting's live state
// (GET /api/meetings/{id}/stream). The load generator runs in this process; the server is a real `antaeus serve`
// child process on a scratch database (PostgreSQL, or PGlite in a temporary folder).
//
// Phases: connect every stream; check every delegate in at the desk, many check-ins in flight at once (several desks
// and phones in a real hall: --checkin-concurrency, default 96; a 503 database_busy is retried after Retry-After and
// counted); open the meeting; 500 question notes sent
// anonymously (tokens blind-signed first, RFC 9474) as fast as the server takes them; live updates: the
// stenographer adds entries one at a time and every stream's arrival time of the state showing each entry is
// recorded. Prints one JSON object per database: check-ins/s (with their latency p50/p99), notes/s, p50/p99 update latency (write request sent →
// state received by a client, over all clients and entries), server memory (RSS) idle, with all streams, peak.
//
// Usage: tsx bench/assembly.ts [--attendees 5000] [--notes 500] [--entries 40] [--checkin-concurrency 96]
//        [--db postgres|pglite]
import { parseArgs } from 'node:util';
import { finalizeTokens, importNoteKey, prepareTokens } from '../src/web/modules/assembly/note-tokens.js';
import {
  agent,
  benchDatabase,
  call,
  emit,
  percentile,
  Phone,
  pool,
  round,
  rssOf,
  seedDelegates,
  serve,
} from './lib.js';

const { values } = parseArgs({
  options: {
    attendees: { type: 'string', default: '5000' },
    notes: { type: 'string', default: '500' },
    entries: { type: 'string', default: '40' },
    streams: { type: 'string' },
    'checkin-concurrency': { type: 'string' },
    db: { type: 'string', multiple: true },
  },
});
const ATTENDEES = Number(values.attendees);
const NOTES = Math.min(Number(values.notes), ATTENDEES);
const ENTRIES = Number(values.entries);
/** Phones holding a stream (default: every attendee). */
const STREAMS = Math.min(Number(values.streams ?? ATTENDEES), ATTENDEES);
/** Check-ins in flight at once (46/s with 8 before issue 10, when more froze PostgreSQL). */
const CHECKIN_CONCURRENCY = Number(values['checkin-concurrency'] ?? process.env.CHECKIN_CONCURRENCY ?? 96);
const log = (line: string) => process.stderr.write(`[assembly] ${line}\n`);
const kinds = (values.db?.length ? values.db : ['postgres']) as ('pglite' | 'postgres')[];

interface LiveLite {
  revision: number;
  transcriptCount: number;
  notesCount: number;
  quorum: { presentVoting: number };
}
const pickLite = (s: LiveLite): LiveLite => ({
  revision: s.revision,
  transcriptCount: s.transcriptCount,
  notesCount: s.notesCount,
  quorum: { presentVoting: s.quorum.presentVoting },
});

async function measure(kind: 'pglite' | 'postgres') {
  const { handle, env, cleanup } = await benchDatabase(kind, 'assembly');
  const { district, secretary, sessions } = await seedDelegates(handle, ATTENDEES);
  await handle.close();

  const { child, url: base } = await serve(env);
  const pid = child.pid!;
  let peakRss = rssOf(pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 200);
  const phones: Phone<LiveLite>[] = [];
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
        // an hour from now is shorter than a conference's notice days: an extraordinary conference
        urgent: true,
      },
    );
    const idleRss = rssOf(pid);

    // 1. every phone opens its stream
    const t0 = performance.now();
    for (const s of sessions.slice(0, STREAMS))
      phones.push(new Phone(base, `/api/meetings/${meeting.id}/stream`, s, pickLite));
    await pool(phones, 200, (p) => p.open());
    const connectMs = performance.now() - t0;
    log(`${phones.length} streams open in ${Math.round(connectMs)} ms`);
    const streamsRss = rssOf(pid);

    // 2. check-in of all at the desk (the secretary manages the district: the desk is theirs)
    const t1 = performance.now();
    let checkedIn = 0;
    let busyRetries = 0;
    const checkInTimes: number[] = [];
    await pool(sessions, CHECKIN_CONCURRENCY, async (s) => {
      const started = performance.now();
      for (;;) {
        try {
          await call(
            base,
            'POST',
            `/api/meetings/${meeting.id}/check-in`,
            secretary,
            { personId: s.personId },
            { retryOnReset: true },
          );
          break;
        } catch (e) {
          // the server was too busy (a database timeout): the desk tries again after Retry-After, as the web app does
          if (!/→ 503 .*database_busy/.test((e as Error).message)) throw e;
          busyRetries++;
          await new Promise((r) => setTimeout(r, 2000));
        }
      }
      checkInTimes.push(performance.now() - started);
      if (++checkedIn % 500 === 0)
        log(`${checkedIn} checked in, ${Math.round(checkedIn / ((performance.now() - t1) / 1000))}/s`);
    });
    const checkInMs = performance.now() - t1;
    // a meeting opens only with its chair
    await call(base, 'PUT', `/api/meetings/${meeting.id}/roles`, secretary, {
      roles: [{ personId: sessions[0]!.personId, role: 'chair', how: 'elected' }],
    });
    checkInTimes.sort((a, b) => a - b);
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
      check_in_concurrency: CHECKIN_CONCURRENCY,
      check_in_p50_ms: round(percentile(checkInTimes, 50), 1),
      check_in_p99_ms: round(percentile(checkInTimes, 99), 1),
      check_in_busy_retries: busyRetries,
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
