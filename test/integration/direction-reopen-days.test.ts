// Direction (ADR 0027 §5): how long a returned or reopened report stays open for correction is the statute's
// `direction.reopenDays` of the round's organisation, not a constant; a statute without the key reads as 7 days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestServer } from '../support/http.js';
import { buildDirectionCity, issue, values, type DirectionCity } from '../support/direction-fixture.js';

const DAY = 86_400_000;

describe.each(DB_KINDS)('reopening days from the statute on %s', (kind) => {
  let srv: TestServer;
  let c: DirectionCity;
  let d: Loose;
  const report = (i: number) => `/api/direction/rounds/${d.roundId}/reports/${c.p[i]!.id}`;
  const node = (i: number) =>
    srv.db
      .selectFrom('round_body')
      .select(['open_until', 'version'])
      .where('round_id', '=', d.roundId)
      .where('body_id', '=', c.p[i]!.id)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    srv = await createTestServer(kind);
    c = await buildDirectionCity(srv, { rules: { direction: { reopenDays: 2 } } });
    d = await issue(c);
    for (const i of [0, 1]) {
      const s = await c.sec[`p${i + 1}`]!.post(`${report(i)}/submit`, {
        version: (await node(i)).version,
        values: values({}),
      });
      expect(s.status, JSON.stringify(s.body)).toBe(200);
    }
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('keeps a returned report open the statute’s days past the period’s expiry, and corrected after it', async () => {
    // the period expired yesterday
    await sql`update direction_round set expires_at = now() - interval '1 day' where id = ${d.roundId}`.execute(srv.db);
    const before = Date.now();
    const ret = await c.sec.d1!.post(`${report(0)}/return`, {
      version: (await node(0)).version,
      reason: 'Check the attendance.',
    });
    expect(ret.status, JSON.stringify(ret.body)).toBe(200);
    const open = new Date((await node(0)).open_until!).getTime();
    // expiry is behind: open for 2 days from now (not 7)
    expect(open).toBeGreaterThanOrEqual(before + 2 * DAY - 1000);
    expect(open).toBeLessThanOrEqual(Date.now() + 2 * DAY + 1000);
    // within the 2 days the correction is accepted; once they are over, it is refused
    const v = (await node(0)).version;
    await sql`update round_body set open_until = now() + interval '1 hour'
      where round_id = ${d.roundId} and body_id = ${c.p[0].id}`.execute(srv.db);
    const fixed = await c.sec.p1!.put(report(0), { version: v, values: values({ attendance: 70 }) });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    await sql`update round_body set open_until = now() - interval '1 hour'
      where round_id = ${d.roundId} and body_id = ${c.p[0].id}`.execute(srv.db);
    const late = await c.sec.p1!.post(`${report(0)}/submit`, {
      version: fixed.body.version,
      values: values({ attendance: 70 }),
    });
    expect([late.status, late.body.error?.code]).toEqual([422, 'round_expired']);
  });

  it('keeps a reopened report open the statute’s days from the reopening', async () => {
    const ok = await c.sec.d1!.post(`${report(1)}/approve`, { version: (await node(1)).version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const before = Date.now();
    const re = await c.sec.d1!.post(`${report(1)}/reopen`, { version: ok.body.version, reason: 'A figure is wrong.' });
    expect(re.status, JSON.stringify(re.body)).toBe(200);
    const open = new Date((await node(1)).open_until!).getTime();
    expect(open).toBeGreaterThanOrEqual(before + 2 * DAY - 1000);
    expect(open).toBeLessThanOrEqual(Date.now() + 2 * DAY + 1000);
  });
});
