// A small city for direction's tests: a central committee, a city committee, two districts with primary
// organisations (D1: P1, P2, P3; D2: P4, P5), members in each, a secretary with an account in every committee and
// organisation; a report form with a blocking rule and a warning. Clients are signed in.
import { expect } from 'vitest';
import { sql } from 'kysely';
import type { Loose, TestClient, TestServer } from './http.js';
import { makeBody, makeMembers, makeOffice, makeOrganisation, makePerson } from './factories.js';

export const PASSWORD = 'correct horse battery';
export const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export interface DirectionCity {
  org: Loose;
  cc: Loose;
  city: Loose;
  d1: Loose;
  d2: Loose;
  p: Loose[];
  /** signed-in secretaries by body key: city, d1, d2, p1 … p5 */
  sec: Record<string, TestClient>;
  indicators: Record<string, Loose>;
  form: Loose;
  summaryForm: Loose;
}

const MEMBERS = [6, 4, 3, 5, 2];

export async function buildDirectionCity(
  srv: TestServer,
  opts: { rules?: NonNullable<Parameters<typeof makeOrganisation>[1]>['rules'] } = {},
): Promise<DirectionCity> {
  const db = srv.db;
  const org = await makeOrganisation(db, { effectiveFrom: '1930-01-01', rules: opts.rules });
  const cc = await makeBody(db, org, 'central_committee', null);
  const city = await makeBody(db, org, 'city_committee', cc, { name: 'Leningrad city committee' });
  const d1 = await makeBody(db, org, 'district_committee', city, { name: 'Moscow-Narva district' });
  const d2 = await makeBody(db, org, 'district_committee', city, { name: 'Vyborg district' });
  const p: Loose[] = [];
  for (const [i, parent] of [d1, d1, d1, d2, d2].entries()) {
    const po = await makeBody(db, org, 'primary_organisation', parent, { name: `Works no. ${i + 1}` });
    await makeMembers(db, org, po, MEMBERS[i]!);
    p.push(po);
  }
  // a shop cell of Works no. 1 with members of its own: they are Works no. 1's members too
  const cell = await makeBody(db, org, 'shop_cell', p[0], { name: 'Rolling shop' });
  await makeMembers(db, org, cell, 2);
  const sec: Record<string, TestClient> = {};
  const bodies: [string, Loose][] = [
    ['city', city],
    ['d1', d1],
    ['d2', d2],
    ...p.map((x, i) => [`p${i + 1}`, x] as [string, Loose]),
  ];
  for (const [key, body] of bodies) {
    const person = await makePerson(db, org, key.startsWith('p') ? body : p[0], { familyName: `Sec-${key}` });
    await makeOffice(db, body, person, 'secretary');
    await srv.services.auth.createAccount({ personId: person.id, login: `sec.${key}`, password: PASSWORD });
    const c = srv.client();
    const li = await c.login(`sec.${key}`, PASSWORD);
    expect(li.status, JSON.stringify(li.body)).toBe(200);
    sec[key] = c;
  }
  const cityC = sec.city!;
  const indicators: Record<string, Loose> = {};
  for (const ind of [
    {
      code: 'meetings_held',
      name: 'Meetings held',
      nameRu: 'Проведено собраний',
      valueType: 'integer',
      aggregation: 'sum',
    },
    { code: 'attendance', name: 'Attendance', nameRu: 'Явка', valueType: 'percentage', aggregation: 'average' },
    { code: 'applications', name: 'Applications', nameRu: 'Заявления', valueType: 'integer', aggregation: 'sum' },
    {
      code: 'admitted',
      name: 'Admitted',
      nameRu: 'Принято',
      valueType: 'integer',
      aggregation: 'sum',
      toleranceAbs: 1,
    },
    { code: 'largest_shop', name: 'Largest shop', nameRu: 'Крупнейший цех', valueType: 'integer', aggregation: 'max' },
    { code: 'remarks', name: 'Remarks', nameRu: 'Замечания', valueType: 'text', aggregation: 'count' },
  ]) {
    const r = await cityC.post('/api/direction/indicators', ind);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    indicators[ind.code] = r.body;
  }
  const items = Object.values(indicators).map((i) => ({ indicatorId: i.id, required: i.code === 'meetings_held' }));
  const rules = [
    {
      name: 'Admitted at most applications',
      nameRu: 'Принято не больше заявлений',
      importance: 'high',
      blocking: true,
      expr: { kind: 'compare', test: { cmp: '<=', args: [{ val: 'admitted' }, { val: 'applications' }] } },
    },
    {
      name: 'Attendance usually above 50%',
      nameRu: 'Явка обычно выше 50%',
      importance: 'low',
      blocking: false,
      expr: { kind: 'compare', test: { cmp: '>=', args: [{ val: 'attendance' }, { num: 50 }] } },
    },
  ];
  const form = await cityC.post('/api/direction/forms', { name: 'Campaign report', nameRu: 'Отчёт', items, rules });
  expect(form.status, JSON.stringify(form.body)).toBe(201);
  const summaryForm = await cityC.post('/api/direction/forms', {
    name: 'Campaign report with summaries',
    nameRu: 'Отчёт со сводками',
    committeeSummary: true,
    items,
    rules,
  });
  expect(summaryForm.status).toBe(201);
  return { org, cc, city, d1, d2, p, sec, indicators, form: form.body, summaryForm: summaryForm.body };
}

const TABLES = [
  'directive',
  'directive_concretisation',
  'target_rule',
  'direction_round',
  'round_body',
  'report_version',
  'direction_act',
  'rollup',
  'round_progress',
  'round_target',
  'discrepancy',
  'report_flag',
  'campaign',
  'campaign_meeting',
  'campaign_progress',
  'direction_notice',
  'outbox',
  'decision',
];

/** Row counts of every direction table, the outbox and decisions, and a digest of the mutable rows ("nothing written"). */
export async function snapshot(srv: TestServer): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const r = await sql<{ n: number; h: string | null }>`
      select count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as h from ${sql.table(t)} x`.execute(
      srv.db,
    );
    out[t] = `${r.rows[0]!.n}:${r.rows[0]!.h}`;
  }
  return out;
}

/** Issues a directive of the city by a bureau decision; returns the directive. */
export async function issue(c: DirectionCity, extra: Loose = {}): Promise<Loose> {
  const r = await c.sec.city!.post('/api/direction/directives', {
    issuerBodyId: c.city.id,
    title: 'Production conferences in every works',
    titleRu: 'Производственные совещания на каждом заводе',
    text: 'Hold a production conference and report.',
    textRu: 'Провести производственное совещание и отчитаться.',
    addressing: { kind: 'kinds', kinds: ['primary_organisation'] },
    deadline: inDays(10),
    formId: c.form.id,
    targets: [{ indicatorId: c.indicators.meetings_held.id, mode: 'per_addressee', value: 2 }],
    source: { kind: 'decision', takenOn: inDays(0), votes: { for: 7, against: 0, abstained: 1 } },
    ...extra,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

export const values = (v: Loose) => ({
  meetings_held: 2,
  attendance: 80,
  applications: 5,
  admitted: 3,
  largest_shop: 100,
  remarks: null,
  ...v,
});
