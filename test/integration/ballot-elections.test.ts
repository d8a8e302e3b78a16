// Elections over HTTP and through the vote engine's subject interface: creation rules (the statute forcing a
// secret ballot, delegates needing a higher conference and their seats from the norm of representation),
// nomination by present voting participants, consent by the candidate or recorded by the chair, withdrawal,
// and what the vote does with the election (only consented candidates on the ballot; the elected marked and,
// for delegates, their mandates issued to the higher meeting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeMembers, makeOrganisation, type MadeBody } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import { makeMeeting, type MadeMeeting } from '../support/assembly-factory.js';
import { PARTY_1934_DECISIONS } from '../../src/contracts/decision-rules.js';
import type { VoteResult } from '../../src/contracts/ballot.js';
import type { SubjectInfo } from '../../src/modules/ballot/vote-subject.js';
import type { Executor } from '../../src/platform/db/executor.js';

function electionResult(method: string, seats: number, elected: string[]): VoteResult {
  return {
    counts: null,
    carried: null,
    majority: null,
    needed: null,
    cast: 10,
    invalid: 0,
    present: 10,
    entitled: 12,
    count: {
      method: method as 'plurality',
      seats,
      candidates: [],
      valid: 10,
      invalid: 0,
      elected,
      totals: null,
      rounds: [],
    },
    boardHash: null,
  };
}

describe.each(DB_KINDS)('elections on %s', (kind) => {
  let srv: TestServer;
  let org: { id: string };
  let district: MadeBody;
  let po: MadeBody;
  let meeting: MadeMeeting;
  let conference: MadeMeeting;
  let closedConference: MadeMeeting;
  let otherAssembly: MadeMeeting;
  let secretOrg: { id: string };
  let secretMeeting: MadeMeeting;
  const { account, who, id } = namedPeople(() => srv);

  beforeAll(async () => {
    srv = await createTestServer(kind);
    org = await makeOrganisation(srv.db);
    const root = await makeBody(srv.db, org, 'central_committee', null);
    district = await makeBody(srv.db, org, 'district_committee', root);
    po = await makeBody(srv.db, org, 'primary_organisation', district);
    const po2 = await makeBody(srv.db, org, 'primary_organisation', district);
    // 60 full members in the primary organisation: 8 with accounts and 52 more; one candidate member.
    for (const n of ['Chair', 'Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Absent'])
      await account(n, org, po, { status: 'member' });
    await account('Cand', org, po, { status: 'candidate' });
    await makeMembers(srv.db, org, po, 52);
    await account('Outsider', org, po2, { status: 'member' });

    const voting = ['Chair', 'Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Absent'];
    const present = ['Chair', 'Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Cand'];
    meeting = await makeMeeting(srv.db, {
      body: { id: po.id, organisationId: org.id },
      participants: [
        ...voting.map((n) => ({ id: id(n) })),
        { person: { id: id('Cand') }, voice: 'consultative' as const },
      ],
      present: present.map((n) => ({ id: id(n) })),
      roles: [{ person: { id: id('Chair') }, role: 'chair' }],
      agenda: ['Election of the bureau', 'Election of delegates to the district conference'],
      open: true,
    });
    const dbody = { id: district.id, organisationId: org.id };
    conference = await makeMeeting(srv.db, { body: dbody, kind: 'conference', title: 'District conference' });
    closedConference = await makeMeeting(srv.db, { body: dbody, kind: 'conference', status: 'closed' });
    otherAssembly = await makeMeeting(srv.db, { body: { id: po2.id, organisationId: org.id } });

    secretOrg = await makeOrganisation(srv.db, {
      rules: { decisions: { ...PARTY_1934_DECISIONS, secretElections: true, defaultElectionMethod: 'scottish_stv' } },
    });
    const sRoot = await makeBody(srv.db, secretOrg, 'central_committee', null);
    const sPo = await makeBody(srv.db, secretOrg, 'primary_organisation', sRoot);
    await account('Presiding', secretOrg, sPo, { status: 'member' });
    secretMeeting = await makeMeeting(srv.db, {
      body: { id: sPo.id, organisationId: secretOrg.id },
      participants: [{ id: id('Presiding') }],
      present: [{ id: id('Presiding') }],
      roles: [{ person: { id: id('Presiding') }, role: 'chair' }],
      open: true,
    });
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
  });

  const createIn = (m: MadeMeeting, client: TestClient, body: Record<string, unknown>) =>
    client.post(`/api/meetings/${m.id}/elections`, { agendaItemId: m.items[0]!.id, title: 'Bureau', ...body });

  /** Runs `fn` as the vote engine does: in a transaction with the meeting locked. */
  async function inTx<T>(meetingId: string, fn: (trx: Executor) => Promise<T>): Promise<T> {
    return srv.db.transaction().execute(async (trx) => {
      await srv.services.assembly.context(trx, null, meetingId, { lock: true });
      return fn(trx);
    });
  }
  async function prepare(meetingId: string, electionId: string): Promise<SubjectInfo> {
    return srv.db.transaction().execute(async (trx) => {
      const ctx = await srv.services.assembly.context(trx, null, meetingId, { lock: true });
      return srv.services.elections.prepareInTx(trx, ctx, electionId, id('Chair'));
    });
  }
  const voteRef = (meetingId: string, electionId: string) => ({
    id: uuidv7(),
    meetingId,
    motionId: null,
    electionId,
  });

  it('creates elections for the chair only, with defaults from the statute', async () => {
    const one = await createIn(meeting, who('Chair'), { office: 'secretary', title: 'Secretary' });
    expect(one.status, JSON.stringify(one.body)).toBe(201);
    expect(one.body).toMatchObject({
      office: 'secretary',
      seats: 1,
      method: 'plurality',
      ballot: 'open',
      status: 'nominating',
      candidates: [],
      voteId: null,
      meetingId: meeting.id,
    });
    const bureau = await createIn(meeting, who('Chair'), { office: 'bureau', seats: 5, targetBodyId: po.id });
    expect(bureau.status).toBe(201);
    expect(bureau.body).toMatchObject({ seats: 5, method: 'plurality', targetBodyId: po.id });
    const meek = await createIn(meeting, who('Chair'), {
      office: 'commission',
      seats: 3,
      method: 'meek',
      ballot: 'secret',
    });
    expect(meek.body.method).toBe('meek');
    // a show of hands cannot rank: STV only by secret ballot
    const meekOpen = await createIn(meeting, who('Chair'), { office: 'commission', seats: 3, method: 'meek' });
    expect(meekOpen.status).toBe(422);
    expect(meekOpen.body.error.code).toBe('election_open_ranked');

    const notChair = await createIn(meeting, who('Alpha'), { office: 'bureau' });
    expect(notChair.status).toBe(403);
    const outsider = await createIn(meeting, who('Outsider'), { office: 'bureau' });
    expect(outsider.status).toBe(403);
    const foreignItem = await createIn(meeting, who('Chair'), {
      office: 'bureau',
      agendaItemId: otherAssembly.items[0]!.id,
    });
    expect(foreignItem.status).toBe(404);
    expect(foreignItem.body.error.code).toBe('election_agenda_item_not_found');
    const targetOutside = await createIn(meeting, who('Chair'), { office: 'bureau', targetBodyId: district.id });
    expect(targetOutside.status).toBe(422);
    expect(targetOutside.body.error.code).toBe('election_target_body_unknown');
    const tooMany = await createIn(meeting, who('Chair'), { office: 'bureau', seats: 1001 });
    expect(tooMany.status).toBe(400);

    const list = await who('Alpha').get(`/api/meetings/${meeting.id}/elections`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual(
      expect.arrayContaining([one.body.id, bureau.body.id, meek.body.id]),
    );
    expect((await who('Outsider').get(`/api/meetings/${meeting.id}/elections`)).status).toBe(403);
    const got = await who('Beta').get(`/api/elections/${bureau.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.title).toBe('Bureau');
    expect((await who('Presiding').get(`/api/elections/${bureau.body.id}`)).status).toBe(404);
  });

  it('holds elections by secret ballot when the statute requires it, refusing an open one', async () => {
    const open = await createIn(secretMeeting, who('Presiding'), { office: 'bureau', ballot: 'open', seats: 3 });
    expect(open.status).toBe(422);
    expect(open.body.error.code).toBe('election_secret_required');
    expect(open.body.error.message).toMatch(/secret ballot/);
    const dflt = await createIn(secretMeeting, who('Presiding'), { office: 'bureau', seats: 3 });
    expect(dflt.status).toBe(201);
    expect(dflt.body).toMatchObject({ ballot: 'secret', method: 'scottish_stv', seats: 3 });
    const single = await createIn(secretMeeting, who('Presiding'), { office: 'secretary' });
    expect(single.body).toMatchObject({ ballot: 'secret', method: 'plurality' });
    const other = await createIn(secretMeeting, who('Presiding'), { office: 'other', ballot: 'open' });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('election_secret_required');
    // Without the rule, the party statute votes openly unless a secret ballot is asked for.
    const chosen = await createIn(meeting, who('Chair'), { office: 'bureau', ballot: 'secret' });
    expect(chosen.body.ballot).toBe('secret');
  });

  it('needs a higher conference for delegates and takes their seats from the norm of representation', async () => {
    const item = meeting.items[1]!.id;
    const post = (body: Record<string, unknown>) =>
      who('Chair').post(`/api/meetings/${meeting.id}/elections`, {
        agendaItemId: item,
        title: 'Delegates to the district conference',
        office: 'delegates',
        ...body,
      });
    const missing = await post({});
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('election_delegate_meeting_required');
    for (const bad of [otherAssembly.id, closedConference.id, meeting.id, uuidv7()]) {
      const r = await post({ delegateMeetingId: bad });
      expect(r.status, bad).toBe(422);
      expect(r.body.error.code).toBe('election_delegate_meeting_unsuitable');
    }
    const over = await post({ delegateMeetingId: conference.id, seats: 4 });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('election_over_norm');
    expect(over.body.error.details).toMatchObject({ allowed: 3, members: 60, membersPerDelegate: 25 });
    const notDelegates = await createIn(meeting, who('Chair'), { office: 'bureau', delegateMeetingId: conference.id });
    expect(notDelegates.status).toBe(400);

    // 60 full members (the candidate member does not count) at one delegate per 25: 3 seats.
    const ok = await post({ delegateMeetingId: conference.id });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ office: 'delegates', seats: 3, delegateMeetingId: conference.id });
    const fewer = await post({ delegateMeetingId: conference.id, seats: 2 });
    expect(fewer.body.seats).toBe(2);
  });

  it('takes nominations from present voting participants and the chair only, of full members', async () => {
    const e = (await createIn(meeting, who('Chair'), { office: 'bureau', seats: 2 })).body;
    const nominate = (by: string, personId: string) => who(by).post(`/api/elections/${e.id}/candidates`, { personId });

    const first = await nominate('Alpha', id('Beta'));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.candidates).toEqual([
      expect.objectContaining({
        personId: id('Beta'),
        position: 1,
        nominatedBy: id('Alpha'),
        nominatedByName: 'Alpha Comrade',
        consent: 'pending',
        withdrawn: false,
        elected: false,
      }),
    ]);
    const second = await nominate('Chair', id('Gamma'));
    expect(second.body.candidates.map((c: { position: number }) => c.position)).toEqual([1, 2]);

    const absent = await nominate('Absent', id('Delta'));
    expect(absent.status).toBe(422);
    expect(absent.body.error.code).toBe('election_nominator_not_present');
    const consultative = await nominate('Cand', id('Delta'));
    expect(consultative.status).toBe(422);
    expect(consultative.body.error.code).toBe('election_nominator_not_present');
    expect((await nominate('Outsider', id('Delta'))).status).toBe(403);

    const foreign = await nominate('Alpha', id('Outsider'));
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.code).toBe('election_candidate_ineligible');
    const candidateMember = await nominate('Alpha', id('Cand'));
    expect(candidateMember.body.error.code).toBe('election_candidate_ineligible');
    // Nominations at the same moment get distinct places on the ballot, in the order they were taken.
    const at = await Promise.all(['Epsilon', 'Zeta', 'Absent'].map((n) => nominate('Chair', id(n))));
    expect(at.map((r) => r.status)).toEqual([201, 201, 201]);
    const positions = (await who('Alpha').get(`/api/elections/${e.id}`)).body.candidates.map(
      (c: { position: number }) => c.position,
    );
    expect(positions).toEqual([1, 2, 3, 4, 5]);
    const twice = await nominate('Delta', id('Beta'));
    expect(twice.status).toBe(409);
    expect((await who('Alpha').post(`/api/elections/${uuidv7()}/candidates`, { personId: id('Beta') })).status).toBe(
      404,
    );
  });

  it('takes consent from the candidate or the chair, and puts only consented candidates on the ballot', async () => {
    const e = (await createIn(meeting, who('Chair'), { office: 'bureau', seats: 2, title: 'Bureau (2)' })).body;
    for (const n of ['Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta'])
      expect((await who('Alpha').post(`/api/elections/${e.id}/candidates`, { personId: id(n) })).status).toBe(201);
    const consent = (by: string, body: Record<string, unknown>) => who(by).post(`/api/elections/${e.id}/consent`, body);

    expect((await consent('Beta', { consent: 'consented' })).status).toBe(200);
    expect((await consent('Gamma', { consent: 'declined' })).status).toBe(200);
    const forOther = await consent('Alpha', { consent: 'consented', personId: id('Delta') });
    expect(forOther.status).toBe(403);
    expect(forOther.body.error.code).toBe('election_consent_not_yours');
    const aloud = await consent('Chair', { consent: 'consented', personId: id('Delta') });
    expect(aloud.status).toBe(200);
    expect((await consent('Zeta', { consent: 'consented' })).status).toBe(200);
    expect((await consent('Alpha', { consent: 'consented' })).body.error.code).toBe('election_candidate_not_found');
    // Zeta withdraws; Epsilon stays pending.
    const othersWithdraw = await who('Alpha').post(`/api/elections/${e.id}/candidates/${id('Zeta')}/withdraw`);
    expect(othersWithdraw.status).toBe(403);
    const withdrawn = await who('Zeta').post(`/api/elections/${e.id}/candidates/${id('Zeta')}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.candidates.find((c: { personId: string }) => c.personId === id('Zeta'))).toMatchObject({
      consent: 'consented',
      withdrawn: true,
    });
    expect((await consent('Zeta', { consent: 'consented' })).body.error.code).toBe('election_candidate_withdrawn');

    const info = await prepare(meeting.id, e.id);
    expect(info).toEqual({
      title: 'Bureau (2)',
      agendaItemId: meeting.items[0]!.id,
      questionKind: null,
      election: {
        method: 'plurality',
        seats: 2,
        candidates: [
          { id: id('Beta'), name: 'Beta Comrade' },
          { id: id('Delta'), name: 'Delta Comrade' },
        ],
        secret: false,
      },
    });
    const voting = await who('Alpha').get(`/api/elections/${e.id}`);
    expect(voting.body.status).toBe('voting');
    // While the vote runs, nominations and consent are closed, and it cannot be put twice.
    const late = await who('Alpha').post(`/api/elections/${e.id}/candidates`, { personId: id('Alpha') });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('election_not_nominating');
    expect((await consent('Epsilon', { consent: 'consented' })).status).toBe(422);
    await expect(prepare(meeting.id, e.id)).rejects.toMatchObject({ code: 'election_not_nominating' });
    expect((await who('Chair').post(`/api/elections/${e.id}/cancel`)).body.error.code).toBe('election_cannot_cancel');

    // A cancelled vote returns the election to nominations.
    await inTx(meeting.id, (trx) => srv.services.elections.cancelledInTx(trx, voteRef(meeting.id, e.id)));
    expect((await who('Alpha').get(`/api/elections/${e.id}`)).body.status).toBe('nominating');
    expect((await consent('Epsilon', { consent: 'consented' })).status).toBe(200);
    const again = await prepare(meeting.id, e.id);
    expect(again.election!.candidates.map((c) => c.id)).toEqual([id('Beta'), id('Delta'), id('Epsilon')]);

    await inTx(meeting.id, (trx) =>
      srv.services.elections.closedInTx(
        trx,
        voteRef(meeting.id, e.id),
        electionResult('plurality', 2, [id('Epsilon'), id('Beta')]),
        id('Chair'),
      ),
    );
    const closed = (await who('Alpha').get(`/api/elections/${e.id}`)).body;
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(
      closed.candidates.filter((c: { elected: boolean }) => c.elected).map((c: { personId: string }) => c.personId),
    ).toEqual([id('Beta'), id('Epsilon')]);
  });

  it('refuses to put an election without consented candidates, or from another meeting', async () => {
    const e = (await createIn(meeting, who('Chair'), { office: 'secretary' })).body;
    await expect(prepare(meeting.id, e.id)).rejects.toMatchObject({ code: 'election_no_candidates' });
    await who('Chair').post(`/api/elections/${e.id}/candidates`, { personId: id('Beta') });
    await expect(prepare(meeting.id, e.id)).rejects.toMatchObject({ code: 'election_no_candidates' });
    await expect(prepare(conference.id, e.id)).rejects.toMatchObject({ code: 'election_not_in_meeting' });
    await expect(prepare(meeting.id, uuidv7())).rejects.toMatchObject({ code: 'election_not_found' });
    const cancelled = await who('Chair').post(`/api/elections/${e.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await who('Alpha').post(`/api/elections/${e.id}/cancel`)).status).toBe(403);
  });

  it('issues mandates to the higher conference for the delegates elected', async () => {
    const e = (
      await who('Chair').post(`/api/meetings/${meeting.id}/elections`, {
        agendaItemId: meeting.items[1]!.id,
        title: 'Delegates',
        office: 'delegates',
        delegateMeetingId: conference.id,
      })
    ).body;
    const names = ['Alpha', 'Beta', 'Gamma', 'Delta'];
    for (const n of names) {
      expect((await who('Chair').post(`/api/elections/${e.id}/candidates`, { personId: id(n) })).status).toBe(201);
      expect((await who(n).post(`/api/elections/${e.id}/consent`, { consent: 'consented' })).status).toBe(200);
    }
    const foreign = await who('Chair').post(`/api/elections/${e.id}/candidates`, { personId: id('Outsider') });
    expect(foreign.body.error.code).toBe('election_candidate_ineligible');
    const info = await prepare(meeting.id, e.id);
    expect(info.election).toMatchObject({ seats: 3, method: 'plurality', secret: false });
    const revisionBefore = (
      await srv.db.selectFrom('meeting').select('revision').where('id', '=', conference.id).executeTakeFirstOrThrow()
    ).revision;
    await inTx(meeting.id, (trx) =>
      srv.services.elections.closedInTx(
        trx,
        voteRef(meeting.id, e.id),
        electionResult('plurality', 3, [id('Gamma'), id('Alpha'), id('Delta')]),
        id('Chair'),
      ),
    );
    const mandates = await srv.db
      .selectFrom('mandate')
      .selectAll()
      .where('election_id', '=', e.id)
      .orderBy('person_id')
      .execute();
    expect(mandates.map((m) => m.person_id).sort()).toEqual([id('Alpha'), id('Gamma'), id('Delta')].sort());
    for (const m of mandates)
      expect(m).toMatchObject({ to_meeting_id: conference.id, from_body_id: po.id, status: 'submitted' });
    const revisionAfter = (
      await srv.db.selectFrom('meeting').select('revision').where('id', '=', conference.id).executeTakeFirstOrThrow()
    ).revision;
    expect(revisionAfter).toBeGreaterThan(revisionBefore);
    const closed = (await who('Alpha').get(`/api/elections/${e.id}`)).body;
    expect(closed.candidates.filter((c: { elected: boolean }) => c.elected)).toHaveLength(3);
  });

  it('runs a whole open election (show of hands) through the vote routes', async () => {
    const e = (await createIn(meeting, who('Chair'), { office: 'bureau', seats: 2, title: 'Bureau by hands' })).body;
    for (const n of ['Alpha', 'Beta', 'Gamma']) {
      await who('Chair').post(`/api/elections/${e.id}/candidates`, { personId: id(n) });
      await who(n).post(`/api/elections/${e.id}/consent`, { consent: n === 'Gamma' ? 'declined' : 'consented' });
    }
    await who('Chair').post(`/api/elections/${e.id}/candidates`, { personId: id('Delta') });
    await who('Chair').post(`/api/elections/${e.id}/consent`, { consent: 'consented', personId: id('Delta') });

    const announced = await who('Chair').post(`/api/meetings/${meeting.id}/votes`, {
      method: 'open',
      electionId: e.id,
    });
    expect(announced.status, JSON.stringify(announced.body)).toBe(201);
    const voteId = announced.body.id;
    const during = (await who('Alpha').get(`/api/elections/${e.id}`)).body;
    expect(during).toMatchObject({ status: 'voting', voteId });
    expect((await who('Chair').post(`/api/votes/${voteId}/open`)).status).toBe(200);
    // Gamma declined: the tellers cannot enter hands for someone not on the ballot.
    const offBallot = await who('Chair').post(`/api/votes/${voteId}/count`, { tallies: { [id('Gamma')]: 3 } });
    expect(offBallot.status).toBe(400);
    expect(offBallot.body.error.code).toBe('vote_count_invalid');
    const counted = await who('Chair').post(`/api/votes/${voteId}/count`, {
      tallies: { [id('Alpha')]: 5, [id('Beta')]: 2, [id('Delta')]: 6 },
    });
    expect(counted.status, JSON.stringify(counted.body)).toBe(200);
    const closedVote = await who('Chair').post(`/api/votes/${voteId}/close`);
    expect(closedVote.status, JSON.stringify(closedVote.body)).toBe(200);
    expect(closedVote.body.result.count.elected).toEqual([id('Delta'), id('Alpha')]);

    const after = (await who('Beta').get(`/api/elections/${e.id}`)).body;
    expect(after.status).toBe('closed');
    expect(
      after.candidates.filter((c: { elected: boolean }) => c.elected).map((c: { personId: string }) => c.personId),
    ).toEqual([id('Alpha'), id('Delta')]);
  });
});
