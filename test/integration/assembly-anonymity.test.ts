// Anonymity of question notes against someone holding the full database and every server log.
//
// Method. A real server process (`antaeus serve`) runs on a scratch database (PGlite in a temporary data
// directory, and PostgreSQL); everything it writes to stdout and stderr is captured as "every server log".
// Seeded directly in the database: an organisation, 50 members with accounts, a chair who also keeps the desk,
// and an open meeting. Over HTTP, like the web app: the 50 members check in in a random order (half on their
// phone with the hall code, half at the desk by personal code), each obtaining right after check-in as many
// blind tokens as the notes they will send (1–3, random) — so the issuance counters are public knowledge to
// the adversary. Then ALL notes are sent anonymously (no cookies), interleaved across members in a random
// order, with texts drawn independently of the author.
//
// The adversary is a function of (a) a dump of every table of the schema (`SELECT ctid, xmin, *`) and (b) the
// server's complete output, and nothing else. Its heuristics, each a guess note → member:
//  - direct: any value of the note's row naming a participant (person id, account id, login, check-in code);
//  - cross-reference: any other row or log line containing the note's id, token hash or text and naming a
//    participant;
//  - order: for every orderable column of question_note (also the physical `ctid` and `xmin`) against every
//    ordering of the participants by any table that mentions them (attendance_event ids, checked_in_at,
//    meeting_participant's ctid/xmin, sessions, login attempts, outbox, …), the notes are dealt out in order,
//    each member taking as many as their tokens_issued counter says (exact alignment if the server kept order);
//  - timing: each note's exact arrival time (recovered from its outbox row) against the latest check-in
//    before it (received_minute vs checked_in_at).
// The adversary's "best" guess is taken to be the heuristic with the most correct links (an upper bound on any
// choice it could make without the ground truth).
//
// Chance level. Under the hypothesis that the server leaks nothing, the dump and logs are independent of who
// wrote which note given the counters k_m, so the authors of the N notes form a uniformly random arrangement of
// the multiset {member m repeated k_m times}. For a fixed guess g (a function of the dump), the hits
// H = Σ_j 1[author(j) = g(j)] have mean μ = Σ_j k_{g(j)} / N, and the indicators are negatively associated
// (a permutation distribution, Joag-Dev & Proschan 1983; non-decreasing functions of disjoint sets keep it), so
// the Chernoff bound holds (Dubhashi & Ranjan 1998): P(H ≥ t) ≤ e^{-μ} (eμ/t)^t for t > μ. With G heuristics
// tried, each heuristic's threshold t_g is the least t > μ_g with that bound ≤ 1e-3 / G (union bound), so the
// probability that ANY heuristic reaches its threshold by chance is ≤ 1e-3. We assert every heuristic stays
// below its threshold (typically ~13 hits of ~100 notes, against ~2 expected).
//
// Control (the test has teeth): the same adversary runs on two deliberately leaky copies of the same dump —
// notes stored in the order their authors checked in (as a server that kept issuance order would), and notes
// carrying their author's person id — and must link them (≥ 90% of the notes, far above the threshold).
//
// Also asserted: no column of question_note names a person for an anonymous note; no stored value anywhere
// contains a token's message or signature or the blinded values and blind signatures exchanged at issuance
// (and the token hash appears only in question_note); the server writes nothing at all while the notes arrive;
// a spent token is refused; the per-person limit holds (the 6th token request of a member is refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCli, type ServedProcess } from '../support/processes.js';
import { createHash, randomInt } from 'node:crypto';
import { DB_KINDS } from '../support/db.js';
import { makeMeeting } from '../support/assembly-factory.js';
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
import {
  finalizeTokens,
  fromBase64,
  importNoteKey,
  prepareTokens,
  type NoteToken,
} from '../../src/web/modules/assembly/note-tokens.js';

const MEMBERS = 50;
const ALPHA = 1e-3;

// ---- the scenario ---------------------------------------------------------------------------------------------

const TEXTS = [
  'Why was the canteen closed on Saturday?',
  'When will the new housing block be ready?',
  'Is it true that the norms are to be raised again?',
  'Who decided to move the shift without asking the shop?',
  'Why are the reports of the bureau not read out in the shops?',
  'What happened to the proposals of the production conference?',
  'Will the wage arrears of the foundry be paid this month?',
  'Why do the same comrades always speak first?',
];

interface World {
  scenarioDb: ScenarioDb;
  meetingId: string;
  limitMeetingId: string;
  hallCode: string;
  limitHallCode: string;
  members: { id: string; login: string; code: string }[];
}

function seed(kind: 'pglite' | 'postgres'): Promise<World> {
  return seedScenario(kind, 'antaeus-anon-', MEMBERS, async ({ db, body, chair, members }) => {
    const m = await makeMeeting(db, {
      body,
      participants: members,
      roles: [
        { person: chair, role: 'chair' },
        { person: chair, role: 'secretariat' },
      ],
      open: true,
    });
    const limit = await makeMeeting(db, { body, participants: [members[0]!], open: true });
    return {
      meetingId: m.id,
      limitMeetingId: limit.id,
      hallCode: m.hallCode,
      limitHallCode: limit.hallCode,
      members: members.map((p) => ({ ...p, code: m.codes.get(p.id)! })),
    };
  });
}

describe.each(DB_KINDS)('anonymity of question notes against the full database and logs (%s)', (kind) => {
  let w: World;
  let proc: ServedProcess | undefined;
  let dump: Dump;
  let logs: string;
  let logsDuringNotes: string;
  const truth = new Map<string, string>(); // note id → author
  const k = new Map<string, number>(); // author → notes sent
  const tokensOf = new Map<string, NoteToken[]>();
  const exchanged: string[] = []; // blinded messages and blind signatures seen on the wire
  let spentStatus = 0;
  const limitStatuses: number[] = [];
  let limitCode = '';
  /** The notes of the meeting; each member's public counter (tokens obtained + signed notes). */
  const target = (): Target => ({
    meetingId: w.meetingId,
    table: 'question_note',
    items: (n) => n.meeting_id === w.meetingId,
    keys: ['id', 'token_hash', 'text'],
    counts: new Map(
      dump
        .meeting_participant!.filter((p) => p.meeting_id === w.meetingId)
        .map((p) => [String(p.person_id), Number(p.tokens_issued) + Number(p.signed_notes)]),
    ),
    arrivalTopic: 'meeting.notes',
    arrivalColumn: 'received_minute',
  });

  beforeAll(async () => {
    w = await seed(kind);
    proc = await serveCli(w.scenarioDb.env);
    const base = proc.url;
    const desk = await signIn(base, 'chair', PASSWORD);
    const key = await call(base, `/api/meetings/${w.meetingId}/note-key`, { session: desk });
    expect(key.status).toBe(200);
    const pub = await importNoteKey(key.body.publicKeySpki);

    // check-in in a random order, tokens right after each check-in
    for (const m of shuffle(w.members)) {
      const me = await signIn(base, m.login, PASSWORD);
      const byHall = randomInt(2) === 0;
      const checkIn = byHall
        ? await call(base, `/api/meetings/${w.meetingId}/check-in`, { body: { hallCode: w.hallCode }, session: me })
        : await call(base, `/api/meetings/${w.meetingId}/check-in`, { body: { code: m.code }, session: desk });
      expect(checkIn.status, JSON.stringify(checkIn.body)).toBe(200);
      const n = 1 + randomInt(3);
      k.set(m.id, n);
      const { blinded, pending } = await prepareTokens(pub, n);
      const issued = await call(base, `/api/meetings/${w.meetingId}/note-tokens`, { body: { blinded }, session: me });
      expect(issued.status, JSON.stringify(issued.body)).toBe(200);
      exchanged.push(...blinded, ...(issued.body.signatures as string[]));
      tokensOf.set(m.id, await finalizeTokens(pub, pending, issued.body.signatures));
    }

    // every note, anonymously, interleaved across members in a random order
    const outbox = shuffle(w.members.flatMap((m) => tokensOf.get(m.id)!.map((token) => ({ author: m.id, token }))));
    const logMark = proc.out.length;
    for (const { author, token } of outbox) {
      const res = await call(base, `/api/meetings/${w.meetingId}/anonymous-notes`, {
        body: { text: TEXTS[randomInt(TEXTS.length)], addressedTo: 'presidium', token },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      truth.set(res.body.id, author);
    }
    logsDuringNotes = proc.out.slice(logMark);

    // a spent token is refused
    const again = outbox[randomInt(outbox.length)]!.token;
    spentStatus = (
      await call(base, `/api/meetings/${w.meetingId}/anonymous-notes`, { body: { text: 'Again', token: again } })
    ).status;

    // the per-person limit (5 in the 1934 statute): the 6th token request of a member is refused
    const first = w.members[0]!;
    const me = await signIn(base, first.login, PASSWORD);
    expect(
      (
        await call(base, `/api/meetings/${w.limitMeetingId}/check-in`, {
          body: { hallCode: w.limitHallCode },
          session: me,
        })
      ).status,
    ).toBe(200);
    const lkey = await call(base, `/api/meetings/${w.limitMeetingId}/note-key`, { session: me });
    const lpub = await importNoteKey(lkey.body.publicKeySpki);
    for (let i = 0; i < 6; i++) {
      const { blinded } = await prepareTokens(lpub, 1);
      const r = await call(base, `/api/meetings/${w.limitMeetingId}/note-tokens`, { body: { blinded }, session: me });
      limitStatuses.push(r.status);
      if (r.status !== 200) limitCode = r.body.error.code;
    }

    ({ logs, dump } = await stopAndDump(proc, w.scenarioDb));
  }, 600_000);

  afterAll(() => tearDown(proc, w?.scenarioDb), 60_000);

  it('refuses a spent token and the 6th token request of a member', () => {
    expect(spentStatus).toBe(409);
    expect(limitStatuses).toEqual([200, 200, 200, 200, 200, 422]);
    expect(limitCode).toBe('note_limit_reached');
  });

  it('stores no person on an anonymous note and no token material anywhere', () => {
    const notes = dump.question_note!.filter((n) => n.meeting_id === w.meetingId);
    expect(notes).toHaveLength(truth.size);
    expect(truth.size).toBe([...k.values()].reduce((a, b) => a + b, 0));
    const personIds = new Set(dump.person!.map((p) => String(p.id)));
    for (const n of notes) {
      expect(n.signed_by).toBeNull();
      expect(n.speaker_person_id).toBeNull();
      for (const v of Object.values(n)) for (const f of forms(v)) expect(personIds.has(f)).toBe(false);
    }
    // the token's message and signature, and what was exchanged at issuance, are stored nowhere; the token's
    // hash only in question_note
    const all = Object.entries(dump).flatMap(([table, rows]) =>
      rows.map((r) => ({ table, text: Object.values(r).flatMap(forms).join('\u0000') })),
    );
    const secrets: string[] = [...exchanged];
    for (const ts of tokensOf.values())
      for (const t of ts) {
        secrets.push(t.message, t.signature);
        secrets.push(
          Buffer.from(fromBase64(t.message)).toString('hex'),
          Buffer.from(fromBase64(t.signature)).toString('hex'),
        );
      }
    for (const s of secrets) {
      const probe = s.slice(0, 64);
      expect(all.some((r) => r.text.includes(probe))).toBe(false);
      expect(logs.includes(probe)).toBe(false);
    }
    for (const n of notes) {
      const hash = String(n.token_hash);
      expect(all.filter((r) => r.text.includes(hash)).map((r) => r.table)).toEqual(['question_note']);
    }
    const hashes = new Set(
      [...tokensOf.values()].flat().map((t) => createHash('sha256').update(fromBase64(t.message)).digest('hex')),
    );
    for (const n of notes) expect(hashes.has(String(n.token_hash))).toBe(true);
  });

  it('writes nothing to the logs while notes arrive, and no note id, text or token ever', () => {
    expect(logsDuringNotes).toBe('');
    for (const id of truth.keys()) expect(logs.includes(id)).toBe(false);
    for (const t of TEXTS) expect(logs.includes(t)).toBe(false);
  });

  it('the adversary links notes to members no better than chance', () => {
    const heuristics = adversary(dump, logs, target());
    expect(heuristics.length).toBeGreaterThan(50); // it really tries many orderings
    const level = ALPHA / heuristics.length;
    const report = heuristics.map((h) => {
      const { hits, mu } = score(h, truth, k);
      return { name: h.name, hits, mu, limit: threshold(mu, level) };
    });
    const best = report.reduce((a, b) => (b.hits - b.limit > a.hits - a.limit ? b : a));
    for (const r of report)
      expect(r.hits, `${r.name}: ${r.hits} hits, chance mean ${r.mu.toFixed(2)}`).toBeLessThan(r.limit);
    // sanity: the thresholds are small against the number of notes
    expect(best.limit).toBeLessThan(truth.size / 4);
  });

  it('control: the same adversary links a leaky copy where notes are stored in check-in order', () => {
    const order = (dump.attendance_event ?? [])
      .filter((e) => e.meeting_id === w.meetingId && e.kind === 'in')
      .sort((a, b) => cmp(a.id, b.id))
      .map((e) => String(e.person_id));
    const notes = dump.question_note!.filter((n) => n.meeting_id === w.meetingId);
    const leaky = [...notes]
      .sort((a, b) => order.indexOf(truth.get(String(a.id))!) - order.indexOf(truth.get(String(b.id))!))
      .map((n, i) => ({ ...n, __ctid: `(0,${i + 1})` }));
    const heuristics = adversary({ ...dump, question_note: leaky }, logs, target());
    const level = ALPHA / heuristics.length;
    const scored = heuristics.map((h) => ({ ...score(h, truth, k), name: h.name }));
    const best = scored.reduce((a, b) => (b.hits > a.hits ? b : a));
    expect(best.hits).toBeGreaterThanOrEqual(Math.ceil(0.9 * truth.size));
    expect(best.hits).toBeGreaterThanOrEqual(threshold(best.mu, level));
  });

  it('control: the same adversary links a leaky copy where notes carry their author', () => {
    const notes = dump.question_note!.map((n) =>
      n.meeting_id === w.meetingId ? { ...n, sent_by: truth.get(String(n.id)) } : n,
    );
    const [direct] = adversary({ ...dump, question_note: notes }, logs, target());
    expect(score(direct!, truth, k).hits).toBe(truth.size);
  });
});
