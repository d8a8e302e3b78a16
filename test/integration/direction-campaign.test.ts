// Campaigns through the assemblies (ADR 0027 §8–9, issue 13 points 2 and 7): a directive bundled with a meeting each
// addressed organisation convenes from its inbox with the campaign's item first; closing the meeting and approving
// its protocol move the progress up the frozen tree; a report without the approved protocol is refused with nothing
// written; a cancelled meeting frees the slot; the ticker writes one reminder and one escalation, however often it
// runs; a value far from the body's own history is flagged as an outlier; the stored meeting counts (striped by
// organisation) equal those recomputed from the meetings, a damaged row rebuilt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import {
  buildDirectionCity,
  inDays,
  issue,
  snapshot,
  values,
  type DirectionCity,
} from '../support/direction-fixture.js';
import * as rounds from '../../src/modules/direction/round.repository.js';
import { stripeOf } from '../../src/modules/direction/rules/stripes.js';

describe.each(DB_KINDS)('direction campaigns on %s', (kind) => {
  let srv: TestServer;
  let c: DirectionCity;
  let protocolForm: Loose;
  let camp: Loose;

  const ok = (r: { status: number; body: Loose }, status = 200) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  };
  const progress = async (bodyId: string) =>
    ok(await c.sec.city!.get(`/api/direction/campaigns/${camp.id}/progress?bodyId=${bodyId}`));
  const child = (p: Loose, bodyId: string) => p.children.find((x: Loose) => x.bodyId === bodyId);
  const convene = (who: TestClient, bodyId: string) =>
    who.post(`/api/direction/campaigns/${camp.id}/convene`, {
      bodyId,
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      place: 'Red corner of the works',
      lang: 'en',
      urgent: true,
    });
  const meeting = async (who: TestClient, id: string) => ok(await who.get(`/api/meetings/${id}`));
  const campaignInput = (formId: string) => ({
    issuerBodyId: c.city.id,
    title: 'Production conferences',
    titleRu: 'Производственные совещания',
    text: 'Hold a general meeting on the production conferences and report.',
    textRu: 'Провести общее собрание о производственных совещаниях и отчитаться.',
    addressing: { kind: 'kinds', kinds: ['primary_organisation'] },
    deadline: inDays(10),
    formId,
    targets: [{ indicatorId: c.indicators.meetings_held.id, mode: 'per_addressee', value: 1 }],
    source: { kind: 'decision', takenOn: inDays(0), votes: { for: 5, against: 0, abstained: 0 } },
    campaign: {
      meetBy: inDays(7),
      meetingKind: 'general_assembly',
      itemTitle: 'On the production conferences',
      itemTitleRu: 'О производственных совещаниях',
    },
  });

  beforeAll(async () => {
    srv = await createTestServer(kind);
    c = await buildDirectionCity(srv);
    const items = Object.values(c.indicators).map((i) => ({ indicatorId: i.id, required: false }));
    protocolForm = ok(
      await c.sec.city!.post('/api/direction/forms', {
        name: 'Campaign report with protocol',
        nameRu: 'Отчёт с протоколом',
        requiresProtocol: true,
        items,
      }),
      201,
    );
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('refuses a campaign whose form asks for no protocol, or meeting after the deadline, writing nothing', async () => {
    const before = await snapshot(srv);
    const noProtocol = await c.sec.city!.post('/api/direction/campaigns', campaignInput(c.form.id));
    expect(noProtocol.status).toBe(422);
    expect(noProtocol.body.error.code).toBe('campaign_form_without_protocol');
    const late = campaignInput(protocolForm.id);
    late.campaign.meetBy = inDays(11);
    const tooLate = await c.sec.city!.post('/api/direction/campaigns', late);
    expect(tooLate.body.error.code).toBe('campaign_meet_after_deadline');
    expect(await snapshot(srv)).toEqual(before);
  });

  it('issues a campaign; an organisation convenes its own meeting with the item first and pre-filled', async () => {
    camp = ok(await c.sec.city!.post('/api/direction/campaigns', campaignInput(protocolForm.id)), 201);
    expect(camp.meetBy).toBe(inDays(7));
    const inbox = ok(await c.sec.p1!.get(`/api/direction/inbox?bodyId=${c.p[0]!.id}`));
    expect(inbox.items.find((i: Loose) => i.directiveId === camp.directiveId).campaignId).toBe(camp.id);
    const seen = ok(await c.sec.p1!.get(`/api/direction/campaigns/${camp.id}?bodyId=${c.p[0]!.id}`));
    expect([seen.meeting, seen.can.convene]).toEqual([null, true]);

    const convened = ok(await convene(c.sec.p1!, c.p[0]!.id), 201);
    expect(convened.can.convene).toBe(false);
    const m = await meeting(c.sec.p1!, convened.meeting.meetingId);
    expect(m.bodyId ?? m.body?.id ?? c.p[0]!.id).toBe(c.p[0]!.id);
    expect(m.agenda[0].title).toBe('On the production conferences');
    expect(m.agenda[0].id).toBe(convened.meeting.agendaItemId);
    expect(m.kind).toBe('general_assembly');

    // one meeting per organisation; another organisation's secretary may not convene for it
    const again = await convene(c.sec.p1!, c.p[0]!.id);
    expect([again.status, again.body.error.code]).toEqual([409, 'campaign_already_convened']);
    const other = await convene(c.sec.p2!, c.p[0]!.id);
    expect(other.status).toBe(403);

    const city = await progress(c.city.id);
    expect([city.node.addressees, city.node.convened, city.node.held]).toEqual([5, 1, 0]);
    expect(child(city, c.d1.id).convened).toBe(1);
    expect(child(city, c.d2.id).convened).toBe(0);
  });

  it('refuses a report without the approved protocol, writing nothing; closing and approval move the progress', async () => {
    const p1 = c.p[0]!.id;
    const mine = ok(await c.sec.p1!.get(`/api/direction/campaigns/${camp.id}?bodyId=${p1}`)).meeting;
    const url = `/api/direction/rounds/${camp.roundId}/reports/${p1}`;
    const report = ok(await c.sec.p1!.get(url));
    // the form is pre-filled from the campaign's meeting
    expect(report.campaignMeeting).toMatchObject({ meetingId: mine.meetingId, agendaItemId: mine.agendaItemId });
    const submit = (link: Loose) =>
      c.sec.p1!.post(`${url}/submit`, { version: 0, values: values({ meetings_held: 1 }), ...link });

    const before = await snapshot(srv);
    const none = await submit({});
    expect([none.status, none.body.error.code, none.body.error.details?.reason]).toEqual([
      422,
      'report_protocol_required',
      'missing',
    ]);
    const notHeld = await submit({ meetingId: mine.meetingId, agendaItemId: mine.agendaItemId });
    expect([notHeld.body.error.code, notHeld.body.error.details?.reason]).toEqual([
      'report_protocol_required',
      'not_closed',
    ]);
    expect(await snapshot(srv)).toEqual(before);

    // the meeting: a chair, all members but two present (a quorum), opened (the item taken up) and closed
    // everyone registered in the organisation, its shop cell included, is entitled to its general meeting
    const people = await srv.db
      .selectFrom('person')
      .innerJoin('body', 'body.id', 'person.body_id')
      .select('person.id')
      .where((eb) => eb.or([eb('body.id', '=', p1), eb('body.parent_id', '=', p1)]))
      .orderBy('person.id')
      .execute();
    const secretary = await srv.db
      .selectFrom('office')
      .select('person_id')
      .where('body_id', '=', p1)
      .executeTakeFirstOrThrow();
    const mid = mine.meetingId;
    let m = await meeting(c.sec.p1!, mid);
    expect(m.quorum.entitledVoting).toBe(people.length);
    ok(
      await c.sec.p1!.put(`/api/meetings/${mid}/roles`, { roles: [{ personId: secretary.person_id, role: 'chair' }] }),
    );
    m = await meeting(c.sec.p1!, mid);
    ok(await c.sec.p1!.post(`/api/meetings/${mid}/open`, { revision: m.revision }));
    for (const p of people.slice(2)) ok(await c.sec.p1!.post(`/api/meetings/${mid}/check-in`, { personId: p.id }));
    m = await meeting(c.sec.p1!, mid);
    ok(await c.sec.p1!.post(`/api/meetings/${mid}/close`, { revision: m.revision }));

    let d1 = await progress(c.d1.id);
    expect([d1.node.convened, d1.node.held, d1.node.quorate, d1.node.protocols]).toEqual([1, 1, 1, 0]);
    expect(child(d1, p1)).toMatchObject({ held: 1, quorate: 1, reportsIn: 0 });
    const row = await srv.db
      .selectFrom('campaign_meeting')
      .selectAll()
      .where('meeting_id', '=', mid)
      .executeTakeFirstOrThrow();
    expect([row.present, row.entitled, row.quorate]).toEqual([people.length - 2, people.length, true]);

    const unapproved = await submit({ meetingId: mid, agendaItemId: mine.agendaItemId });
    expect(unapproved.body.error.details?.reason).toBe('protocol_not_approved');

    const draft = ok(await c.sec.p1!.post(`/api/meetings/${mid}/protocol`, { lang: 'en' }));
    ok(await c.sec.p1!.post(`/api/meetings/${mid}/protocol/approve`, { version: draft.version }));
    d1 = await progress(c.d1.id);
    expect(d1.node.protocols).toBe(1);
    expect((await progress(c.city.id)).node.protocols).toBe(1);

    // another organisation's meeting is not this body's protocol
    const wrongBody = await c.sec.p1!.post(`${url}/submit`, {
      version: 0,
      values: values({ meetings_held: 1 }),
      meetingId: mid,
      agendaItemId: uuidv7(),
    });
    expect(wrongBody.body.error.details?.reason).toBe('item_not_taken_up');

    const done = ok(await submit({ meetingId: mid, agendaItemId: mine.agendaItemId }));
    expect(done.state).toBe('submitted');
    const city = await progress(c.city.id);
    expect(child(city, c.d1.id)).toMatchObject({ convened: 1, held: 1, protocols: 1, reportsIn: 1 });
    expect(child(await progress(c.d1.id), p1)).toMatchObject({ reportsIn: 1, targets: 1, targetsMet: 1 });
  });

  it('a cancelled meeting frees the slot: the organisation convenes again', async () => {
    const p2 = c.p[1]!.id;
    const first = ok(await convene(c.sec.p2!, p2), 201);
    expect((await progress(c.d1.id)).node.convened).toBe(2);
    const m = await meeting(c.sec.p2!, first.meeting.meetingId);
    ok(await c.sec.p2!.post(`/api/meetings/${m.id}/cancel`, { revision: m.revision }));
    expect((await progress(c.d1.id)).node.convened).toBe(1);
    const free = ok(await c.sec.p2!.get(`/api/direction/campaigns/${camp.id}?bodyId=${p2}`));
    expect([free.meeting, free.can.convene]).toEqual([null, true]);
    const second = ok(await convene(c.sec.p2!, p2), 201);
    expect(second.meeting.meetingId).not.toBe(first.meeting.meetingId);
    expect((await progress(c.d1.id)).node.convened).toBe(2);
    expect((await progress(c.city.id)).node.convened).toBe(2);
  });

  it('stored meeting counts equal those recomputed from the meetings, striped by organisation; a damaged row is rebuilt', async () => {
    // by now: P1's meeting held, quorate, its protocol approved; P2's first meeting cancelled, its second convened
    const stored = (await srv.services.rollups.stored(camp.roundId)).campaign;
    const at = (bodyId: string, stripe: number) =>
      stored.find((r: Loose) => r.body_id === bodyId && r.stripe === stripe) as Loose;
    expect(at(c.p[0]!.id, -1)).toMatchObject({ convened: 1, held: 1, quorate: 1, protocols: 1 });
    expect(at(c.p[1]!.id, -1)).toMatchObject({ convened: 1, held: 0, quorate: 0, protocols: 0 });
    // the city (depth 2, four stripes): each organisation's meeting in its own stripe there
    const p1 = stripeOf(c.p[0]!.id, 2);
    const p2 = stripeOf(c.p[1]!.id, 2);
    if (p1 === p2) expect(at(c.city.id, p1)).toMatchObject({ convened: 2, held: 1, quorate: 1, protocols: 1 });
    else {
      expect(at(c.city.id, p1)).toMatchObject({ convened: 1, held: 1, quorate: 1, protocols: 1 });
      expect(at(c.city.id, p2)).toMatchObject({ convened: 1, held: 0, quorate: 0, protocols: 0 });
    }
    await srv.services.rollups.recompute(camp.roundId);
    expect((await srv.services.rollups.stored(camp.roundId)).campaign).toEqual(stored);
    // a damaged row and a lost one: the recomputation rebuilds both from the meetings
    await sql`update campaign_progress set held = held + 7 where round_id = ${camp.roundId} and body_id = ${c.d1.id}`.execute(
      srv.db,
    );
    await sql`delete from campaign_progress where round_id = ${camp.roundId} and body_id = ${c.p[0]!.id}`.execute(
      srv.db,
    );
    expect((await srv.services.rollups.stored(camp.roundId)).campaign).not.toEqual(stored);
    await srv.services.rollups.recompute(camp.roundId);
    expect((await srv.services.rollups.stored(camp.roundId)).campaign).toEqual(stored);
    expect((await progress(c.d1.id)).node).toMatchObject({ convened: 2, held: 1, quorate: 1, protocols: 1 });
  });

  it('reminds once before the due date and escalates once to the parent when overdue', async () => {
    const notices = (kind_: string) =>
      srv.db
        .selectFrom('direction_notice')
        .selectAll()
        .where('round_id', '=', camp.roundId)
        .where('kind', '=', kind_ as never)
        .execute();
    const due = new Date(
      (await srv.db
        .selectFrom('direction_round')
        .select('due_at')
        .where('id', '=', camp.roundId)
        .executeTakeFirstOrThrow())!.due_at,
    );
    const early = new Date(due.getTime() - 5 * 86_400_000);
    await srv.services.directionTicker.tick(early);
    expect(await notices('reminder')).toHaveLength(0);

    const soon = new Date(due.getTime() - 2 * 86_400_000);
    await srv.services.directionTicker.tick(soon);
    await srv.services.directionTicker.tick(soon);
    const reminders = await notices('reminder');
    // p1 has reported: the four others are reminded, once each
    expect(reminders.map((n) => n.body_id).sort()).toEqual(
      c.p
        .slice(1)
        .map((p) => p.id)
        .sort(),
    );
    expect(reminders.every((n) => n.to_body_id === n.body_id)).toBe(true);

    const late = new Date(due.getTime() + 86_400_000);
    await srv.services.directionTicker.tick(late);
    await srv.services.directionTicker.tick(new Date(late.getTime() + 60_000));
    const escalations = await notices('escalation');
    expect(escalations).toHaveLength(4);
    expect(escalations.find((n) => n.body_id === c.p[1]!.id)!.to_body_id).toBe(c.d1.id);
    expect(escalations.find((n) => n.body_id === c.p[3]!.id)!.to_body_id).toBe(c.d2.id);
    expect(await notices('reminder')).toHaveLength(4);

    const p2 = ok(await c.sec.p2!.get(`/api/direction/notices?bodyId=${c.p[1]!.id}`));
    expect(p2.items.map((n: Loose) => n.kind)).toEqual(['reminder']);
    const d1 = ok(await c.sec.d1!.get(`/api/direction/notices?bodyId=${c.d1.id}`));
    expect(d1.items.map((n: Loose) => [n.kind, n.bodyId]).sort()).toEqual(
      [
        ['escalation', c.p[1]!.id],
        ['escalation', c.p[2]!.id],
      ].sort(),
    );
    const outsider = await c.sec.p4!.get(`/api/direction/notices?bodyId=${c.d1.id}`);
    expect(outsider.status).toBe(403);
  });

  it('flags a value far from the body’s own history in its schedule, without refusing it', async () => {
    const p1 = c.p[0]!;
    const schedule = ok(
      await c.sec.d1!.post('/api/direction/schedules', {
        issuerBodyId: c.d1.id,
        formId: c.form.id,
        frequency: 'monthly',
        bodyKinds: ['primary_organisation'],
        dueDays: 10,
        expiryDays: 30,
        startsOn: '2024-01-01',
      }),
      201,
    );
    const d1 = (await rounds.findBody(srv.db, c.d1.id))!;
    const open = async (periodStart: string, dueAt: Date) => {
      const id = uuidv7();
      await rounds.insertRound(srv.db, {
        id,
        organisation_id: c.org.id,
        issuer_body_id: c.d1.id,
        directive_id: null,
        schedule_id: schedule.id,
        form_id: c.form.id,
        period_start: periodStart,
        period_end: periodStart,
        due_at: dueAt,
        expires_at: new Date(dueAt.getTime() + 30 * 86_400_000),
      });
      await rounds.freeze(
        srv.db,
        { roundId: id, issuerId: d1.id, issuerPath: d1.path, issuerDepth: d1.depth, dueAt },
        { kind: 'bodies', bodyIds: [p1.id] },
      );
      return id;
    };
    // twelve months of history: two or three meetings a month
    for (let m = 1; m <= 12; m++) {
      const start = `2024-${String(m).padStart(2, '0')}-01`;
      const roundId = await open(start, new Date(`${start}T12:00:00Z`));
      const versionId = uuidv7();
      await rounds.insertVersion(srv.db, {
        id: versionId,
        round_id: roundId,
        body_id: p1.id,
        n: 1,
        scope: 'own',
        vals: JSON.stringify(values({ meetings_held: 2 + (m % 2) })),
        text: null,
        meeting_id: null,
        agenda_item_id: null,
        saved_by: null,
        submitted_at: new Date(`${start}T12:00:00Z`),
      });
      await sql`update round_body set state = 'approved', counted_version_id = ${versionId}, version = 1
        where round_id = ${roundId} and body_id = ${p1.id}`.execute(srv.db);
    }
    const now = await open('2025-01-01', new Date(Date.now() + 5 * 86_400_000));
    const r = await c.sec.p1!.post(`/api/direction/rounds/${now}/reports/${p1.id}/submit`, {
      version: 0,
      values: values({ meetings_held: 40 }),
    });
    const report = ok(r);
    expect(report.state).toBe('submitted');
    const outliers = report.flags.filter((f: Loose) => f.kind === 'outlier');
    expect(outliers.map((f: Loose) => f.detail.code)).toEqual(['meetings_held']);
    expect(outliers[0].detail.value).toBe(40);
  });

  it('says what the reader may open: the level above only when seen; the campaign and the summary by the flags', async () => {
    const p1 = c.p[0]!.id;
    const url = `/api/direction/rounds/${camp.roundId}/reports/${p1}`;
    // the organisation's secretary may not see its district's dashboard; the district's and the city's may
    expect(ok(await c.sec.p1!.get(url)).can.viewParent).toBe(false);
    expect((await c.sec.p1!.get(`/api/direction/rounds/${camp.roundId}/rollup?bodyId=${c.d1.id}`)).status).toBe(403);
    expect(ok(await c.sec.d1!.get(url)).can.viewParent).toBe(true);
    expect(ok(await c.sec.city!.get(url)).can.viewParent).toBe(true);
    const d1Url = `/api/direction/rounds/${camp.roundId}/reports/${c.d1.id}`;
    expect(ok(await c.sec.d1!.get(d1Url)).can.viewParent).toBe(false);
    expect(ok(await c.sec.city!.get(d1Url)).can.viewParent).toBe(true);

    // the campaign's round says its campaign; this form asks for no summary
    const d1Node = ok(await c.sec.d1!.get(`/api/direction/rounds/${camp.roundId}/rollup?bodyId=${c.d1.id}`));
    expect([d1Node.campaignId, d1Node.can.summary]).toEqual([camp.id, false]);
    // a directive on a summary form: the district's office may file one, the city's may not file the district's
    const d = await issue(c, { formId: c.summaryForm.id, targets: [] });
    const rollup = (who: TestClient, bodyId: string) =>
      who.get(`/api/direction/rounds/${d.roundId}/rollup?bodyId=${bodyId}`);
    const byD1 = ok(await rollup(c.sec.d1!, c.d1.id));
    expect([byD1.campaignId, byD1.can.summary]).toEqual([null, true]);
    expect(ok(await rollup(c.sec.city!, c.d1.id)).can.summary).toBe(false);
    expect(ok(await rollup(c.sec.city!, c.city.id)).can.summary).toBe(true);
  });
});
