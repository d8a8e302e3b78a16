// Names in the reader's language (issue 11, point 13): wherever the web app shows a body, enterprise or person
// name, the API sends the Latin name and the Cyrillic one (when recorded), so a Russian reader reads Cyrillic and
// an English reader Latin — the meeting list's body, the person's workplace and who acted in a person's history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../src/platform/actor.js';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeEnterprise, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import { makeMeeting } from '../support/assembly-factory.js';

const PASSWORD = 'correct horse battery';

describe.each(DB_KINDS)('names in both languages on %s', (kind) => {
  let srv: TestServer;
  let secretary: TestClient;
  let worksId: string;
  let subjectId: string;
  let applicationId: string;
  let candidateId: string;
  let caseId: string;
  let reviewId: string;
  let lostId: string;
  let meetingId: string;
  let conferenceId: string;
  let rollVoteId: string;

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db);
    const district = await makeBody(db, org, 'district_committee', null);
    const works = await makeBody(db, org, 'primary_organisation', district, { name: 'Red Putilovite works' });
    worksId = works.id;
    await db.updateTable('body').set({ name_ru: 'Красный путиловец' }).where('id', '=', works.id).execute();
    const plant = await makeEnterprise(db, org, 1000, 'Putilov plant');
    await db.updateTable('enterprise').set({ name_ru: 'Путиловский завод' }).where('id', '=', plant.id).execute();
    const subject = await makePerson(db, org, works, { familyName: 'Subject' });
    subjectId = subject.id;
    await db.updateTable('person').set({ enterprise_id: plant.id }).where('id', '=', subject.id).execute();
    const sec = await makePerson(db, org, works, { familyName: 'Kirov', givenName: 'Sergei' });
    await db.updateTable('person').set({ name_ru: 'Киров Сергей Миронович' }).where('id', '=', sec.id).execute();
    await makeOffice(db, works, sec, 'secretary');
    const meeting = await makeMeeting(db, {
      body: { id: works.id, organisationId: org.id },
      title: 'Report meeting',
      participants: [sec],
      present: [sec],
    });
    meetingId = meeting.id;
    await db.updateTable('body').set({ name_ru: 'Ленинградский райком' }).where('id', '=', district.id).execute();
    // An application to the works with Kirov as recommender, and a candidate of the works.
    const applicant = await makePerson(db, org, works, { familyName: 'Applicant', status: 'non_member' });
    await db.updateTable('person').set({ name_ru: 'Заявителев Пётр' }).where('id', '=', applicant.id).execute();
    applicationId = uuidv7();
    await db
      .insertInto('admission_application')
      .values({
        id: applicationId,
        organisation_id: org.id,
        person_id: applicant.id,
        body_id: works.id,
        primary_id: works.id,
        target: 'candidate',
        state: 'collecting_recommendations',
        social_position: 'worker',
        applied_on: '2026-10-01',
        required_recommendations: 2,
        min_standing_years: 1,
        confirming_body_id: district.id,
      })
      .execute();
    await db
      .insertInto('admission_recommendation')
      .values({ id: uuidv7(), application_id: applicationId, recommender_id: sec.id, state: 'requested' })
      .execute();
    const candidate = await makePerson(db, org, works, { familyName: 'Candidate', status: 'candidate' });
    candidateId = candidate.id;
    await db.updateTable('person').set({ name_ru: 'Кандидатов Иван' }).where('id', '=', candidate.id).execute();
    await db
      .insertInto('candidacy')
      .values({
        id: uuidv7(),
        organisation_id: org.id,
        person_id: candidate.id,
        body_id: works.id,
        primary_id: works.id,
        state: 'candidate',
        started_on: '2026-01-01',
        ends_on: '2027-01-01',
      })
      .execute();
    // A discipline case against the candidate, and an appeal against it lodged with the works.
    caseId = uuidv7();
    await db
      .insertInto('discipline_case')
      .values({
        id: caseId,
        organisation_id: org.id,
        person_id: candidate.id,
        primary_id: works.id,
        charged_on: '2026-10-01',
        charge: 'Absence',
        notified_on: '2026-10-01',
        state: 'charged',
      })
      .execute();
    await db
      .insertInto('appeal')
      .values({
        id: uuidv7(),
        organisation_id: org.id,
        act_kind: 'discipline',
        act_id: caseId,
        person_id: candidate.id,
        level: 'higher_body',
        body_id: works.id,
        lodged_on: '2026-10-02',
        deadline: '2026-11-02',
        reasons: 'Unfair',
      })
      .execute();
    // A membership review over the works, with the candidate's item pending.
    reviewId = uuidv7();
    await db
      .insertInto('review')
      .values({
        id: reviewId,
        organisation_id: org.id,
        body_id: works.id,
        title: 'Review 1926',
        opened_on: '2026-10-01',
        deadline: '2999-01-01',
      })
      .execute();
    await db
      .insertInto('review_item')
      .values({
        id: uuidv7(),
        review_id: reviewId,
        organisation_id: org.id,
        person_id: candidate.id,
        body_id: works.id,
        primary_id: works.id,
        status_at_opening: 'candidate',
      })
      .execute();
    // The candidate asks to leave; dues are kept from 2020 (so everyone owes); a member last in the works is
    // registered nowhere since 2020.
    await db
      .insertInto('resignation')
      .values({
        id: uuidv7(),
        organisation_id: org.id,
        person_id: candidate.id,
        body_id: works.id,
        state: 'submitted',
        reasons: 'Moving away',
        submitted_on: '2026-10-03',
      })
      .execute();
    await db.insertInto('dues_register').values({ organisation_id: org.id, start_month: '2020-01-01' }).execute();
    const lost = await makePerson(db, org, works, { familyName: 'Lost' });
    lostId = lost.id;
    await db
      .updateTable('person')
      .set({ body_id: null, last_body_id: works.id, deregistered_on: '2020-01-01' })
      .where('id', '=', lost.id)
      .execute();
    // At the meeting: an election with the candidate, nominated by Kirov; Kirov's mandate from the works.
    const electionId = uuidv7();
    await db
      .insertInto('election')
      .values({
        id: electionId,
        meeting_id: meeting.id,
        agenda_item_id: meeting.items[0]!.id,
        title: 'Bureau',
        office: 'bureau',
        seats: 1,
        method: 'plurality',
        ballot: 'open',
      })
      .execute();
    await db
      .insertInto('candidate')
      .values({ election_id: electionId, person_id: candidate.id, position: 1, nominated_by: sec.id })
      .execute();
    // A motion Kirov supports and dissents from, put to a roll-call vote (closed) he is on the roll of.
    const motionId = uuidv7();
    await db
      .insertInto('motion')
      .values({
        id: motionId,
        meeting_id: meeting.id,
        agenda_item_id: meeting.items[0]!.id,
        seq: 1,
        title: 'On the plan',
        text: 'Fulfil the plan.',
        proposed_by: sec.id,
        proposer_label: 'Kirov Sergei',
        status: 'voting',
      })
      .execute();
    await db.insertInto('motion_supporter').values({ motion_id: motionId, person_id: sec.id }).execute();
    await db
      .insertInto('minority_opinion')
      .values({ id: uuidv7(), motion_id: motionId, person_id: sec.id, text: 'Too little.' })
      .execute();
    rollVoteId = uuidv7();
    await db
      .insertInto('vote')
      .values({
        id: rollVoteId,
        meeting_id: meeting.id,
        agenda_item_id: meeting.items[0]!.id,
        motion_id: motionId,
        title: 'On the plan',
        method: 'roll_call',
        question_kind: 'ordinary',
        threshold: 'simple',
        base: 'cast',
        status: 'closed',
        closed_at: new Date(),
      })
      .execute();
    // The election put to the vote after it (the meeting's live vote now), its candidates fixed at announce.
    await db
      .insertInto('vote')
      .values({
        id: uuidv7(),
        meeting_id: meeting.id,
        agenda_item_id: meeting.items[0]!.id,
        election_id: electionId,
        title: 'Bureau',
        method: 'secret',
        election_spec: JSON.stringify({
          method: 'plurality',
          seats: 1,
          candidates: [
            { id: candidate.id, name: 'Candidate Ivan' },
            { id: subject.id, name: 'Subject Nameless' },
          ],
        }),
        status: 'open',
      })
      .execute();
    const conference = await makeMeeting(db, {
      body: { id: district.id, organisationId: org.id },
      kind: 'conference',
      title: 'District conference',
      participants: [sec],
    });
    conferenceId = conference.id;
    await db
      .insertInto('mandate')
      .values({ id: uuidv7(), to_meeting_id: conference.id, person_id: sec.id, from_body_id: works.id })
      .execute();
    await srv.services.records.audit(db, {
      organisationId: org.id,
      subjectPersonId: subject.id,
      actor: { personId: sec.id } as Actor,
      effectiveOn: '2026-11-01',
      process: 'admission',
      entityId: null,
      action: 'admitted',
    });
    await srv.services.auth.createAccount({ personId: sec.id, login: 'secretary', password: PASSWORD });
    secretary = srv.client();
    expect((await secretary.login('secretary', PASSWORD)).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await srv?.close();
  });

  it('the signed-in person’s own name comes in both languages', async () => {
    const r = await secretary.get('/api/auth/me');
    expect(r.status).toBe(200);
    const me = r.body as Loose;
    expect([me.displayName, me.displayNameRu]).toEqual(['Sergei Kirov', 'Киров Сергей Миронович']);
  });

  it('an application names its organisations and recommenders in both languages', async () => {
    const list = await secretary.get(`/api/admission/bodies/${worksId}/applications`);
    expect(list.status).toBe(200);
    const items = (list.body as Loose).items as Loose[];
    expect(items.map((a) => [a.personNameRu, a.bodyNameRu, a.primaryNameRu, a.confirmingBodyNameRu])).toEqual([
      ['Заявителев Пётр', 'Красный путиловец', 'Красный путиловец', 'Ленинградский райком'],
    ]);
    const detail = await secretary.get(`/api/admission/applications/${applicationId}`);
    expect(detail.status).toBe(200);
    const recs = (detail.body as Loose).recommendations as Loose[];
    expect(recs.map((r) => [r.recommenderName, r.recommenderNameRu])).toEqual([
      ['Kirov Sergei', 'Киров Сергей Миронович'],
    ]);
  });

  it('a candidacy names the candidate and the body in both languages', async () => {
    const r = await secretary.get(`/api/admission/persons/${candidateId}`);
    expect(r.status).toBe(200);
    const c = (r.body as Loose).candidacy as Loose;
    expect([c.personNameRu, c.bodyName, c.bodyNameRu]).toEqual([
      'Кандидатов Иван',
      'Red Putilovite works',
      'Красный путиловец',
    ]);
  });

  it('a discipline case and an appeal name the person and the body in both languages', async () => {
    const cases = await secretary.get(`/api/discipline/cases?bodyId=${worksId}`);
    expect(cases.status).toBe(200);
    expect(((cases.body as Loose).items as Loose[]).map((c) => [c.personNameRu, c.primaryNameRu])).toEqual([
      ['Кандидатов Иван', 'Красный путиловец'],
    ]);
    const appeals = await secretary.get(`/api/appeals?bodyId=${worksId}`);
    expect(appeals.status).toBe(200);
    expect(((appeals.body as Loose).items as Loose[]).map((a) => [a.personNameRu, a.bodyNameRu])).toEqual([
      ['Кандидатов Иван', 'Красный путиловец'],
    ]);
  });

  it('a membership review, its items and its progress name bodies and persons in both languages', async () => {
    const review = await secretary.get(`/api/reviews/${reviewId}`);
    expect(review.status).toBe(200);
    expect((review.body as Loose).bodyNameRu).toBe('Красный путиловец');
    const mine = await secretary.get('/api/review-items/mine');
    expect(mine.status).toBe(200);
    expect(((mine.body as Loose).items as Loose[]).map((i) => i.personNameRu)).toEqual(['Кандидатов Иван']);
    const progress = await secretary.get(`/api/reviews/${reviewId}/progress`);
    expect(progress.status).toBe(200);
    expect(((progress.body as Loose).total as Loose).bodyNameRu).toBe('Красный путиловец');
  });

  it('a resignation, the arrears list and the unregistered list name persons and bodies in both languages', async () => {
    const resignations = await secretary.get(`/api/resignations?bodyId=${worksId}&limit=200`);
    expect(resignations.status).toBe(200);
    expect(((resignations.body as Loose).items as Loose[]).map((r) => [r.personNameRu, r.bodyNameRu])).toEqual([
      ['Кандидатов Иван', 'Красный путиловец'],
    ]);
    const arrears = await secretary.get(`/api/dues/arrears?bodyId=${worksId}&limit=200`);
    expect(arrears.status).toBe(200);
    const owing = (arrears.body as Loose).items as Loose[];
    expect(owing.length).toBeGreaterThan(0);
    expect(new Set(owing.map((a) => a.bodyNameRu))).toEqual(new Set(['Красный путиловец']));
    const unregistered = await secretary.get(`/api/transfers/unregistered?bodyId=${worksId}`);
    expect(unregistered.status).toBe(200);
    expect(((unregistered.body as Loose).items as Loose[]).map((u) => [u.personId, u.lastBodyNameRu])).toEqual([
      [lostId, 'Красный путиловец'],
    ]);
  });

  it('election candidates and delegates’ mandates are named in both languages', async () => {
    const elections = await secretary.get(`/api/meetings/${meetingId}/elections`);
    expect(elections.status).toBe(200);
    const candidates = ((elections.body as Loose).items as Loose[]).flatMap((e) => e.candidates as Loose[]);
    expect(candidates.map((c) => [c.name, c.nameRu, c.nominatedByName, c.nominatedByNameRu])).toEqual([
      ['Candidate Ivan', 'Кандидатов Иван', 'Kirov Sergei', 'Киров Сергей Миронович'],
    ]);
    const mandates = await secretary.get(`/api/meetings/${conferenceId}/mandates`);
    expect(mandates.status).toBe(200);
    const list = mandates.body as Loose;
    expect((list.items as Loose[]).map((m) => [m.name, m.nameRu, m.fromBodyNameRu])).toEqual([
      ['Kirov Sergei', 'Киров Сергей Миронович', 'Красный путиловец'],
    ]);
    expect((list.quotas as Loose[]).map((q) => q.bodyNameRu)).toEqual(['Красный путиловец']);
  });

  it('a roll-call sheet names its voters in both languages', async () => {
    const r = await secretary.get(`/api/votes/${rollVoteId}/roll-call`);
    expect(r.status).toBe(200);
    expect(((r.body as Loose).items as Loose[]).map((e) => [e.name, e.nameRu])).toEqual([
      ['Sergei Kirov', 'Киров Сергей Миронович'],
    ]);
  });

  it('a motion names its supporters and the authors of minority opinions in both languages', async () => {
    const r = await secretary.get(`/api/meetings/${meetingId}/motions`);
    expect(r.status).toBe(200);
    const [motion] = (r.body as Loose).items as Loose[];
    expect((motion!.supporters as Loose[]).map((s) => [s.name, s.nameRu])).toEqual([
      ['Sergei Kirov', 'Киров Сергей Миронович'],
    ]);
    expect((motion!.minorityOpinions as Loose[]).map((o) => [o.name, o.nameRu])).toEqual([
      ['Sergei Kirov', 'Киров Сергей Миронович'],
    ]);
  });

  it('the live vote names an election’s candidates in both languages (Latin alone when no Cyrillic is recorded)', async () => {
    const r = await secretary.get(`/api/meetings/${meetingId}/live`);
    expect(r.status).toBe(200);
    const vote = (r.body as Loose).vote as Loose;
    expect((vote.candidates as Loose[]).map((c) => [c.id, c.name, c.nameRu])).toEqual([
      [candidateId, 'Candidate Ivan', 'Кандидатов Иван'],
      [subjectId, 'Subject Nameless', null],
    ]);
  });

  it('a meeting names its body in both languages', async () => {
    const r = await secretary.get(`/api/bodies/${worksId}/meetings`);
    expect(r.status).toBe(200);
    const items = (r.body as Loose).items as Loose[];
    expect(items.map((m) => [m.bodyName, m.bodyNameRu])).toEqual([['Red Putilovite works', 'Красный путиловец']]);
  });

  it('a person’s workplace is named in both languages', async () => {
    const r = await secretary.get(`/api/persons/${subjectId}`);
    expect(r.status).toBe(200);
    const p = ((r.body as Loose).person ?? r.body) as Loose;
    expect([p.enterpriseName, p.enterpriseNameRu]).toEqual(['Putilov plant', 'Путиловский завод']);
  });

  it('who acted in a person’s history: the Latin name and the Cyrillic one apart, not the Cyrillic for everyone', async () => {
    const r = await secretary.get(`/api/persons/${subjectId}/history`);
    expect(r.status).toBe(200);
    const items = (r.body as Loose).items as Loose[];
    expect(items.map((e) => [e.actorName, e.actorNameRu])).toEqual([['Kirov Sergei', 'Киров Сергей Миронович']]);
  });
});
