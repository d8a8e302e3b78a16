// Direction (ADR 0027): directives frozen over the tree as it is, concretised with deadlines never later than the
// one above, targets split and checked, acknowledgements; reports validated at entry, every version kept; approval
// by the frozen parent and locking; a level accepted; roll-ups own apart from descendants; completeness of a past
// round unchanged by a move; refusals that write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestServer } from '../support/http.js';
import {
  buildDirectionCity,
  inDays,
  issue,
  snapshot,
  values,
  type DirectionCity,
} from '../support/direction-fixture.js';

describe.each(DB_KINDS)('direction on %s', (kind) => {
  let srv: TestServer;
  let c: DirectionCity;
  let d: Loose;
  const report = (key: string, i: number) => `/api/direction/rounds/${d.roundId}/reports/${c.p[i]!.id}`;
  const rollup = async (bodyId: string) => {
    const r = await c.sec.city!.get(`/api/direction/rounds/${d.roundId}/rollup?bodyId=${bodyId}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const fig = (node: Loose, code: string) => node.figures.find((f: Loose) => f.code === code);
  const recomputedEqualsStored = async (roundId: string) => {
    const before = await srv.services.rollups.stored(roundId);
    await srv.services.rollups.recompute(roundId);
    const after = await srv.services.rollups.stored(roundId);
    expect(after).toEqual(before);
  };

  beforeAll(async () => {
    srv = await createTestServer(kind);
    c = await buildDirectionCity(srv);
    d = await issue(c);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('freezes the addressees and the committees between, with a recorded decision', async () => {
    expect(d.addressees).toBe(5);
    const nodes = await srv.db
      .selectFrom('round_body')
      .select(['body_id', 'addressed', 'relay'])
      .where('round_id', '=', d.roundId)
      .execute();
    expect(
      nodes
        .filter((n) => n.relay)
        .map((n) => n.body_id)
        .sort(),
    ).toEqual([c.city.id, c.d1.id, c.d2.id].sort());
    expect(nodes.filter((n) => n.addressed)).toHaveLength(5);
    const decision = await srv.db
      .selectFrom('decision')
      .selectAll()
      .where('id', '=', d.decisionId)
      .executeTakeFirstOrThrow();
    expect([decision.body_id, decision.process, decision.votes_for]).toEqual([c.city.id, 'directive', 7]);
    // nobody outside the city's tree reads it from a body of it, and the rule target of the city is 2 per addressee
    const root = await rollup(c.city.id);
    expect(fig(root, 'meetings_held').target).toBe(10);
    expect(fig(await rollup(c.d1.id), 'meetings_held').target).toBe(6);
    // members as they were: every member and candidate below the city, the shop cell's with their organisation's
    const { n } = await sql<{ n: number }>`
      select count(*)::int as n from person p join body b on b.id = p.body_id
      where b.path <@ ${c.city.path}::ltree and p.status in ('member', 'candidate')`
      .execute(srv.db)
      .then((r) => r.rows[0]!);
    expect(root.completeness.members).toBe(n);
    const works1 = (await rollup(c.d1.id)).children.find((x: Loose) => x.bodyId === c.p[0].id);
    expect(works1.completeness.members).toBeGreaterThanOrEqual(8);
  });

  it('refuses a directive with no recorded adoption, or with nobody addressed, writing nothing', async () => {
    const before = await snapshot(srv);
    const noMotion = await c.sec.city!.post('/api/direction/directives', {
      issuerBodyId: c.city.id,
      title: 'x',
      titleRu: 'x',
      text: 'x',
      textRu: 'x',
      addressing: { kind: 'subtree' },
      deadline: inDays(5),
      source: { kind: 'motion', motionId: '0190a000-0000-7000-8000-000000000000' },
    });
    expect([noMotion.status, noMotion.body.error.code]).toEqual([422, 'directive_source_not_adopted']);
    const nobody = await c.sec.city!.post('/api/direction/directives', {
      issuerBodyId: c.city.id,
      title: 'x',
      titleRu: 'x',
      text: 'x',
      textRu: 'x',
      addressing: { kind: 'kinds', kinds: ['party_group'] },
      deadline: inDays(5),
      source: { kind: 'decision', takenOn: inDays(0) },
    });
    expect([nobody.status, nobody.body.error.code]).toEqual([422, 'no_addressees']);
    // a district may not issue in the city's name
    const notMine = await c.sec.d1!.post('/api/direction/directives', {
      issuerBodyId: c.city.id,
      title: 'x',
      titleRu: 'x',
      text: 'x',
      textRu: 'x',
      addressing: { kind: 'subtree' },
      deadline: inDays(5),
      source: { kind: 'decision', takenOn: inDays(0) },
    });
    expect(notMine.status).toBe(403);
    expect(await snapshot(srv)).toEqual(before);
  });

  it('concretises with a deadline never later than the one above, moving the due dates below', async () => {
    const before = await snapshot(srv);
    const late = await c.sec.d1!.post(`/api/direction/directives/${d.id}/concretise`, {
      bodyId: c.d1.id,
      text: 'Our district: by the 20th',
      textRu: 'Наш район: к 20-му',
      deadline: inDays(20),
      source: { kind: 'decision', takenOn: inDays(0) },
    });
    expect([late.status, late.body.error.code]).toEqual([422, 'deadline_after_parent']);
    expect(await snapshot(srv)).toEqual(before);
    const ok = await c.sec.d1!.post(`/api/direction/directives/${d.id}/concretise`, {
      bodyId: c.d1.id,
      text: 'Moscow-Narva: conferences at the Putilov, Skorokhod and Red Triangle works by the 7th.',
      textRu: 'Московско-Нарвский район: совещания к 7-му.',
      deadline: inDays(7),
      source: { kind: 'decision', takenOn: inDays(0) },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.concretisations.map((x: Loose) => x.bodyId)).toEqual([c.d1.id]);
    const p1 = await c.sec.p1!.get(`/api/direction/directives/${d.id}?bodyId=${c.p[0].id}`);
    expect(p1.status).toBe(200);
    expect(p1.body.concretisations).toHaveLength(1);
    expect(p1.body.body.dueAt.slice(0, 10) <= inDays(8)).toBe(true);
    const p4 = await c.sec.p4!.get(`/api/direction/directives/${d.id}?bodyId=${c.p[3].id}`);
    expect(p4.body.concretisations).toHaveLength(0);
    expect(p4.body.body.dueAt).toBe(d.deadline);
    // another district cannot concretise for D1, nor read D1's organisations' view
    expect(
      (await c.sec.d2!.post(`/api/direction/directives/${d.id}/concretise`, { ...ok.body, bodyId: c.d1.id })).status,
    ).toBe(400);
    expect((await c.sec.d2!.get(`/api/direction/directives/${d.id}?bodyId=${c.p[0].id}`)).status).toBe(404);
  });

  it('splits a target among the children, checked against the committee’s own', async () => {
    const before = await snapshot(srv);
    const short = await c.sec.d1!.post(`/api/direction/rounds/${d.roundId}/targets`, {
      bodyId: c.d1.id,
      indicatorId: c.indicators.meetings_held.id,
      children: [
        { bodyId: c.p[0].id, value: 1 },
        { bodyId: c.p[1].id, value: 1 },
        { bodyId: c.p[2].id, value: 1 },
      ],
    });
    expect([short.status, short.body.error.code]).toEqual([422, 'target_split_mismatch']);
    expect(short.body.error.details).toMatchObject({ own: 6, children: 3 });
    const foreign = await c.sec.d1!.post(`/api/direction/rounds/${d.roundId}/targets`, {
      bodyId: c.d1.id,
      indicatorId: c.indicators.meetings_held.id,
      children: [{ bodyId: c.p[3].id, value: 10 }],
    });
    expect([foreign.status, foreign.body.error.code]).toEqual([422, 'not_a_child']);
    expect(await snapshot(srv)).toEqual(before);
    const ok = await c.sec.d1!.post(`/api/direction/rounds/${d.roundId}/targets`, {
      bodyId: c.d1.id,
      indicatorId: c.indicators.meetings_held.id,
      children: [
        { bodyId: c.p[0].id, value: 4 },
        { bodyId: c.p[1].id, value: 1 },
        { bodyId: c.p[2].id, value: 1 },
      ],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const d1 = await rollup(c.d1.id);
    expect(d1.children.map((x: Loose) => fig(x, 'meetings_held').target)).toEqual([4, 1, 1]);
  });

  it('lists level by level who has acknowledged and who has not', async () => {
    const a = await c.sec.p1!.post(`/api/direction/directives/${d.id}/acknowledge`, { bodyId: c.p[0].id });
    expect(a.status).toBe(200);
    expect(a.body.can.acknowledge).toBe(false);
    expect((await c.sec.p1!.post(`/api/direction/directives/${d.id}/acknowledge`, { bodyId: c.p[0].id })).status).toBe(
      409,
    );
    const list = await c.sec.d1!.get(`/api/direction/rounds/${d.roundId}/acknowledgements?bodyId=${c.d1.id}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: Loose) => [x.bodyName, x.ackAt !== null])).toEqual([
      ['Works no. 2', false],
      ['Works no. 3', false],
      ['Works no. 1', true],
    ]);
    const city = await c.sec.city!.get(`/api/direction/rounds/${d.roundId}/acknowledgements?bodyId=${c.city.id}`);
    expect(city.body.items.find((x: Loose) => x.bodyId === c.d1.id)).toMatchObject({ expected: 3, acknowledged: 1 });
  });

  it('lists a body’s inbox with the flags its acts check: acknowledge and issue exactly when they succeed', async () => {
    const inbox = async (who: string, bodyId: string) => {
      const r = await c.sec[who]!.get(`/api/direction/inbox?bodyId=${bodyId}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return { can: r.body.can, item: r.body.items.find((x: Loose) => x.roundId === d.roundId) };
    };
    const ack = (who: string, bodyId: string) =>
      c.sec[who]!.post(`/api/direction/directives/${d.id}/acknowledge`, { bodyId });
    // the Vyborg district reads its organisation P5's inbox, and may not act for it
    const asD2 = await inbox('d2', c.p[4].id);
    expect([asD2.item.state, asD2.item.addressed, asD2.can.issue, asD2.item.can.acknowledge]).toEqual([
      'none',
      true,
      false,
      false,
    ]);
    expect((await ack('d2', c.p[4].id)).status).toBe(403);
    // the issuer's own node: nothing to acknowledge
    const asCity = await inbox('city', c.city.id);
    expect([asCity.item.relay, asCity.can.issue, asCity.item.can.acknowledge]).toEqual([true, true, false]);
    expect((await ack('city', c.city.id)).status).toBeGreaterThanOrEqual(400);
    // P1 has acknowledged already
    expect((await inbox('p1', c.p[0].id)).item.can.acknowledge).toBe(false);
    expect((await ack('p1', c.p[0].id)).status).toBe(409);
    // P5's own secretary: it may acknowledge, and does; it may not issue, having nobody below it to address
    const own = await inbox('p5', c.p[4].id);
    expect([own.can.issue, own.item.can.acknowledge, own.item.ackAt]).toEqual([false, true, null]);
    const nobody = await c.sec.p5!.post('/api/direction/directives', {
      issuerBodyId: c.p[4].id,
      title: 'x',
      titleRu: 'x',
      text: 'x',
      textRu: 'x',
      addressing: { kind: 'subtree' },
      deadline: inDays(5),
      source: { kind: 'decision', takenOn: inDays(0) },
    });
    expect([nobody.status, nobody.body.error.code]).toEqual([422, 'no_addressees']);
    expect((await ack('p5', c.p[4].id)).status).toBe(200);
    const after = await inbox('p5', c.p[4].id);
    expect([after.item.can.acknowledge, after.item.ackAt !== null]).toEqual([false, true]);
  });

  it('refuses a report for another body and validates at entry; every version kept', async () => {
    const before = await snapshot(srv);
    // P2's secretary, the district above and the city may not file P1's report
    for (const who of ['p2', 'd1', 'city'])
      expect((await c.sec[who]!.post(`${report('p1', 0)}/submit`, { version: 0, values: values({}) })).status).toBe(
        403,
      );
    const invalid = await c.sec.p1!.post(`${report('p1', 0)}/submit`, { version: 0, values: values({ admitted: 9 }) });
    expect([invalid.status, invalid.body.error.code]).toEqual([422, 'report_invalid']);
    const badValue = await c.sec.p1!.post(`${report('p1', 0)}/submit`, {
      version: 0,
      values: values({ attendance: 130 }),
    });
    expect([badValue.status, badValue.body.error.code]).toEqual([400, 'report_value_invalid']);
    const missing = await c.sec.p1!.post(`${report('p1', 0)}/submit`, { version: 0, values: { meetings_held: null } });
    expect([missing.status, missing.body.error.code]).toEqual([422, 'report_required_missing']);
    expect(await snapshot(srv)).toEqual(before);

    const draft = await c.sec.p1!.put(report('p1', 0), {
      version: 0,
      values: values({ meetings_held: 1 }),
      text: 'First draft',
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect([draft.body.state, draft.body.version]).toEqual(['draft', 1]);
    const stale = await c.sec.p1!.post(`${report('p1', 0)}/submit`, { version: 0, values: values({}) });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'report_changed']);
    const sub = await c.sec.p1!.post(`${report('p1', 0)}/submit`, {
      version: 1,
      values: values({ meetings_held: 3, attendance: 40, remarks: 'The works committee was absent.' }),
      text: 'Held on the 3rd.',
    });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect([sub.body.state, sub.body.versions.length, sub.body.onTime]).toEqual(['submitted', 2, true]);
    // the warning is flagged, not refused
    expect(sub.body.flags).toEqual([expect.objectContaining({ kind: 'rule', importance: 'low' })]);
    expect(sub.body.can).toMatchObject({ edit: false, submit: false, approve: false });
    const asDistrict = await c.sec.d1!.get(report('p1', 0));
    expect(asDistrict.body.can).toMatchObject({ approve: true, return: true, edit: false });
    // another district sees nothing of it
    expect((await c.sec.d2!.get(report('p1', 0))).status).toBe(403);
  });

  it('rolls up within the transaction: own apart from descendants, by aggregation type, and opens into the children', async () => {
    await c.sec.p2!.post(`${report('p2', 1)}/submit`, {
      version: 0,
      values: values({ meetings_held: 1, attendance: 60, largest_shop: 250, admitted: 1 }),
    });
    await c.sec.p4!.post(`${report('p4', 3)}/submit`, {
      version: 0,
      values: values({ meetings_held: 2, attendance: 90 }),
    });
    const root = await rollup(c.city.id);
    expect(root.completeness).toMatchObject({ expected: 5, submitted: 3, reported: 3, onTime: 3, late: 0 });
    expect(fig(root, 'meetings_held')).toMatchObject({
      own: null,
      descendants: 6,
      total: 6,
      reports: 3,
      target: 10,
      met: false,
    });
    expect(fig(root, 'attendance').total).toBeCloseTo((40 + 60 + 90) / 3);
    expect(fig(root, 'largest_shop').total).toBe(250);
    expect(fig(root, 'remarks').total).toBe(1);
    const d1 = root.children.find((x: Loose) => x.bodyId === c.d1.id);
    expect(fig(d1, 'meetings_held').total).toBe(4);
    expect(d1.completeness).toMatchObject({ expected: 3, submitted: 2 });
    // drill down to one organisation's raw report
    const district = await rollup(c.d1.id);
    const p1 = district.children.find((x: Loose) => x.bodyId === c.p[0].id);
    expect([p1.state, fig(p1, 'meetings_held').total]).toEqual(['submitted', 3]);
    // rules run at every level over the figures there: the city's average attendance passes, Works no. 1's fails
    const outcome = (node: Loose, name: string) => node.rules.find((r: Loose) => r.name === name).outcome;
    expect(outcome(root, 'Attendance usually above 50%')).toBe('pass');
    expect(outcome(root, 'Admitted at most applications')).toBe('pass');
    const works1 = await rollup(c.p[0].id);
    expect(outcome(works1, 'Attendance usually above 50%')).toBe('fail');
    const raw = await c.sec.city!.get(report('p1', 0));
    expect(raw.status).toBe(200);
    expect(raw.body.current.values.remarks).toBe('The works committee was absent.');
    await recomputedEqualsStored(d.roundId);
  });

  it('returns with a comment, corrects and resubmits: the report leaves the roll-up and comes back, still on time', async () => {
    const before = await srv.db
      .selectFrom('round_body')
      .selectAll()
      .where('body_id', '=', c.p[1].id)
      .executeTakeFirstOrThrow();
    const noReason = await c.sec.d1!.post(`${report('p2', 1)}/return`, { version: before.version, reason: ' ' });
    expect(noReason.status).toBe(400);
    const ret = await c.sec.d1!.post(`${report('p2', 1)}/return`, {
      version: before.version,
      reason: 'The largest shop cannot have 250 members: check the figure.',
    });
    expect(ret.status, JSON.stringify(ret.body)).toBe(200);
    expect(ret.body.state).toBe('returned');
    let root = await rollup(c.city.id);
    expect(root.completeness).toMatchObject({ submitted: 2, returned: 1, reported: 3 });
    expect(fig(root, 'largest_shop').total).toBe(100);
    expect(fig(root, 'meetings_held').total).toBe(5);
    const again = await c.sec.p2!.post(`${report('p2', 1)}/submit`, {
      version: ret.body.version,
      values: values({ meetings_held: 1, attendance: 60, largest_shop: 120, admitted: 1 }),
    });
    expect(again.status).toBe(200);
    expect([again.body.state, again.body.onTime, again.body.versions.length]).toEqual(['submitted', true, 2]);
    expect(again.body.acts.map((a: Loose) => a.act)).toEqual(['submitted', 'returned', 'submitted']);
    root = await rollup(c.city.id);
    expect(root.completeness).toMatchObject({ submitted: 3, returned: 0 });
    expect(fig(root, 'largest_shop').total).toBe(120);
    await recomputedEqualsStored(d.roundId);
  });

  it('approves within scope only, locks the approved report, reopens with a recorded reason', async () => {
    const v = (await c.sec.d1!.get(report('p1', 0))).body.version;
    const before = await snapshot(srv);
    expect((await c.sec.d2!.post(`${report('p1', 0)}/approve`, { version: v })).status).toBe(403);
    expect((await c.sec.p1!.post(`${report('p1', 0)}/approve`, { version: v })).status).toBe(403);
    expect(await snapshot(srv)).toEqual(before);
    const ok = await c.sec.d1!.post(`${report('p1', 0)}/approve`, { version: v });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('approved');
    const twice = await c.sec.d1!.post(`${report('p1', 0)}/approve`, { version: ok.body.version });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'already_decided']);
    const locked = await c.sec.p1!.post(`${report('p1', 0)}/submit`, { version: ok.body.version, values: values({}) });
    expect([locked.status, locked.body.error.code]).toEqual([409, 'report_locked']);
    const reopened = await c.sec.d1!.post(`${report('p1', 0)}/reopen`, {
      version: ok.body.version,
      reason: 'The attendance figure was copied from last year.',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.acts[0]).toMatchObject({
      act: 'reopened',
      reason: 'The attendance figure was copied from last year.',
    });
    const fixed = await c.sec.p1!.post(`${report('p1', 0)}/submit`, {
      version: reopened.body.version,
      values: values({ meetings_held: 3, attendance: 55 }),
    });
    expect(fixed.status).toBe(200);
    expect(fig(await rollup(c.city.id), 'attendance').total).toBeCloseTo((55 + 60 + 90) / 3);
    await recomputedEqualsStored(d.roundId);
  });

  it('accepts a level only when every report below is approved or excused; then nothing below changes', async () => {
    const early = await c.sec.city!.post(`/api/direction/rounds/${d.roundId}/levels/${c.d1.id}/accept`);
    expect([early.status, early.body.error.code]).toEqual([409, 'level_not_ready']);
    // P3 was dissolved in the meantime: its approver excuses it
    const p3 = await c.sec.d1!.get(report('p3', 2));
    expect(p3.body.can.excuse).toBe(true);
    expect(
      (
        await c.sec.d1!.post(`${report('p3', 2)}/excuse`, {
          version: p3.body.version,
          reason: 'Merged into Works no. 1.',
        })
      ).status,
    ).toBe(200);
    // the approval flag of a level: its own office, while the level is not accepted (the city may not approve)
    const canApprove = async (who: string) =>
      (await c.sec[who]!.get(`/api/direction/rounds/${d.roundId}/rollup?bodyId=${c.d1.id}`)).body.can.approve;
    expect([await canApprove('d1'), await canApprove('city')]).toEqual([true, false]);
    const byCity = await c.sec.city!.post(`/api/direction/rounds/${d.roundId}/approve`, {
      items: [{ bodyId: c.p[0]!.id, version: (await c.sec.d1!.get(report('p1', 0))).body.version }],
    });
    expect(byCity.status).toBe(403);
    const approve = await c.sec.d1!.post(`/api/direction/rounds/${d.roundId}/approve`, {
      items: [0, 1].map((i) => ({ bodyId: c.p[i]!.id, version: 99 })),
    });
    expect(approve.body.refused.map((x: Loose) => x.code)).toEqual(['report_changed', 'report_changed']);
    const versions = await Promise.all(
      [0, 1].map(async (i) => (await c.sec.d1!.get(report(`p${i + 1}`, i))).body.version),
    );
    const many = await c.sec.d1!.post(`/api/direction/rounds/${d.roundId}/approve`, {
      items: [0, 1].map((i) => ({ bodyId: c.p[i]!.id, version: versions[i] })),
    });
    expect(many.status).toBe(200);
    expect(many.body.approved).toHaveLength(2);
    const node = await rollup(c.city.id);
    expect(node.children.find((x: Loose) => x.bodyId === c.d1.id).completeness).toMatchObject({
      approved: 2,
      excused: 1,
    });
    expect((await c.sec.d1!.post(`/api/direction/rounds/${d.roundId}/levels/${c.d1.id}/accept`)).status).toBe(403);
    const ok = await c.sec.city!.post(`/api/direction/rounds/${d.roundId}/levels/${c.d1.id}/accept`);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const v = (await c.sec.d1!.get(report('p1', 0))).body.version;
    expect(await canApprove('d1')).toBe(false);
    const locked = await c.sec.d1!.post(`${report('p1', 0)}/reopen`, { version: v, reason: 'x' });
    expect([locked.status, locked.body.error.code]).toEqual([409, 'level_accepted']);
    const reopen = await c.sec.city!.post(`/api/direction/rounds/${d.roundId}/levels/${c.d1.id}/reopen`, {
      reason: 'A late correction from Works no. 1',
    });
    expect(reopen.status).toBe(200);
    expect(await canApprove('d1')).toBe(true);
    expect((await c.sec.d1!.post(`${report('p1', 0)}/reopen`, { version: v, reason: 'x' })).status).toBe(200);
  });

  it('keeps a past round’s completeness when a body is moved or dissolved afterwards', async () => {
    const before = await rollup(c.city.id);
    // Works no. 5 moves from Vyborg to Moscow-Narva district
    await sql`update body set parent_id = ${c.d1.id}, path = ${c.d1.path + '.' + c.p[4].id.replace(/-/g, '')}::ltree where id = ${c.p[4].id}`.execute(
      srv.db,
    );
    await sql`update body set status = 'dissolved', closed_at = now() where id = ${c.p[1].id}`.execute(srv.db);
    // and Works no. 3 is merged into Works no. 1
    await sql`update body set status = 'merged', merged_into = ${c.p[0].id}, closed_at = now() where id = ${c.p[2].id}`.execute(
      srv.db,
    );
    const after = await rollup(c.city.id);
    expect(after.completeness).toEqual(before.completeness);
    expect(after.children.map((x: Loose) => x.completeness.expected)).toEqual(
      before.children.map((x: Loose) => x.completeness.expected),
    );
    const d2 = await rollup(c.d2.id);
    expect(d2.children.map((x: Loose) => x.bodyId)).toContain(c.p[4].id);
    expect((await rollup(c.d1.id)).children.find((x: Loose) => x.bodyId === c.p[1].id).closed).toBe(true);
    expect((await rollup(c.d1.id)).children.find((x: Loose) => x.bodyId === c.p[2].id).closed).toBe(true);
    // (Works no. 3 stays in the later tests: undo its merger)
    await sql`update body set status = 'active', merged_into = null, closed_at = null where id = ${c.p[2].id}`.execute(
      srv.db,
    );
  });

  it('refuses a value after the period expired, unless the report was reopened', async () => {
    await sql`update direction_round set expires_at = now() - interval '1 day' where id = ${d.roundId}`.execute(srv.db);
    const before = await snapshot(srv);
    const late = await c.sec.p4!.post(`${report('p4', 3)}/submit`, { version: 1, values: values({}) });
    expect([late.status, late.body.error.code]).toEqual([422, 'round_expired']);
    expect(await snapshot(srv)).toEqual(before);
    // P1 was reopened above: it may still correct within the reopening
    const p1 = await c.sec.p1!.get(report('p1', 0));
    expect(p1.body.can.submit).toBe(true);
    expect(
      (await c.sec.p1!.post(`${report('p1', 0)}/submit`, { version: p1.body.version, values: values({}) })).status,
    ).toBe(200);
  });

  it('keeps a committee’s own report apart and compares its summary with the raw reports', async () => {
    const sd = await issue(c, {
      addressing: { kind: 'subtree' },
      formId: c.summaryForm.id,
      targets: [],
      title: 'Monthly report',
      titleRu: 'Месячный отчёт',
    });
    const url = (body: Loose) => `/api/direction/rounds/${sd.roundId}/reports/${body.id}`;
    await c.sec.p1!.post(`${url(c.p[0])}/submit`, { version: 0, values: values({ admitted: 2 }) });
    // the district reports its own work, and a summary of its organisations that overstates admissions
    const own = await c.sec.d1!.post(`${url(c.d1)}/submit`, { version: 0, values: values({ admitted: 1 }) });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    const summary = await c.sec.d1!.post(`${url(c.d1)}/submit`, {
      version: 0,
      scope: 'summary',
      values: values({ admitted: 6, applications: 10 }),
    });
    expect(summary.status, JSON.stringify(summary.body)).toBe(200);
    const node = (await c.sec.city!.get(`/api/direction/rounds/${sd.roundId}/rollup?bodyId=${c.d1.id}`)).body;
    expect(fig(node, 'admitted')).toMatchObject({ own: 1, descendants: 2, total: 3, summary: 6, discrepant: true });
    const city = (await c.sec.city!.get(`/api/direction/rounds/${sd.roundId}/rollup?bodyId=${c.city.id}`)).body;
    expect(fig(city, 'admitted')).toMatchObject({ own: null, total: 3 });
    expect(
      fig(
        city.children.find((x: Loose) => x.bodyId === c.d1.id),
        'admitted',
      ),
    ).toMatchObject({ summary: 6, discrepant: true });
    // a late organisation's report brings the raw figure within the tolerance (1): the flag clears
    const p3 = await c.sec.p3!.post(`${url(c.p[2])}/submit`, { version: 0, values: values({ admitted: 3 }) });
    expect(p3.status).toBe(200);
    const node2 = (await c.sec.city!.get(`/api/direction/rounds/${sd.roundId}/rollup?bodyId=${c.d1.id}`)).body;
    expect(fig(node2, 'admitted')).toMatchObject({ descendants: 5, summary: 6, discrepant: false });
    await recomputedEqualsStored(sd.roundId);
  });

  it('opens a schedule’s past period over the tree as it was, once; a report after the due date is late', async () => {
    const sched = await c.sec.city!.post('/api/direction/schedules', {
      issuerBodyId: c.city.id,
      formId: c.form.id,
      frequency: 'monthly',
      bodyKinds: ['primary_organisation'],
      dueDays: 5,
      expiryDays: 3650,
      startsOn: '2020-01-01',
      endsOn: null,
    });
    expect(sched.status, JSON.stringify(sched.body)).toBe(201);
    const lastMonth = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    expect((await c.sec.d1!.post(`/api/direction/schedules/${sched.body.id}/rounds`, { date: lastMonth })).status).toBe(
      403,
    );
    const opened = await c.sec.city!.post(`/api/direction/schedules/${sched.body.id}/rounds`, { date: lastMonth });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.created).toBe(true);
    const again = await c.sec.city!.post(`/api/direction/schedules/${sched.body.id}/rounds`, { date: lastMonth });
    expect(again.body).toEqual({ roundId: opened.body.roundId, created: false });
    const inbox = await c.sec.p4!.get(`/api/direction/inbox?bodyId=${c.p[3].id}`);
    const item = inbox.body.items.find((x: Loose) => x.roundId === opened.body.roundId);
    expect(item).toMatchObject({ scheduleId: sched.body.id, title: 'Campaign report', addressed: true, state: 'none' });
    expect(item.periodStart.slice(0, 8)).toBe(lastMonth.slice(0, 8));
    const late = await c.sec.p4!.post(`/api/direction/rounds/${opened.body.roundId}/reports/${c.p[3].id}/submit`, {
      version: 0,
      values: values({}),
    });
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    expect(late.body.onTime).toBe(false);
    const node = await c.sec.city!.get(`/api/direction/rounds/${opened.body.roundId}/rollup?bodyId=${c.city.id}`);
    expect(node.body.completeness).toMatchObject({ reported: 1, onTime: 0, late: 1 });
    // the dissolved organisation (Works no. 2) is not bound by a period opened after its dissolution
    expect(node.body.completeness.expected).toBe(4);
    // a schedule that starts today, in the middle of its first month: that month is its first period
    const fromToday = await c.sec.d2!.post('/api/direction/schedules', {
      issuerBodyId: c.d2.id,
      formId: c.form.id,
      frequency: 'monthly',
      bodyKinds: ['primary_organisation'],
      dueDays: 5,
      expiryDays: 30,
      startsOn: new Date().toISOString().slice(0, 10),
      endsOn: null,
    });
    expect(fromToday.status).toBe(201);
    // the ticker opens the current period of every running schedule when it begins, once
    const first = await srv.services.directionTicker.tick(new Date());
    expect(first!.periodsOpened).toBe(2);
    expect((await srv.services.directionTicker.tick(new Date()))!.periodsOpened).toBe(0);
    const current = (await c.sec.p4!.get(`/api/direction/inbox?bodyId=${c.p[3].id}`)).body.items.filter(
      (x: Loose) => x.scheduleId === sched.body.id,
    );
    expect(current.map((x: Loose) => x.periodStart.slice(0, 7))).toEqual([
      new Date().toISOString().slice(0, 7),
      lastMonth.slice(0, 7),
    ]);
  });
});
