// The seal covers the whole record the protocol reports (ADR 0010, payload version 2): a meeting with attendance
// (check-ins and a departure), a chair and a secretary, a motion amended and adopted by roll call with a minority
// opinion, a secret vote with real ballots, a secret STV election with its round-by-round transcript and a decision
// recorded as taken there is sealed and verifies. Then, per kind, one row is changed by SQL behind the app's back
// (the database's guards switched off, as a superuser would) and `verify` must fail naming exactly that record —
// attendance, quorum, roles, motion text, amendment, vote result, a ballot row, election transcript and elected,
// minority opinion, decision — and verify again once the row is put back. A record sealed before version 2 (no
// parts) still verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import { makeMeeting, setMeetingStatus, type MadeMeeting } from '../support/assembly-factory.js';
import { castBallot, obtainToken } from '../support/ballot-client.js';
import type { Database } from '../../src/platform/db/client.js';
import type { VoteResult } from '../../src/contracts/ballot.js';
import { canonicalJson, nextLink } from '../../src/modules/records/rules/seal.js';

const VOTERS = ['Alpha', 'Beta', 'Gamma', 'Delta'];
const FINAL = 'The assembly approves the report and instructs the bureau to open a reading room.';

describe.each(DB_KINDS)('the seal covers the whole record on %s', (kind) => {
  let srv: TestServer;
  let meeting: MadeMeeting;
  let seq = 0;
  let label = '';
  const ids: Record<string, string> = {};
  const { people, account, who: as } = namedPeople(() => srv);

  async function ok(res: Promise<{ status: number; body: Loose }>, status = 200): Promise<Loose> {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  }

  /** Runs `fn` with every trigger switched off (session_replication_role = replica), as a superuser could. */
  async function behindTheBack(fn: (ex: Database) => Promise<unknown>): Promise<void> {
    await srv.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await fn(trx as unknown as Database);
    });
  }

  /** The problems `verify` reports now, as 'changed since sealing: …' texts (all on the one sealed record). */
  async function problems(): Promise<string[]> {
    const report = await srv.services.protocol.verify(null);
    for (const p of report.problems) expect([p.seq, p.label]).toEqual([seq, label]);
    return report.problems.map((p) => p.problem);
  }

  /** Tampers, checks that verify names exactly `expected`, puts the row back and checks that it verifies again. */
  async function tamperedAndBack(
    tamper: (ex: Database) => Promise<unknown>,
    restore: (ex: Database) => Promise<unknown>,
    expected: (string | RegExp)[],
  ): Promise<void> {
    expect(await problems()).toEqual([]);
    await behindTheBack(tamper);
    const found = await problems();
    expect(found).toHaveLength(expected.length);
    expected.forEach((e, i) => (typeof e === 'string' ? expect(found[i]).toBe(e) : expect(found[i]).toMatch(e)));
    await behindTheBack(restore);
    expect(await problems()).toEqual([]);
  }

  const changed = (what: string) => `changed since sealing: ${what}`;

  /** A vote on a motion by the tellers' count or by roll call, through the routes. */
  async function decide(
    motionId: string,
    how: { counts: { for: number; against: number; abstain: number } } | { roll: [string, 'for' | 'against'][] },
  ): Promise<Loose> {
    const method = 'counts' in how ? 'open' : 'roll_call';
    const v = await ok(as('Chair').post(`/api/meetings/${meeting.id}/votes`, { method, motionId }), 201);
    await ok(as('Chair').post(`/api/votes/${v.id}/open`));
    if ('counts' in how) await ok(as('Chair').post(`/api/votes/${v.id}/count`, { counts: how.counts }));
    else
      for (const [n, choice] of how.roll)
        await ok(as('Chair').post(`/api/votes/${v.id}/roll-call`, { personId: people[n]!.id, choice }));
    return ok(as('Chair').post(`/api/votes/${v.id}/close`));
  }

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    const po = await makeBody(srv.db, org, 'primary_organisation', root);
    for (const n of [...VOTERS, 'Chair']) await account(n, org, po);
    const all = [...VOTERS, 'Chair'].map((n) => ({ id: people[n]!.id }));
    meeting = await makeMeeting(srv.db, {
      body: { id: po.id, organisationId: org.id },
      title: 'General assembly of the foundry',
      agenda: ['Report of the bureau', 'Elections'],
      participants: all,
      present: all,
      roles: [
        { person: { id: people.Chair!.id }, role: 'chair', how: 'elected' },
        { person: { id: people.Beta!.id }, role: 'secretary' },
      ],
      open: true,
    });
    // Delta leaves before the end: a departure beside the check-ins
    await srv.db
      .updateTable('meeting_participant')
      .set({ present: false, left_at: new Date() })
      .where('meeting_id', '=', meeting.id)
      .where('person_id', '=', people.Delta!.id)
      .execute();
    await srv.db
      .insertInto('attendance_event')
      .values({ meeting_id: meeting.id, person_id: people.Delta!.id, kind: 'out', method: 'secretariat' })
      .execute();

    // a motion, amended (the amendment adopted), adopted by roll call, with a minority opinion
    const m = await ok(
      as('Chair').post(`/api/meetings/${meeting.id}/motions`, {
        agendaItemId: meeting.items[0]!.id,
        title: 'On the report of the bureau',
        text: 'The assembly approves the report and instructs the bureau to repair the club.',
        proposerLabel: 'Bureau of the organisation',
      }),
      201,
    );
    await ok(as('Alpha').post(`/api/motions/${m.id}/support`));
    const a = await ok(
      as('Beta').post(`/api/motions/${m.id}/amendments`, { replaces: 'repair the club', text: 'open a reading room' }),
      201,
    );
    await ok(as('Alpha').post(`/api/motions/${a.id}/support`));
    await decide(a.id, { counts: { for: 3, against: 1, abstain: 0 } });
    const rc = await decide(m.id, {
      roll: [
        ['Alpha', 'for'],
        ['Beta', 'for'],
        ['Gamma', 'against'],
      ],
    });
    expect(rc.result.carried).toBe(true);
    const mo = await ok(
      as('Gamma').post(`/api/motions/${m.id}/minority-opinions`, { text: 'The club must be repaired first.' }),
      201,
    );
    expect(mo.minorityOpinions).toHaveLength(1);
    Object.assign(ids, { motion: m.id, amendment: a.id, rollCall: rc.id, opinion: mo.minorityOpinions[0].id });

    // a secret vote on a question, with real ballots
    const sv = await ok(
      as('Chair').post(`/api/meetings/${meeting.id}/votes`, {
        method: 'secret',
        title: 'Hold the next assembly at the club',
        agendaItemId: meeting.items[0]!.id,
        questionKind: 'ordinary',
      }),
      201,
    );
    const tokens = [];
    for (const n of ['Alpha', 'Beta', 'Gamma'])
      tokens.push(
        await obtainToken(sv.publicKeySpki, async (blinded) => {
          const r = await as(n).post(`/api/votes/${sv.id}/token`, { blinded });
          expect(r.status, JSON.stringify(r.body)).toBe(200);
          return r.body.signature as string;
        }),
      );
    await ok(as('Chair').post(`/api/votes/${sv.id}/open`));
    const request = (path: string, init: RequestInit) => srv.app.request(path, init);
    for (const [i, t] of tokens.entries()) {
      const r = await castBallot(request, sv.id, t, { choice: i === 2 ? 'against' : 'for' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const svClosed = await ok(as('Chair').post(`/api/votes/${sv.id}/close`));
    expect(svClosed.result.boardHash).toMatch(/^[0-9a-f]{64}$/);
    ids.secretVote = sv.id;

    // an STV election by secret ballot, closed, as the election module leaves it
    ids.election = uuidv7();
    ids.electionVote = uuidv7();
    await srv.db
      .insertInto('election')
      .values({
        id: ids.election,
        meeting_id: meeting.id,
        agenda_item_id: meeting.items[1]!.id,
        title: 'Bureau of the cell',
        office: 'bureau',
        seats: 1,
        method: 'scottish_stv',
        ballot: 'secret',
        status: 'closed',
        closed_at: new Date(),
      })
      .execute();
    const [pa, pb] = [people.Alpha!.id, people.Beta!.id];
    await srv.db
      .insertInto('candidate')
      .values([
        { election_id: ids.election, person_id: pa, position: 1, consent: 'consented', elected: true },
        { election_id: ids.election, person_id: pb, position: 2, consent: 'consented', elected: false },
      ])
      .execute();
    const result: VoteResult = {
      counts: null,
      carried: null,
      majority: null,
      needed: null,
      cast: 3,
      invalid: 0,
      present: 4,
      entitled: 5,
      boardHash: null,
      count: {
        method: 'scottish_stv',
        seats: 1,
        candidates: [
          { id: pa, name: 'Alpha Comrade' },
          { id: pb, name: 'Beta Comrade' },
        ],
        valid: 3,
        invalid: 0,
        elected: [pa],
        totals: null,
        rounds: [
          {
            round: 1,
            action: 'First preferences',
            votes: { [pa]: '2.00000', [pb]: '1.00000' },
            exhausted: '0.00000',
            quota: '1.50001',
            elected: [pa],
            excluded: [],
            tieBreak: null,
          },
        ],
      },
    };
    await srv.db
      .insertInto('vote')
      .values({
        id: ids.electionVote,
        meeting_id: meeting.id,
        agenda_item_id: meeting.items[1]!.id,
        election_id: ids.election,
        title: 'Bureau of the cell',
        method: 'open',
        status: 'closed',
        result: JSON.stringify(result),
        closed_at: new Date(),
      })
      .execute();

    // a decision recorded as taken by this assembly
    ids.decision = await srv.services.records.decision(srv.db, {
      organisationId: org.id,
      bodyId: po.id,
      takenOn: '1927-03-14',
      process: 'assembly',
      entityId: meeting.items[0]!.id,
      outcome: 'adopted',
      votes: { for: 3, against: 1, abstained: 0 },
      recordedBy: null,
      assemblyId: meeting.id,
    });

    await setMeetingStatus(srv.db, meeting.id, 'closed', null);
    const draft = await srv.services.protocol.generate(null, meeting.id, { lang: 'en' });
    const approved = await srv.services.protocol.approve(null, meeting.id, { version: draft.version });
    const sealed = await srv.services.protocol.seal(null, meeting.id, { version: approved.version });
    seq = sealed.seal!.seq;
    const rec = await srv.db
      .selectFrom('sealed_record')
      .select(['label', 'content'])
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow();
    label = rec.label;
    const content = JSON.parse(rec.content) as { version: number; parts: { kind: string }[] };
    expect(content.version).toBe(2);
    expect(new Set(content.parts.map((p) => p.kind))).toEqual(
      new Set([
        'attendance',
        'quorum',
        'roles',
        'motion',
        'amendment',
        'minority opinion',
        'vote',
        'ballots',
        'election',
        'decision',
      ]),
    );
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
  });

  it('verifies the untouched record', async () => {
    const report = await srv.services.protocol.verify(null);
    expect(report).toMatchObject({ ok: true, problems: [], records: 1 });
  });

  it('names the attendance of the meeting when a check-in or departure is changed', async () => {
    const ev = await srv.db
      .selectFrom('attendance_event')
      .select([sql<string>`id::text`.as('id'), 'at'])
      .where('meeting_id', '=', meeting.id)
      .where('kind', '=', 'out')
      .executeTakeFirstOrThrow();
    const setAt = (at: Date) => (ex: Database) =>
      ex
        .updateTable('attendance_event')
        .set({ at })
        .where(sql<string>`id::text`, '=', ev.id)
        .execute();
    await tamperedAndBack(setAt(new Date('1927-03-14T20:00:00Z')), setAt(ev.at), [
      changed(`attendance of meeting ${meeting.id}: events ${ev.id} changed`),
    ]);
  });

  it('names the quorum (and the attendance) when a participant’s voice is changed, and the roles when the chair is', async () => {
    const voice = (v: 'voting' | 'consultative' | 'guest') => (ex: Database) =>
      ex
        .updateTable('meeting_participant')
        .set({ voice: v })
        .where('meeting_id', '=', meeting.id)
        .where('person_id', '=', people.Gamma!.id)
        .execute();
    await tamperedAndBack(voice('consultative'), voice('voting'), [
      changed(`attendance of meeting ${meeting.id}: participants ${people.Gamma!.id} changed`),
      changed(
        `quorum of meeting ${meeting.id}: entitled consultative changed, entitled voting changed, ` +
          'present consultative changed, present voting changed',
      ),
    ]);
    const chair = (from: string, to: string) => (ex: Database) =>
      ex
        .updateTable('meeting_role')
        .set({ person_id: to })
        .where('meeting_id', '=', meeting.id)
        .where('role', '=', 'chair')
        .where('person_id', '=', from)
        .execute();
    await tamperedAndBack(chair(people.Chair!.id, people.Gamma!.id), chair(people.Gamma!.id, people.Chair!.id), [
      changed(`roles of meeting ${meeting.id}: chair ${people.Chair!.id} changed`),
    ]);
  });

  it('names the motion whose final text is changed', async () => {
    const text = (t: string) => (ex: Database) =>
      ex.updateTable('motion').set({ current_text: t }).where('id', '=', ids.motion!).execute();
    const before = await srv.db
      .selectFrom('motion')
      .select('current_text')
      .where('id', '=', ids.motion!)
      .executeTakeFirstOrThrow();
    expect(before.current_text).toBe(FINAL);
    await tamperedAndBack(text(FINAL.replace('open a reading room', 'close the club')), text(FINAL), [
      changed(`motion ${ids.motion}: final text changed`),
    ]);
  });

  it('names the amendment whose text is changed', async () => {
    const text = (t: string) => (ex: Database) =>
      ex.updateTable('motion').set({ text: t }).where('id', '=', ids.amendment!).execute();
    await tamperedAndBack(text('close the club'), text('open a reading room'), [
      changed(`amendment ${ids.amendment}: text changed`),
    ]);
  });

  it('names the vote whose result is changed', async () => {
    const row = await srv.db
      .selectFrom('vote')
      .select('result')
      .where('id', '=', ids.rollCall!)
      .executeTakeFirstOrThrow();
    const original = JSON.stringify(row.result);
    const setResult = (r: string) => (ex: Database) =>
      ex.updateTable('vote').set({ result: r }).where('id', '=', ids.rollCall!).execute();
    const forged = { ...(row.result as VoteResult), carried: false };
    await tamperedAndBack(setResult(JSON.stringify(forged)), setResult(original), [
      changed(`vote ${ids.rollCall}: result changed`),
    ]);
    // the named votes behind it too
    const choice = (c: string) => (ex: Database) =>
      ex
        .updateTable('roll_call_entry')
        .set({ choice: c })
        .where('vote_id', '=', ids.rollCall!)
        .where('person_id', '=', people.Gamma!.id)
        .execute();
    await tamperedAndBack(choice('for'), choice('against'), [
      changed(`vote ${ids.rollCall}: roll ${people.Gamma!.id} changed`),
    ]);
  });

  it('names the ballots of a secret vote when a ballot row is changed: the board hash recomputed differs', async () => {
    const ballots = await srv.db
      .selectFrom('ballot')
      .select(['id', 'content'])
      .where('vote_id', '=', ids.secretVote!)
      .execute();
    const against = ballots.find((b) => JSON.stringify(b.content).includes('against'))!;
    // the ballot trigger refuses even a superuser's plain UPDATE; the administrator switches it off
    await expect(
      srv.db.updateTable('ballot').set({ content: '{"choice":"for"}' }).where('id', '=', against.id).execute(),
    ).rejects.toThrow(/ballots cannot be changed/);
    const setContent = (c: string) => async (ex: Database) => {
      await sql`alter table ballot disable trigger ballot_immutable`.execute(ex);
      await ex.updateTable('ballot').set({ content: c }).where('id', '=', against.id).execute();
      await sql`alter table ballot enable trigger ballot_immutable`.execute(ex);
    };
    await tamperedAndBack(setContent('{"choice":"for"}'), setContent('{"choice":"against"}'), [
      new RegExp(
        `^changed since sealing: ballots of vote ${ids.secretVote}: board hash differs ` +
          `\\(sealed [0-9a-f]{12}…, recomputed from the ballot rows [0-9a-f]{12}…\\)$`,
      ),
    ]);
  });

  it('names the election whose transcript or elected are changed', async () => {
    const row = await srv.db
      .selectFrom('vote')
      .select('result')
      .where('id', '=', ids.electionVote!)
      .executeTakeFirstOrThrow();
    const original = row.result as VoteResult;
    const forged = structuredClone(original);
    forged.count!.rounds[0]!.votes[people.Beta!.id] = '3.00000';
    const setResult = (r: VoteResult) => (ex: Database) =>
      ex
        .updateTable('vote')
        .set({ result: JSON.stringify(r) })
        .where('id', '=', ids.electionVote!)
        .execute();
    await tamperedAndBack(setResult(forged), setResult(original), [
      changed(`vote ${ids.electionVote}: result changed`),
      changed(`election ${ids.election}: round-by-round transcript changed`),
    ]);
    const elected = (who: string, e: boolean) => (ex: Database) =>
      ex
        .updateTable('candidate')
        .set({ elected: e })
        .where('election_id', '=', ids.election!)
        .where('person_id', '=', people[who]!.id)
        .execute();
    await tamperedAndBack(
      async (ex) => {
        await elected('Alpha', false)(ex);
        await elected('Beta', true)(ex);
      },
      async (ex) => {
        await elected('Alpha', true)(ex);
        await elected('Beta', false)(ex);
      },
      [changed(`election ${ids.election}: elected changed`)],
    );
  });

  it('names the minority opinion whose text is changed', async () => {
    const text = (t: string) => (ex: Database) =>
      ex.updateTable('minority_opinion').set({ text: t }).where('id', '=', ids.opinion!).execute();
    await tamperedAndBack(text('I agree with the majority.'), text('The club must be repaired first.'), [
      changed(`minority opinion ${ids.opinion}: text changed`),
    ]);
  });

  it('names the decision whose outcome is changed, and one taken away', async () => {
    const outcome = (o: string) => (ex: Database) =>
      ex.updateTable('decision').set({ outcome: o }).where('id', '=', ids.decision!).execute();
    await tamperedAndBack(outcome('rejected'), outcome('adopted'), [
      changed(`decision ${ids.decision}: outcome changed`),
    ]);
    // no longer recorded as taken by this assembly
    const assembly = (id: string | null) => (ex: Database) =>
      ex.updateTable('decision').set({ assembly_id: id }).where('id', '=', ids.decision!).execute();
    await tamperedAndBack(assembly(null), assembly(meeting.id), [changed(`decision ${ids.decision}: missing now`)]);
  });

  it('still verifies a record sealed before version 2 (no parts), by what it covers', async () => {
    // the record as the code before version 2 sealed it: the same content without `version` and `parts`
    const rec = await srv.db
      .selectFrom('sealed_record')
      .select(['seq', 'content', 'prev_hash'])
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow();
    const { version: _v, parts: _p, ...v1 } = JSON.parse(rec.content) as Record<string, unknown>;
    const prev = seq > 1 ? { seq: seq - 1, hash: rec.prev_hash } : null;
    const link = nextLink(prev, v1);
    expect(link.content).toBe(canonicalJson(v1));
    await behindTheBack((ex) =>
      ex
        .updateTable('sealed_record')
        .set({ content: link.content, content_hash: link.contentHash, hash: link.hash })
        .where('seq', '=', seq)
        .execute(),
    );
    expect(await problems()).toEqual([]);
    // what version 1 covers is still checked
    const body = (b: string) => (ex: Database) =>
      ex.updateTable('meeting_protocol').set({ body: b }).where('meeting_id', '=', meeting.id).execute();
    const p = await srv.db
      .selectFrom('meeting_protocol')
      .select('body')
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirstOrThrow();
    await tamperedAndBack(body(p.body + ' (corrected)'), body(p.body), [changed('body changed')]);
  });
});
