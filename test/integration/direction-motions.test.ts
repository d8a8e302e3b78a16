// Direction (ADR 0027 §3): the adopted motions a secretary chooses from to found a directive or a concretisation —
// main motions adopted in a meeting of the body or of one of its organs, the latest first; nothing of a body below or
// beside it; read only by an office holder of the body (another district's secretary is refused). A motion of an
// organ of a body below does not found the body's directive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestServer } from '../support/http.js';
import { makeBody } from '../support/factories.js';
import { makeMeeting } from '../support/assembly-factory.js';
import { buildDirectionCity, inDays, snapshot, type DirectionCity } from '../support/direction-fixture.js';

describe.each(DB_KINDS)('adopted motions for a directive on %s', (kind) => {
  let srv: TestServer;
  let c: DirectionCity;
  const m: Record<string, string> = {};
  let cityBureau: Loose;

  /** A closed meeting of the body with the given motions (title → status, decided hours ago, amends). */
  async function meetingWith(
    body: Loose,
    title: string,
    motions: { key: string; status: string; hoursAgo: number; amends?: string }[],
  ) {
    const meeting = await makeMeeting(srv.db, {
      body: { id: body.id, organisationId: c.org.id },
      title,
      status: 'closed',
      startsAt: new Date(Date.now() - 30 * 3_600_000).toISOString(),
    });
    for (const [i, x] of motions.entries()) {
      const id = uuidv7();
      m[x.key] = id;
      await srv.db
        .insertInto('motion')
        .values({
          id,
          meeting_id: meeting.id,
          agenda_item_id: meeting.items[0]!.id,
          amends_id: x.amends ? m[x.amends]! : null,
          seq: i + 1,
          title: `Motion ${x.key}`,
          text: `Text of ${x.key}`,
          replaces: x.amends ? '' : null,
          current_text: x.amends ? null : `Final text of ${x.key}`,
          proposed_by: null,
          proposer_label: 'The bureau',
          status: x.status as never,
          decided_at: new Date(Date.now() - x.hoursAgo * 3_600_000),
        })
        .execute();
    }
    return meeting;
  }

  beforeAll(async () => {
    srv = await createTestServer(kind);
    c = await buildDirectionCity(srv);
    cityBureau = await makeBody(srv.db, c.org, 'bureau', c.city as never, { name: 'Bureau of the city committee' });
    const d1Bureau = await makeBody(srv.db, c.org, 'bureau', c.d1 as never, { name: 'Bureau of Moscow-Narva' });
    await meetingWith(c.city, 'Plenum of the city committee', [
      { key: 'older', status: 'adopted', hoursAgo: 20 },
      { key: 'amendment', status: 'adopted', hoursAgo: 21, amends: 'older' },
      { key: 'rejected', status: 'rejected', hoursAgo: 19 },
      { key: 'latest', status: 'adopted', hoursAgo: 2 },
    ]);
    await meetingWith(cityBureau, 'Bureau sitting', [{ key: 'bureau', status: 'adopted', hoursAgo: 10 }]);
    await meetingWith(d1Bureau, 'District bureau sitting', [{ key: 'districtBureau', status: 'adopted', hoursAgo: 1 }]);
    await meetingWith(c.d2, 'District plenum', [{ key: 'd2', status: 'adopted', hoursAgo: 1 }]);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('lists the body’s and its organs’ adopted main motions, the latest first, with the meeting', async () => {
    const r = await c.sec.city!.get(`/api/direction/bodies/${c.city.id}/motions`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items.map((x: Loose) => x.id)).toEqual([m.latest, m.bureau, m.older]);
    expect(r.body.truncated).toBe(false);
    const [latest, bureau] = r.body.items;
    expect(latest).toMatchObject({
      title: 'Motion latest',
      text: 'Final text of latest',
      meetingTitle: 'Plenum of the city committee',
      bodyId: c.city.id,
    });
    expect(bureau).toMatchObject({
      bodyId: cityBureau.id,
      bodyName: 'Bureau of the city committee',
      bodyKind: 'bureau',
      meetingTitle: 'Bureau sitting',
    });
    expect(Date.parse(latest.decidedAt)).toBeGreaterThan(Date.parse(bureau.decidedAt));
    const d1 = await c.sec.d1!.get(`/api/direction/bodies/${c.d1.id}/motions`);
    expect(d1.body.items.map((x: Loose) => x.id)).toEqual([m.districtBureau]);
  });

  it('refuses another district’s secretary and a body below, with a stable code', async () => {
    const other = await c.sec.d2!.get(`/api/direction/bodies/${c.d1.id}/motions`);
    expect([other.status, other.body.error.code]).toEqual([403, 'forbidden_scope']);
    const below = await c.sec.p1!.get(`/api/direction/bodies/${c.city.id}/motions`);
    expect([below.status, below.body.error.code]).toEqual([403, 'forbidden_scope']);
  });

  it('a listed motion founds the directive; a motion of a bureau below does not', async () => {
    const body = (motionId: string) => ({
      issuerBodyId: c.city.id,
      title: 'Production conferences',
      titleRu: 'Производственные совещания',
      text: 'Hold one.',
      textRu: 'Провести.',
      addressing: { kind: 'kinds', kinds: ['primary_organisation'] },
      deadline: inDays(10),
      source: { kind: 'motion', motionId },
    });
    const before = await snapshot(srv);
    const below = await c.sec.city!.post('/api/direction/directives', body(m.districtBureau!));
    expect([below.status, below.body.error.code]).toEqual([422, 'directive_source_not_adopted']);
    expect(await snapshot(srv)).toEqual(before);
    const ok = await c.sec.city!.post('/api/direction/directives', body(m.bureau!));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.motionId).toBe(m.bureau);
  });
});
