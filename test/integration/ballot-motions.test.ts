// Motions and amendments over HTTP, and MotionService as the vote engine's subject: moved by a present voting
// participant (or the chair in a body's name), raised to 'supported' by the statute's number of supporters (none
// needed: at once), withdrawn by the proposer; amendments located by their words (not found / ambiguous refused
// with the words named), voted in order and before the motion, applied to the current text when adopted, later
// ones lapsing when their words are gone; a vote cancelled puts the motion back; minority opinions only after the
// vote, once each. Every write bumps the meeting's revision with a 'meeting.motion' outbox row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestServer } from '../support/http.js';
import { makeBody, makeOrganisation } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import { makeMeeting, type MadeMeeting } from '../support/assembly-factory.js';
import { PARTY_1934_DECISIONS } from '../../src/contracts/decision-rules.js';
import type { VoteResult } from '../../src/contracts/ballot.js';

const TEXT = 'The assembly approves the report of the bureau and instructs the bureau to repair the club.';

describe.each(DB_KINDS)('motions and amendments on %s', (kind) => {
  let srv: TestServer;
  let meeting: MadeMeeting;
  let convened: MadeMeeting;
  let easy: MadeMeeting;
  const { people, account, who: as } = namedPeople(() => srv);

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    const po = await makeBody(srv.db, org, 'primary_organisation', root);
    const body = { id: po.id, organisationId: org.id };
    for (const n of ['Alpha', 'Beta', 'Gamma', 'Absent', 'Consult', 'Chair', 'Outsider']) await account(n, org, po);
    const voting = ['Alpha', 'Beta', 'Gamma', 'Absent', 'Chair'].map((n) => ({ id: people[n]!.id }));
    const participants = [...voting, { person: { id: people.Consult!.id }, voice: 'consultative' as const }];
    const present = ['Alpha', 'Beta', 'Gamma', 'Consult', 'Chair'].map((n) => ({ id: people[n]!.id }));
    const roles = [{ person: { id: people.Chair!.id }, role: 'chair' as const }];
    meeting = await makeMeeting(srv.db, { body, participants, present, roles, open: true });
    convened = await makeMeeting(srv.db, { body, participants, present, roles, status: 'convened' });

    // an organisation whose statute needs no supporters
    const org2 = await makeOrganisation(srv.db, {
      rules: { decisions: { ...PARTY_1934_DECISIONS, motionSupporters: 0 } },
    });
    const root2 = await makeBody(srv.db, org2, 'central_committee', null);
    const po2 = await makeBody(srv.db, org2, 'primary_organisation', root2);
    await account('Solo', org2, po2);
    easy = await makeMeeting(srv.db, {
      body: { id: po2.id, organisationId: org2.id },
      participants: [{ id: people.Solo!.id }],
      present: [{ id: people.Solo!.id }],
      open: true,
    });
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  const item = () => meeting.items[0]!.id;

  async function move(who: string, body: Record<string, unknown> = {}, m: MadeMeeting = meeting): Promise<Loose> {
    const res = await as(who).post(`/api/meetings/${m.id}/motions`, {
      agendaItemId: m.items[0]!.id,
      title: 'On the report of the bureau',
      text: TEXT,
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }
  async function amend(who: string, motionId: string, replaces: string, text: string): Promise<Loose> {
    const res = await as(who).post(`/api/motions/${motionId}/amendments`, { replaces, text });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }
  async function support(who: string, motionId: string): Promise<Loose> {
    const res = await as(who).post(`/api/motions/${motionId}/support`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }
  const motions = async () => (await as('Alpha').get(`/api/meetings/${meeting.id}/motions`)).body.items as Loose[];
  const byId = async (id: string) => (await motions()).find((x) => x.id === id);

  /** Puts a motion to the vote as the vote engine does: announce (prepare) in one transaction. */
  async function announce(motionId: string): Promise<string> {
    const voteId = uuidv7();
    await srv.db.transaction().execute(async (trx) => {
      const ctx = await srv.services.assembly.context(trx, null, meeting.id, { lock: true });
      const info = await srv.services.motions.prepareInTx(trx, ctx, motionId, people.Chair!.id);
      await trx
        .insertInto('vote')
        .values({
          id: voteId,
          meeting_id: meeting.id,
          agenda_item_id: info.agendaItemId,
          motion_id: motionId,
          title: info.title,
          method: 'open',
          question_kind: info.questionKind,
          threshold: 'simple',
          base: 'cast',
          status: 'open',
        })
        .execute();
    });
    return voteId;
  }
  const result = (carried: boolean): VoteResult => ({
    counts: carried ? { for: 3, against: 1, abstain: 0 } : { for: 1, against: 3, abstain: 0 },
    carried,
    majority: { threshold: 'simple', of: 'cast' },
    needed: 3,
    cast: 4,
    invalid: 0,
    present: 4,
    entitled: 5,
    count: null,
    boardHash: null,
  });
  /** Closes the vote as the engine does: result stored, the subject told, in one transaction. */
  async function close(voteId: string, motionId: string, carried: boolean): Promise<void> {
    await srv.db.transaction().execute(async (trx) => {
      const r = result(carried);
      await trx
        .updateTable('vote')
        .set({ status: 'closed', result: JSON.stringify(r), closed_at: new Date() })
        .where('id', '=', voteId)
        .execute();
      await srv.services.motions.closedInTx(
        trx,
        { id: voteId, meetingId: meeting.id, motionId, electionId: null },
        r,
        people.Chair!.id,
      );
    });
  }
  const decide = async (motionId: string, carried: boolean) => close(await announce(motionId), motionId, carried);
  const code = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return (e as { code?: string }).code;
    }
    return 'no error';
  };

  it('moves a motion (numbered in the meeting) that needs a supporter, and raises it to supported', async () => {
    const revision = async () =>
      (await srv.db.selectFrom('meeting').select('revision').where('id', '=', meeting.id).executeTakeFirstOrThrow())
        .revision;
    const before = await revision();
    const m = await move('Alpha');
    expect(m).toMatchObject({
      meetingId: meeting.id,
      agendaItemId: item(),
      amendsId: null,
      title: 'On the report of the bureau',
      text: TEXT,
      currentText: TEXT,
      proposedBy: people.Alpha!.id,
      proposerLabel: 'Comrade Alpha',
      status: 'proposed',
      supportNeeded: 1,
      supporters: [],
      questionKind: 'ordinary',
      voteId: null,
    });
    expect(await revision()).toBe(before + 1);
    const outbox = await srv.db
      .selectFrom('outbox')
      .select(['topic'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(outbox.topic).toBe('meeting.motion');

    // refused: the proposer, the absent, the consultative voice, an outsider; then Beta supports
    expect((await as('Alpha').post(`/api/motions/${m.id}/support`)).body.error.code).toBe('motion_own_support');
    const absent = await as('Absent').post(`/api/motions/${m.id}/support`);
    expect([absent.status, absent.body.error.code]).toEqual([422, 'meeting_not_present']);
    const consult = await as('Consult').post(`/api/motions/${m.id}/support`);
    expect([consult.status, consult.body.error.code]).toEqual([422, 'motion_voice_required']);
    expect((await as('Outsider').post(`/api/motions/${m.id}/support`)).status).toBe(403);
    expect((await byId(m.id)).status).toBe('proposed');

    const s = await support('Beta', m.id);
    expect(s).toMatchObject({ status: 'supported', supportNeeded: 0 });
    expect(s.supporters).toEqual([{ personId: people.Beta!.id, name: 'Comrade Beta', nameRu: null }]);
    const again = await as('Beta').post(`/api/motions/${m.id}/support`);
    expect([again.status, again.body.error.code]).toEqual([409, 'motion_already_supported']);

    const next = await move('Gamma', { title: 'Second' });
    expect(next.seq).toBe(m.seq + 1);
  });

  it('refuses to move motions when absent, without a vote, outside an open meeting or on a foreign item', async () => {
    const body = { agendaItemId: item(), title: 'T', text: 'x' };
    const absent = await as('Absent').post(`/api/meetings/${meeting.id}/motions`, body);
    expect([absent.status, absent.body.error.code]).toEqual([422, 'meeting_not_present']);
    const consult = await as('Consult').post(`/api/meetings/${meeting.id}/motions`, body);
    expect([consult.status, consult.body.error.code]).toEqual([422, 'motion_voice_required']);
    const closed = await as('Alpha').post(`/api/meetings/${convened.id}/motions`, {
      ...body,
      agendaItemId: convened.items[0]!.id,
    });
    expect([closed.status, closed.body.error.code]).toEqual([422, 'meeting_not_open']);
    const foreign = await as('Alpha').post(`/api/meetings/${meeting.id}/motions`, {
      ...body,
      agendaItemId: convened.items[0]!.id,
    });
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'motion_item_not_found']);
    expect((await as('Outsider').post(`/api/meetings/${meeting.id}/motions`, body)).status).toBe(403);
    const blank = await as('Alpha').post(`/api/meetings/${meeting.id}/motions`, { ...body, text: '   ' });
    expect(blank.status).toBe(400);
  });

  it('lets the chair move a draft resolution in the name of a body; others may not use a label', async () => {
    const m = await move('Chair', { proposerLabel: 'Bureau of the organisation' });
    expect(m).toMatchObject({ proposerLabel: 'Bureau of the organisation', proposedBy: people.Chair!.id });
    const refused = await as('Alpha').post(`/api/meetings/${meeting.id}/motions`, {
      agendaItemId: item(),
      title: 'T',
      text: 'x',
      proposerLabel: 'Bureau of the organisation',
    });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'motion_label_needs_chair']);
  });

  it('a statute needing no supporters makes a motion supported at once', async () => {
    const m = await move('Solo', {}, easy);
    expect(m).toMatchObject({ status: 'supported', supportNeeded: 0 });
  });

  it('withdrawal: only by the proposer, before the vote; its open amendments lapse', async () => {
    const m = await move('Alpha');
    const a = await amend('Beta', m.id, 'repair the club', 'build a club');
    const other = await as('Beta').post(`/api/motions/${m.id}/withdraw`);
    expect([other.status, other.body.error.code]).toEqual([403, 'motion_withdraw_not_proposer']);
    const w = await as('Alpha').post(`/api/motions/${m.id}/withdraw`);
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ status: 'withdrawn' });
    expect(w.body.decidedAt).not.toBeNull();
    expect((await byId(a.id)).status).toBe('lapsed');
    const twice = await as('Alpha').post(`/api/motions/${m.id}/withdraw`);
    expect([twice.status, twice.body.error.code]).toEqual([422, 'motion_not_withdrawable']);
    expect((await as('Beta').post(`/api/motions/${m.id}/support`)).body.error.code).toBe('motion_not_open_for_support');
  });

  it('refuses amendments whose words are not found or ambiguous, naming the words', async () => {
    const m = await move('Alpha');
    const missing = await as('Beta').post(`/api/motions/${m.id}/amendments`, {
      replaces: 'the reading room',
      text: 'the library',
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('amendment_words_not_found');
    expect(missing.body.error.message).toContain('“the reading room” do not occur');
    const twice = await as('Beta').post(`/api/motions/${m.id}/amendments`, { replaces: 'the bureau', text: 'x' });
    expect(twice.status).toBe(422);
    expect(twice.body.error.code).toBe('amendment_words_ambiguous');
    expect(twice.body.error.message).toContain('“the bureau” occur 2 times');
    const empty = await as('Beta').post(`/api/motions/${m.id}/amendments`, { replaces: '', text: ' ' });
    expect([empty.status, empty.body.error.code]).toEqual([400, 'amendment_empty']);
    // an amendment to an amendment
    const a = await amend('Beta', m.id, 'repair', 'rebuild');
    const nested = await as('Gamma').post(`/api/motions/${a.id}/amendments`, { replaces: 'rebuild', text: 'x' });
    expect(nested.body.error.code).toBe('motion_amend_amendment');
  });

  it('votes amendments in order and before the motion; adopted ones change the text, later ones lapse', async () => {
    const m = await move('Alpha');
    await support('Beta', m.id);
    const a1 = await amend('Beta', m.id, 'approves the report of the bureau', 'takes note of the report');
    expect(a1).toMatchObject({
      amendsId: m.id,
      replaces: 'approves the report of the bureau',
      text: 'takes note of the report',
      questionKind: 'amendment',
      status: 'proposed',
      title: `Amendment ${m.seq + 1} to motion ${m.seq}`,
    });
    const a2 = await amend('Gamma', m.id, 'approves', 'warmly approves'); // words inside a1's: lapse if a1 passes
    const a3 = await amend('Gamma', m.id, '', 'Report back in a month.');
    const a4 = await amend('Alpha', m.id, 'repair the club', 'open a reading room');

    // not yet supported; then the motion while amendments are undecided; then an amendment out of order
    expect(await code(announce(a1.id))).toBe('motion_not_supported');
    for (const a of [a1, a2, a3, a4]) await support(a.proposedBy === people.Beta!.id ? 'Alpha' : 'Beta', a.id);
    expect(await code(announce(m.id))).toBe('motion_amendments_pending');
    expect(await code(announce(a3.id))).toBe('amendment_out_of_order');

    // amendment 1 is adopted: the text changes and amendment 2 lapses (its words are gone)
    const v1 = await announce(a1.id);
    expect((await byId(a1.id)).status).toBe('voting');
    const busy = await as('Beta').post(`/api/motions/${a1.id}/withdraw`);
    expect(busy.body.error.code).toBe('motion_not_withdrawable');
    await close(v1, a1.id, true);
    let mm = await byId(m.id);
    expect(mm.currentText).toBe('The assembly takes note of the report and instructs the bureau to repair the club.');
    expect(mm.text).toBe(TEXT);
    expect(await byId(a1.id)).toMatchObject({ status: 'adopted', voteId: v1 });
    expect((await byId(a2.id)).status).toBe('lapsed');
    expect(await code(announce(a2.id))).toBe('motion_not_votable');

    // amendment 3 (append) is rejected; a cancelled vote puts amendment 4 back, then it is adopted
    await decide(a3.id, false);
    expect((await byId(a3.id)).status).toBe('rejected');
    const v4 = await announce(a4.id);
    await srv.db.transaction().execute(async (trx) => {
      await trx.updateTable('vote').set({ status: 'cancelled' }).where('id', '=', v4).execute();
      await srv.services.motions.cancelledInTx(trx, {
        id: v4,
        meetingId: meeting.id,
        motionId: a4.id,
        electionId: null,
      });
    });
    expect((await byId(a4.id)).status).toBe('supported');
    await decide(a4.id, true);

    // now the motion itself: its final text
    await decide(m.id, true);
    mm = await byId(m.id);
    expect(mm).toMatchObject({
      status: 'adopted',
      currentText: 'The assembly takes note of the report and instructs the bureau to open a reading room.',
    });
    expect(mm.decidedAt).not.toBeNull();
    expect(await code(announce(m.id))).toBe('motion_not_votable');
    const late = await as('Beta').post(`/api/motions/${m.id}/amendments`, { replaces: 'club', text: 'x' });
    expect(late.body.error.code).toBe('motion_not_amendable');
  });

  it('through the vote routes: refused while amendments are undecided or out of order; a cancel puts it back', async () => {
    const m = await move('Alpha');
    await support('Beta', m.id);
    const a1 = await amend('Beta', m.id, 'repair the club', 'build a stadium');
    const a2 = await amend('Gamma', m.id, '', 'Report in a month.');
    const announce = (motionId: string) =>
      as('Chair').post(`/api/meetings/${meeting.id}/votes`, { method: 'open', motionId });
    const early = await announce(a1.id);
    expect([early.status, early.body.error.code]).toEqual([422, 'motion_not_supported']);
    await support('Alpha', a1.id);
    await support('Alpha', a2.id);
    const pending = await announce(m.id);
    expect([pending.status, pending.body.error.code]).toEqual([422, 'motion_amendments_pending']);
    expect(pending.body.error.message).toContain(`amendments ${a1.seq}, ${a2.seq}`);
    const order = await announce(a2.id);
    expect([order.status, order.body.error.code]).toEqual([422, 'amendment_out_of_order']);
    const v = await announce(a1.id);
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    expect(v.body).toMatchObject({ motionId: a1.id, questionKind: 'amendment', title: a1.title });
    expect((await byId(a1.id)).status).toBe('voting');
    expect((await as('Chair').post(`/api/votes/${v.body.id}/cancel`)).status).toBe(200);
    expect((await byId(a1.id)).status).toBe('supported');
    // withdraw both so the motion is free again, and nothing stays running
    await as('Beta').post(`/api/motions/${a1.id}/withdraw`);
    await as('Gamma').post(`/api/motions/${a2.id}/withdraw`);
    expect((await announce(m.id)).status).toBe(201);
    const running = (await as('Chair').get(`/api/meetings/${meeting.id}/votes`)).body.items.find(
      (x: Loose) => x.motionId === m.id,
    );
    expect((await as('Chair').post(`/api/votes/${running.id}/cancel`)).status).toBe(200);
    expect((await byId(m.id)).status).toBe('supported');
  });

  it('numbers motions moved at the same moment without gaps or clashes (the meeting is locked)', async () => {
    const res = await Promise.all(
      ['Alpha', 'Beta', 'Gamma', 'Alpha', 'Beta'].map((who, k) =>
        as(who).post(`/api/meetings/${meeting.id}/motions`, { agendaItemId: item(), title: `Race ${k}`, text: 'x' }),
      ),
    );
    expect(res.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const seqs = res.map((r) => r.body.seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual([0, 1, 2, 3, 4].map((k) => seqs[0]! + k));
  });

  it('a motion of another meeting cannot be put in this one', async () => {
    const m = await move('Solo', {}, easy);
    await expect(
      srv.db.transaction().execute(async (trx) => {
        const ctx = await srv.services.assembly.context(trx, null, meeting.id, { lock: true });
        await srv.services.motions.prepareInTx(trx, ctx, m.id, null);
      }),
    ).rejects.toMatchObject({ code: 'motion_not_found' });
  });

  it('records minority opinions only after the vote, once per participant with a vote, shown with the motion', async () => {
    const m = await move('Alpha');
    await support('Beta', m.id);
    const early = await as('Gamma').post(`/api/motions/${m.id}/minority-opinions`, { text: 'I object.' });
    expect([early.status, early.body.error.code]).toEqual([422, 'minority_opinion_too_early']);
    await decide(m.id, true);
    const ok = await as('Gamma').post(`/api/motions/${m.id}/minority-opinions`, {
      text: '  The club can wait; the rolling mill cannot.  ',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.minorityOpinions).toEqual([
      expect.objectContaining({
        personId: people.Gamma!.id,
        name: 'Comrade Gamma',
        text: 'The club can wait; the rolling mill cannot.',
      }),
    ]);
    const again = await as('Gamma').post(`/api/motions/${m.id}/minority-opinions`, { text: 'Again.' });
    expect([again.status, again.body.error.code]).toEqual([409, 'minority_opinion_exists']);
    const consult = await as('Consult').post(`/api/motions/${m.id}/minority-opinions`, { text: 'Me too.' });
    expect([consult.status, consult.body.error.code]).toEqual([403, 'minority_opinion_not_participant']);
    // a voting participant who was absent at the vote may still record theirs
    expect(
      (await as('Absent').post(`/api/motions/${m.id}/minority-opinions`, { text: 'Absent, but against.' })).status,
    ).toBe(201);
    const listed = await byId(m.id);
    expect(listed.minorityOpinions.map((o: Loose) => o.name)).toEqual(['Comrade Gamma', 'Comrade Absent']);
  });

  it('lists the meeting’s motions and amendments in order for viewers only', async () => {
    const items = await motions();
    expect(items.length).toBeGreaterThan(5);
    expect(items.map((x) => x.seq)).toEqual([...items.map((x) => x.seq)].sort((a, b) => a - b));
    expect(items.some((x) => x.amendsId !== null)).toBe(true);
    expect((await as('Outsider').get(`/api/meetings/${meeting.id}/motions`)).status).toBe(403);
    expect((await srv.client().get(`/api/meetings/${meeting.id}/motions`)).status).toBe(401);
    expect((await as('Alpha').get(`/api/meetings/${uuidv7()}/motions`)).status).toBe(404);
    expect((await as('Alpha').post(`/api/motions/${uuidv7()}/support`)).status).toBe(404);
  });
});
