// Direction read live and over time (issue 13 points 5, 8, 9; ADR 0027 §9): a watcher of a node gets a frame within a
// second of a report below it (and only then); a watcher outside the node's scope is refused at subscribe. A
// schedule's figures over its periods at one body. A committee's digest — rounds due, children overdue,
// discrepancies, returned reports — as JSON, CSV and PDF, stored daily by the ticker once per body and day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { buildDirectionCity, inDays, issue, values, type DirectionCity } from '../support/direction-fixture.js';
import { SESSION_COOKIE } from '../../src/contracts/auth.js';
import { zonedDateTime } from '../../src/contracts/time-zone.js';
import { DIGEST_CSV_HEADER } from '../../src/modules/direction/rules/digest-csv.js';

/** Reads a text/event-stream body as it arrives: the `changed` frames with the time each arrived. */
function readSse(res: Response) {
  const frames: { n: number; at: number }[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  const ended = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buf += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (!block.includes('event: changed')) continue;
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        frames.push({ n: (JSON.parse(data!.slice(6)) as { n: number }).n, at: Date.now() });
      }
    }
  })();
  return {
    frames,
    async close() {
      await reader.cancel().catch(() => {});
      await ended;
    },
  };
}

/** RFC 4180 CSV into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        f += '"';
        i++;
      } else if (ch === '"') q = false;
      else f += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(f);
      f = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
      i++;
    } else f += ch;
  }
  if (f || row.length) rows.push([...row, f]);
  return rows;
}

const monthsAgo = (n: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 10)).toISOString().slice(0, 10);
};

describe.each(DB_KINDS)('direction live, series and digest on %s', (kind) => {
  let srv: TestServer;
  let c: DirectionCity;
  let d: Loose;
  let schedule: Loose;
  const periods: Loose[] = [];
  const open: { close(): Promise<void> }[] = [];

  const stream = (who: TestClient, roundId: string, bodyId: string) =>
    srv.app.request(`/api/direction/rounds/${roundId}/stream?bodyId=${bodyId}`, {
      headers: { cookie: `${SESSION_COOKIE}=${who.sessionToken}` },
    });
  const watch = async (who: TestClient, roundId: string, bodyId: string) => {
    const res = await stream(who, roundId, bodyId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const s = readSse(res);
    open.push(s);
    return s;
  };
  const waitFor = async (cond: () => boolean, ms: number) => {
    const until = Date.now() + ms;
    while (!cond() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    return cond();
  };

  beforeAll(async () => {
    srv = await createTestServer(kind);
    await srv.services.events.start();
    c = await buildDirectionCity(srv);
    d = await issue(c);
    // a monthly report of the primary organisations, two past periods opened (their due dates passed)
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
    schedule = sched.body;
    for (const date of [monthsAgo(3), monthsAgo(2)]) {
      const r = await c.sec.city!.post(`/api/direction/schedules/${schedule.id}/rounds`, { date });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      periods.push(r.body);
    }
    const submit = async (who: string, i: number, roundId: string, v: Loose) => {
      const r = await c.sec[who]!.post(`/api/direction/rounds/${roundId}/reports/${c.p[i]!.id}/submit`, {
        version: 0,
        values: values(v),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    // period 1: P1 and P2 of D1, P4 of D2; period 2: P1 only
    await submit('p1', 0, periods[0].roundId, { meetings_held: 2, attendance: 60 });
    await submit('p2', 1, periods[0].roundId, { meetings_held: 3, attendance: 80 });
    await submit('p4', 3, periods[0].roundId, { meetings_held: 7 });
    await submit('p1', 0, periods[1].roundId, { meetings_held: 4, attendance: 90 });
  }, 120_000);
  afterAll(async () => {
    for (const s of open) await s.close();
    await srv?.services.directionLive.stop();
    await srv?.services.events.stop();
    await srv?.close();
  });

  it('sends the city’s watcher a frame within a second of an organisation’s report, and not another district’s', async () => {
    const city = await watch(c.sec.city!, d.roundId, c.city.id);
    const d2 = await watch(c.sec.d2!, d.roundId, c.d2.id);
    expect(
      await waitFor(
        () =>
          srv.services.directionLive.watching(d.roundId, c.city.id) === 1 &&
          srv.services.directionLive.watching(d.roundId, c.d2.id) === 1,
        2000,
      ),
    ).toBe(true);
    const sent = Date.now();
    const r = await c.sec.p1!.post(`/api/direction/rounds/${d.roundId}/reports/${c.p[0].id}/submit`, {
      version: 0,
      values: values({}),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await waitFor(() => city.frames.length > 0, 1000)).toBe(true);
    expect(city.frames[0]!.at - sent).toBeLessThan(1000);
    expect(city.frames[0]!.n).toBe(1);
    // the roll-up the page refetches on the frame shows the report
    const node = await c.sec.city!.get(`/api/direction/rounds/${d.roundId}/rollup?bodyId=${c.city.id}`);
    expect(node.body.completeness.reported).toBe(1);
    // Works no. 1 is in the other district: its watcher hears nothing
    await new Promise((res) => setTimeout(res, 400));
    expect(d2.frames).toHaveLength(0);
    // two reports at once: frames at most one per 250 ms
    for (const [who, i] of [
      ['p2', 1],
      ['p3', 2],
    ] as const)
      await c.sec[who]!.post(`/api/direction/rounds/${d.roundId}/reports/${c.p[i]!.id}/submit`, {
        version: 0,
        values: values({}),
      });
    expect(await waitFor(() => city.frames.length >= 2, 1500)).toBe(true);
    await new Promise((res) => setTimeout(res, 400));
    for (let i = 1; i < city.frames.length; i++)
      expect(city.frames[i]!.at - city.frames[i - 1]!.at).toBeGreaterThanOrEqual(240);
  });

  it('refuses a watcher from another district at subscribe (403), and one of another round’s node (404)', async () => {
    const other = await stream(c.sec.d2!, d.roundId, c.d1.id);
    expect(other.status).toBe(403);
    expect(((await other.json()) as Loose).error.code).toBe('forbidden_scope');
    expect((await stream(c.sec.p4!, d.roundId, c.city.id)).status).toBe(403);
    expect(srv.services.directionLive.watching(d.roundId, c.d1.id)).toBe(0);
    expect((await stream(c.sec.city!, d.roundId, c.cc.id)).status).toBe(404);
  });

  it('gives a schedule’s figures over its periods at a body, oldest first; refuses an outsider', async () => {
    const r = await c.sec.city!.get(`/api/direction/schedules/${schedule.id}/series?bodyId=${c.d1.id}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.points.map((p: Loose) => p.roundId)).toEqual(periods.map((p) => p.roundId));
    const [p1, p2] = r.body.points;
    const total = (p: Loose, code: string) => p.figures.find((f: Loose) => f.code === code).total;
    expect(p1.completeness).toMatchObject({ expected: 3, reported: 2, onTime: 0, late: 2 });
    expect(total(p1, 'meetings_held')).toBe(5);
    expect(total(p1, 'attendance')).toBeCloseTo(70);
    expect(p2.completeness).toMatchObject({ expected: 3, reported: 1 });
    expect(total(p2, 'meetings_held')).toBe(4);
    expect(p1.periodStart < p2.periodStart).toBe(true);
    // the city's total holds D2's report too; a window of one period
    const city = await c.sec.city!.get(
      `/api/direction/schedules/${schedule.id}/series?bodyId=${c.city.id}&to=${p1.periodStart}`,
    );
    expect(city.body.points).toHaveLength(1);
    expect(total(city.body.points[0], 'meetings_held')).toBe(12);
    expect(city.body.indicators.map((i: Loose) => i.code)).toContain('meetings_held');
    const outsider = await c.sec.d2!.get(`/api/direction/schedules/${schedule.id}/series?bodyId=${c.d1.id}`);
    expect([outsider.status, outsider.body.error?.code]).toEqual([403, 'forbidden_scope']);
    expect((await c.sec.p1!.get(`/api/direction/schedules/${schedule.id}/series?bodyId=${c.city.id}`)).status).toBe(
      403,
    );
  });

  describe('digest', () => {
    let sd: Loose;
    beforeAll(async () => {
      // a directive with committees' summaries: D1 overstates admissions; D1 returns P1's report
      sd = await issue(c, {
        addressing: { kind: 'subtree' },
        formId: c.summaryForm.id,
        targets: [],
        title: 'Admissions report',
        titleRu: 'Отчёт о приёме',
      });
      const url = (body: Loose) => `/api/direction/rounds/${sd.roundId}/reports/${body.id}`;
      const p1 = await c.sec.p1!.post(`${url(c.p[0])}/submit`, { version: 0, values: values({ admitted: 2 }) });
      expect(p1.status).toBe(200);
      const summary = await c.sec.d1!.post(`${url(c.d1)}/submit`, {
        version: 0,
        scope: 'summary',
        values: values({ admitted: 6, applications: 10 }),
      });
      expect(summary.status, JSON.stringify(summary.body)).toBe(200);
      const p4 = await c.sec.p4!.post(`${url(c.p[3])}/submit`, { version: 0, values: values({}) });
      expect(p4.status).toBe(200);
      const ret = await c.sec.d2!.post(`${url(c.p[3])}/return`, { version: p4.body.version, reason: 'Check it.' });
      expect(ret.status, JSON.stringify(ret.body)).toBe(200);
    });

    it('lists rounds due, children overdue, discrepancies and returned reports in the subtree', async () => {
      const r = await c.sec.d1!.get(`/api/direction/digest?bodyId=${c.d1.id}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const g = r.body;
      expect([g.bodyId, g.stored]).toEqual([c.d1.id, false]);
      const round = (id: string) => g.rounds.find((x: Loose) => x.roundId === id);
      // period 1: Works no. 3 has not reported, past its due date; period 2: Works no. 2 and no. 3
      expect(round(periods[0].roundId)).toMatchObject({ expected: 3, reported: 2, overdueCount: 1 });
      expect(round(periods[0].roundId).overdue.map((o: Loose) => o.bodyId)).toEqual([c.p[2].id]);
      expect(round(periods[1].roundId).overdueCount).toBe(2);
      // the directive is not yet due: nothing overdue in it, but it is listed with its due date
      expect(round(d.roundId)).toMatchObject({ overdueCount: 0, addressed: false });
      expect(round(d.roundId).dueAt.slice(0, 10) >= inDays(9)).toBe(true);
      expect(g.discrepancies.find((x: Loose) => x.indicatorCode === 'admitted')).toMatchObject({
        roundId: sd.roundId,
        bodyId: c.d1.id,
        summary: 6,
        raw: 2,
      });
      // the district sees its own subtree only: D2's returned report is not in it
      expect(g.returned).toEqual([]);
      const city = (await c.sec.city!.get(`/api/direction/digest?bodyId=${c.city.id}`)).body;
      expect(city.returned).toEqual([
        expect.objectContaining({ roundId: sd.roundId, bodyId: c.p[3].id, title: 'Admissions report' }),
      ]);
      expect(new Set(city.discrepancies.map((x: Loose) => x.bodyId))).toEqual(new Set([c.d1.id]));
      // the city's overdue children are the districts, each with what it misses
      const cityP2 = city.rounds.find((x: Loose) => x.roundId === periods[1].roundId);
      expect(cityP2.overdue.map((o: Loose) => [o.bodyId, o.missing])).toEqual([
        [c.d1.id, 2],
        [c.d2.id, 2],
      ]);
    });

    it('gives the digest as CSV that parses and as a PDF', async () => {
      const csv = await c.sec.d1!.get(`/api/direction/digest?bodyId=${c.d1.id}&format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const rows = parseCsv(csv.body as string);
      expect(rows[0]).toEqual([...DIGEST_CSV_HEADER]);
      expect(rows.every((r) => r.length === DIGEST_CSV_HEADER.length)).toBe(true);
      const overdue = rows.filter((r) => r[0] === 'overdue');
      expect(overdue.map((r) => r[4])).toContain(c.p[2].id);
      const disc = rows.find((r) => r[0] === 'discrepancy' && r[8]!.startsWith('admitted'))!;
      expect([disc[1], disc[4]]).toEqual([sd.roundId, c.d1.id]);
      expect(disc[8]).toContain('admitted');
      for (const lang of ['en', 'ru']) {
        const pdf = await c.sec.d1!.raw(`/api/direction/digest.pdf?bodyId=${c.d1.id}&lang=${lang}`);
        expect(pdf.status).toBe(200);
        expect(pdf.headers.get('content-type')).toBe('application/pdf');
        expect(String(pdf.body).startsWith('%PDF')).toBe(true);
      }
    });

    it('refuses the digest outside one’s scope', async () => {
      for (const path of [
        `/api/direction/digest?bodyId=${c.d1.id}`,
        `/api/direction/digest?bodyId=${c.d1.id}&format=csv`,
        `/api/direction/digest.pdf?bodyId=${c.d1.id}`,
      ]) {
        const r = await c.sec.d2!.get(path);
        expect([r.status, r.body.error?.code]).toEqual([403, 'forbidden_scope']);
      }
      expect((await c.sec.p1!.get(`/api/direction/digest?bodyId=${c.city.id}`)).status).toBe(403);
    });

    it('is stored by the ticker once per committee and day from 06:00, and then served as stored', async () => {
      const { timeZone } = await srv.services.statute.rules(c.org.id);
      // an instant of today (local) at or after 06:00
      let at = new Date();
      const hour = Number(zonedDateTime(at, timeZone).time.slice(0, 2));
      if (hour < 6) at = new Date(at.getTime() + (6 - hour) * 3_600_000);
      const day = zonedDateTime(at, timeZone).date;
      // before 06:00 nothing is stored
      const early = new Date(at.getTime() - (Number(zonedDateTime(at, timeZone).time.slice(0, 2)) - 5) * 3_600_000);
      const none = await srv.services.directionTicker.tick(early);
      expect(none?.digests).toBe(0);
      const first = await srv.services.directionTicker.tick(at);
      expect(first?.digests).toBeGreaterThanOrEqual(3); // the city and both districts
      const again = await srv.services.directionTicker.tick(new Date(at.getTime() + 60_000));
      expect(again?.digests).toBe(0);
      const rows = await srv.db
        .selectFrom('direction_digest')
        .select(['body_id', 'for_date'])
        .where('body_id', '=', c.d1.id)
        .execute();
      expect(rows.map((x) => String(x.for_date).slice(0, 10))).toEqual([day]);
      const r = await c.sec.d1!.get(`/api/direction/digest?bodyId=${c.d1.id}`);
      expect(r.status).toBe(200);
      if (zonedDateTime(new Date(), timeZone).date === day) {
        expect(r.body.stored).toBe(true);
        expect(r.body.discrepancies.map((x: Loose) => x.indicatorCode)).toContain('admitted');
      }
    });
  });
});
