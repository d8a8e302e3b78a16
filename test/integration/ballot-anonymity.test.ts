// Anonymity of secret ballots against someone holding the full database and every server log — the method of
// assembly-anonymity.test.ts (read its header), with the adversary of test/support/anonymity.ts.
//
// Scenario. A real server process (`antaeus serve`) on a scratch database (PGlite in a temporary folder, and
// PostgreSQL), all output captured. Seeded directly: 50 members with accounts, present at an open meeting, and a
// chair. Over HTTP, like the web app: the chair announces a secret vote; the members sign in in one random order
// and each obtains their token at once (as a voter who presses "Vote on this device" then does); the chair opens; the
// members cast, one at a time, in ANOTHER random order, without cookies; the chair closes. The public counters
// are who obtained a token (ballot_token_issue: one each).
//
// The adversary gets a dump of every table (with ctid and xmin) and the server's complete output; its heuristics
// (direct reference, cross-reference, every ordering of the ballots against every ordering of the members —
// including the physical order of ballot_token_issue — and timing) must each stay below the chance threshold
// (Chernoff bound, union over heuristics, α = 1e-3). Controls: a copy of the dump where ballots are stored in the
// order their voters obtained tokens, and one where ballots carry their voter, must be linked.
//
// Also asserted: a ballot row holds no person and no time; the blinded values and blind signatures exchanged at
// issuance are stored nowhere and never logged; the server writes nothing while ballots arrive; a spent token and
// a second token request are refused; the board after the close lists exactly the ballots cast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomInt } from 'node:crypto';
import { serveCli, type ServedProcess } from '../support/processes.js';
import { DB_KINDS } from '../support/db.js';
import { makeMeeting } from '../support/assembly-factory.js';
import { blindOne } from '../support/ballot-client.js';
import { finalizeTokens, type NoteToken } from '../../src/web/modules/assembly/note-tokens.js';
import {
  adversary,
  call,
  cmp,
  forms,
  PASSWORD,
  score,
  seedScenario,
  shuffle,
  signIn,
  stopAndDump,
  tearDown,
  threshold,
  type Dump,
  type ScenarioDb,
  type Target,
} from '../support/anonymity.js';

const MEMBERS = 50;
const ALPHA = 1e-3;
const CHOICES = ['for', 'against', 'abstain'] as const;

interface World {
  scenarioDb: ScenarioDb;
  meetingId: string;
  itemId: string;
  members: { id: string; login: string }[];
}

function seed(kind: 'pglite' | 'postgres'): Promise<World> {
  return seedScenario(kind, 'antaeus-ballot-anon-', MEMBERS, async ({ db, body, chair, members }) => {
    const m = await makeMeeting(db, {
      body,
      participants: members,
      present: shuffle(members),
      roles: [{ person: chair, role: 'chair' }],
      open: true,
    });
    return { meetingId: m.id, itemId: m.items[0]!.id, members };
  });
}

describe.each(DB_KINDS)('anonymity of secret ballots against the full database and logs (%s)', (kind) => {
  let w: World;
  let proc: ServedProcess | undefined;
  let dump: Dump;
  let logs: string;
  let logsDuringBallots: string;
  let voteId = '';
  const byReceipt = new Map<string, string>(); // receipt → voter
  const truth = new Map<string, string>(); // ballot id → voter
  const tokens = new Map<string, NoteToken>();
  const exchanged: string[] = [];
  let spentStatus = 0;
  let secondTokenStatus = 0;
  let boardSize = -1;

  const target = (): Target => ({
    meetingId: w.meetingId,
    table: 'ballot',
    items: (b) => b.vote_id === voteId,
    keys: ['id', 'receipt', 'token_message', 'token_signature'],
    counts: new Map(dump.ballot_token_issue!.filter((t) => t.vote_id === voteId).map((t) => [String(t.person_id), 1])),
    arrivalTopic: 'meeting.vote',
  });

  beforeAll(async () => {
    w = await seed(kind);
    proc = await serveCli(w.scenarioDb.env);
    const base = proc.url;
    const chair = await signIn(base, 'chair', PASSWORD);
    const vote = await call(base, `/api/meetings/${w.meetingId}/votes`, {
      session: chair,
      body: { method: 'secret', title: 'Resolution on the report', agendaItemId: w.itemId },
    });
    expect(vote.status, JSON.stringify(vote.body)).toBe(201);
    voteId = vote.body.id;
    const spki: string = vote.body.publicKeySpki;

    // tokens as soon as the vote is announced, in one random order
    const sessions = new Map<string, Awaited<ReturnType<typeof signIn>>>();
    for (const m of shuffle(w.members)) {
      const me = await signIn(base, m.login, PASSWORD);
      sessions.set(m.id, me);
      const b = await blindOne(spki);
      const res = await call(base, `/api/votes/${voteId}/token`, { session: me, body: { blinded: b.blinded } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      exchanged.push(b.blinded, res.body.signature);
      const [token] = await finalizeTokens(b.key, b.pending, [res.body.signature]);
      tokens.set(m.id, token!);
    }
    const again = await blindOne(spki);
    secondTokenStatus = (
      await call(base, `/api/votes/${voteId}/token`, {
        session: sessions.get(w.members[0]!.id)!,
        body: { blinded: again.blinded },
      })
    ).status;
    expect((await call(base, `/api/votes/${voteId}/open`, { session: chair, method: 'POST' })).status).toBe(200);

    // ballots in another random order, without cookies
    const logMark = proc.out.length;
    for (const m of shuffle(w.members)) {
      const res = await call(base, `/api/votes/${voteId}/ballots`, {
        body: { token: tokens.get(m.id), content: { choice: CHOICES[randomInt(3)] } },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      byReceipt.set(res.body.receipt, m.id);
    }
    logsDuringBallots = proc.out.slice(logMark);
    spentStatus = (
      await call(base, `/api/votes/${voteId}/ballots`, {
        body: { token: tokens.get(w.members[randomInt(MEMBERS)]!.id), content: { choice: 'for' } },
      })
    ).status;
    expect((await call(base, `/api/votes/${voteId}/close`, { session: chair, method: 'POST' })).status).toBe(200);
    boardSize = (await call(base, `/api/votes/${voteId}/board`, { session: chair })).body.entries.length;

    ({ logs, dump } = await stopAndDump(proc, w.scenarioDb));
    for (const b of dump.ballot!.filter((r) => r.vote_id === voteId))
      truth.set(String(b.id), byReceipt.get(String(b.receipt))!);
  }, 600_000);

  afterAll(() => tearDown(proc, w?.scenarioDb), 60_000);

  it('refuses a spent token and a second token request; the board lists every ballot', () => {
    expect(spentStatus).toBe(409);
    expect(secondTokenStatus).toBe(409);
    expect(boardSize).toBe(MEMBERS);
    expect(truth.size).toBe(MEMBERS);
  });

  it('stores no person or time with a ballot and no token exchange anywhere', () => {
    const ballots = dump.ballot!.filter((b) => b.vote_id === voteId);
    const personIds = new Set(dump.person!.map((p) => String(p.id)));
    for (const b of ballots) {
      expect(
        Object.keys(b)
          .filter((c) => !c.startsWith('__'))
          .sort(),
      ).toEqual(['content', 'id', 'receipt', 'token_message', 'token_signature', 'vote_id']);
      for (const v of Object.values(b)) for (const f of forms(v)) expect(personIds.has(f)).toBe(false);
    }
    const all = Object.values(dump).flatMap((rows) => rows.map((r) => Object.values(r).flatMap(forms).join('\u0000')));
    for (const s of exchanged) {
      const probe = s.slice(0, 64);
      expect(all.some((text) => text.includes(probe))).toBe(false);
      expect(logs.includes(probe)).toBe(false);
    }
  });

  it('writes nothing to the logs while ballots arrive, and no receipt or ballot id ever', () => {
    expect(logsDuringBallots).toBe('');
    for (const id of truth.keys()) expect(logs.includes(id)).toBe(false);
    for (const r of byReceipt.keys()) expect(logs.includes(r)).toBe(false);
  });

  it('the adversary links ballots to voters no better than chance', () => {
    const heuristics = adversary(dump, logs, target());
    expect(heuristics.length).toBeGreaterThan(50);
    const level = ALPHA / heuristics.length;
    const k = target().counts;
    for (const h of heuristics) {
      const { hits, mu } = score(h, truth, k);
      expect(hits, `${h.name}: ${hits} hits, chance mean ${mu.toFixed(2)}`).toBeLessThan(threshold(mu, level));
    }
  });

  it('control: the same adversary links a leaky copy where ballots are stored in token order', () => {
    const order = dump
      .ballot_token_issue!.filter((t) => t.vote_id === voteId)
      .sort((a, b) => cmp(a.__ctid, b.__ctid))
      .map((t) => String(t.person_id));
    const leaky = dump
      .ballot!.filter((b) => b.vote_id === voteId)
      .sort((a, b) => order.indexOf(truth.get(String(a.id))!) - order.indexOf(truth.get(String(b.id))!))
      .map((b, i) => ({ ...b, __ctid: `(0,${i + 1})` }));
    const heuristics = adversary({ ...dump, ballot: leaky }, logs, target());
    const level = ALPHA / heuristics.length;
    const k = target().counts;
    const best = heuristics.map((h) => score(h, truth, k)).reduce((a, b) => (b.hits > a.hits ? b : a));
    expect(best.hits).toBeGreaterThanOrEqual(Math.ceil(0.9 * truth.size));
    expect(best.hits).toBeGreaterThanOrEqual(threshold(best.mu, level));
  });

  it('control: the same adversary links a leaky copy where ballots carry their voter', () => {
    const ballots = dump.ballot!.map((b) => (b.vote_id === voteId ? { ...b, cast_by: truth.get(String(b.id)) } : b));
    const [direct] = adversary({ ...dump, ballot: ballots }, logs, target());
    expect(score(direct!, truth, target().counts).hits).toBe(truth.size);
  });
});
