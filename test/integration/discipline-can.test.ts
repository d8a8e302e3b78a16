// What the server says the reader may do with a discipline case and an appeal (`DisciplineCase.can`,
// `Appeal.can`, ADR 0026): for each flag, a set of actors (entitled, not entitled) and cases in a given stage
// (right state, wrong state), the flag read from the case (or the appeal) is true exactly when the act it stands
// for succeeds. Each row acts on a fresh case against a fresh member.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestResponse, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, type MadeBody } from '../support/factories.js';
import { namedPeople } from '../support/accounts.js';
import type { Appeal, CaseCan, CaseDetail } from '../../src/contracts/discipline.js';

type Flag = keyof CaseCan;
/** The accused, the primary organisation's secretary, the district's secretary (above it, the first appellate
 * body), the city control commission's chair, and a secretary of another district. */
type Who = 'Accused' | 'Secretary' | 'District' | 'Control' | 'Elsewhere';
/** How far the case went before the row reads and acts. */
type Stage =
  | 'charged'
  | 'answered'
  | 'heard'
  | 'decided'
  | 'acquitted'
  | 'late' // decided 40 days ago: past the appeal deadline today
  | 'appealed'
  | 'dismissed' // the first appeal dismissed
  | 'escalated'; // before the control commission
const ok = (r: TestResponse) => r.status >= 200 && r.status < 300;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const votes = { for: 30, against: 5, abstained: 0 };

describe.each(DB_KINDS)('what the reader may do with a discipline case on %s', (kind) => {
  let srv: TestServer;
  let org: { id: string };
  let po: MadeBody;
  let district: MadeBody;
  let n = 0;
  const { account, who } = namedPeople(() => srv);

  /** A fresh member charged by the secretary, the case taken to `stage`; its id and the accused's name. */
  async function caseAt(stage: Stage): Promise<{ id: string; accused: string }> {
    const accused = `Accused${++n}`;
    const p = await account(accused, org, po);
    const decidedOn = stage === 'late' ? 40 : 10;
    const sec = who('Secretary');
    const step = async (r: Promise<TestResponse>) => {
      const res = await r;
      expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(true);
      return res;
    };
    const opened = await step(
      sec.post('/api/discipline/cases', { personId: p.id, chargedOn: daysAgo(60), charge: 'Absent from meetings.' }),
    );
    const id = opened.body.case.id as string;
    if (stage === 'charged') return { id, accused };
    await step(who(accused).post(`/api/discipline/cases/${id}/answer`, { answer: 'Shifts.', answeredOn: daysAgo(55) }));
    if (stage === 'answered') return { id, accused };
    await step(sec.post(`/api/discipline/cases/${id}/hearing`, { heardOn: daysAgo(50), notes: 'Heard.' }));
    if (stage === 'heard') return { id, accused };
    await step(
      sec.post(`/api/discipline/cases/${id}/decide`, {
        takenOn: daysAgo(decidedOn),
        votes,
        reasons: 'Repeated absence.',
        outcome: stage === 'acquitted' ? 'acquittal' : 'reprimand',
      }),
    );
    if (stage === 'decided' || stage === 'acquitted' || stage === 'late') return { id, accused };
    const appeal = await step(
      who(accused).post('/api/appeals', { actKind: 'discipline', actId: id, lodgedOn: daysAgo(8), reasons: 'Unfair.' }),
    );
    if (stage === 'appealed') return { id, accused };
    await step(
      who('District').post(`/api/appeals/${appeal.body.id}/decide`, {
        takenOn: daysAgo(5),
        outcome: 'dismissed',
        reasons: 'Fair.',
      }),
    );
    if (stage === 'dismissed') return { id, accused };
    await step(who(accused).post(`/api/appeals/${appeal.body.id}/escalate`, { reasons: 'Still unfair.' }));
    return { id, accused };
  }

  const pendingAppeal = async (reader: string, caseId: string): Promise<Appeal> => {
    const d = (await who(reader).get(`/api/discipline/cases/${caseId}`)).body as CaseDetail;
    return d.appeals.find((a) => a.state === 'pending')!;
  };

  /** The act each case flag stands for, attempted by `actor` on the case. */
  const acts: Record<Flag, (actor: string, caseId: string) => Promise<TestResponse>> = {
    answer: (a, id) => who(a).post(`/api/discipline/cases/${id}/answer`, { answer: 'I was ill.' }),
    hearing: (a, id) => who(a).post(`/api/discipline/cases/${id}/hearing`, { heardOn: daysAgo(1), notes: 'Heard.' }),
    decide: (a, id) =>
      who(a).post(`/api/discipline/cases/${id}/decide`, {
        takenOn: daysAgo(0),
        votes,
        reasons: 'Decided.',
        outcome: 'reprimand',
      }),
    // lodged on the decision's day: an appeal lodged in time may be recorded later, with its date
    appeal: async (a, id) => {
      const d = (await who('Secretary').get(`/api/discipline/cases/${id}`)).body as CaseDetail;
      const lodgedOn = d.case.decidedOn ?? daysAgo(0);
      return who(a).post('/api/appeals', { actKind: 'discipline', actId: id, lodgedOn, reasons: 'Unfair.' });
    },
    escalate: async (a, id) => {
      const d = (await who('Secretary').get(`/api/discipline/cases/${id}`)).body as CaseDetail;
      const first = d.appeals.find((x) => x.level === 'higher_body' && x.state === 'dismissed');
      if (!first) return { status: 409, body: { error: 'no dismissed appeal' } } as TestResponse;
      return who(a).post(`/api/appeals/${first.id}/escalate`, { reasons: 'Still unfair.' });
    },
  };

  // [flag, actor, stage, expected]: the expectation keeps the table honest (both answers occur for every flag).
  const rows: [Flag, Who, Stage, boolean][] = [
    ['answer', 'Accused', 'charged', true],
    ['answer', 'Accused', 'answered', false],
    ['answer', 'Secretary', 'charged', false],
    ['hearing', 'Secretary', 'charged', true],
    ['hearing', 'District', 'answered', true],
    ['hearing', 'Secretary', 'heard', false],
    ['hearing', 'Accused', 'answered', false],
    ['decide', 'Secretary', 'heard', true],
    ['decide', 'Secretary', 'answered', false],
    ['decide', 'Secretary', 'decided', false],
    ['decide', 'Accused', 'heard', false],
    ['appeal', 'Accused', 'decided', true],
    ['appeal', 'Accused', 'acquitted', false],
    // past the deadline today, but an appeal lodged in time is still recorded (the web's date field)
    ['appeal', 'Accused', 'late', true],
    ['appeal', 'Accused', 'appealed', false],
    ['appeal', 'Secretary', 'decided', false],
    ['escalate', 'Accused', 'dismissed', true],
    ['escalate', 'Accused', 'appealed', false],
    ['escalate', 'Accused', 'escalated', false],
    ['escalate', 'Secretary', 'dismissed', false],
  ];

  // [actor, stage, expected] for `Appeal.can.decide`, on the case's pending appeal (or its last one).
  const appealRows: [Who, Stage, boolean][] = [
    ['District', 'appealed', true],
    ['Accused', 'appealed', false],
    ['Control', 'escalated', true],
    ['Accused', 'escalated', false],
    ['District', 'dismissed', false],
  ];

  beforeAll(async () => {
    srv = await createTestServer(kind);
    org = await makeOrganisation(srv.db, { effectiveFrom: '1930-01-01' });
    const root = await makeBody(srv.db, org, 'central_committee', null);
    const city = await makeBody(srv.db, org, 'city_committee', root);
    const ctrl = await makeBody(srv.db, org, 'control_commission', city);
    district = await makeBody(srv.db, org, 'district_committee', city);
    const otherDistrict = await makeBody(srv.db, org, 'district_committee', city);
    po = await makeBody(srv.db, org, 'primary_organisation', district);
    await account('Secretary', org, po, { secretaryOf: po });
    await account('District', org, po, { secretaryOf: district });
    const control = await account('Control', org, po);
    await makeOffice(srv.db, ctrl, { id: control.id }, 'chair');
    await account('Elsewhere', org, po, { secretaryOf: otherDistrict });
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it.each(rows)('%s for %s on a %s case is %s, and so is the act', async (flag, actor, stage, expected) => {
    const c = await caseAt(stage);
    const reader = actor === 'Accused' ? c.accused : actor;
    const read = await who(reader).get(`/api/discipline/cases/${c.id}`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    const can = (read.body as CaseDetail).case.can;
    expect(can[flag]).toBe(expected);
    // the worklists carry the same flags: the accused's own cases, the secretary's open charges
    const list =
      actor === 'Accused'
        ? await who(reader).get('/api/discipline/my-cases')
        : actor === 'Secretary' || actor === 'District'
          ? await who(reader).get(`/api/discipline/cases?bodyId=${actor === 'Secretary' ? po.id : district.id}`)
          : null;
    const listed = (list?.body.items as { id: string; can: CaseCan }[] | undefined)?.find((x) => x.id === c.id);
    if (listed) expect(listed.can).toEqual(can);
    const res = await acts[flag](reader, c.id);
    expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(can[flag]);
  });

  it.each(appealRows)('deciding the appeal for %s on a %s case is %s, and so is the act', async (actor, stage, e) => {
    const c = await caseAt(stage);
    const reader = actor === 'Accused' ? c.accused : actor;
    const d = (await who(c.accused).get(`/api/discipline/cases/${c.id}`)).body as CaseDetail;
    const target = (await pendingAppeal(c.accused, c.id)) ?? d.appeals[d.appeals.length - 1]!;
    const read = await who(reader).get(`/api/appeals/${target.id}`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    const can = (read.body as Appeal).can;
    expect(can.decide).toBe(e);
    if (target.state === 'pending' && actor !== 'Accused') {
      // the body's worklist carries the same flag
      const wl = await who(reader).get(`/api/appeals?bodyId=${target.bodyId}`);
      expect((wl.body.items as Appeal[]).find((x) => x.id === target.id)?.can).toEqual(can);
    }
    const res = await who(reader).post(`/api/appeals/${target.id}/decide`, {
      takenOn: daysAgo(0),
      outcome: 'dismissed',
      reasons: 'Decided.',
    });
    expect(ok(res), `${res.status} ${JSON.stringify(res.body)}`).toBe(can.decide);
  });

  it('a secretary of another district reads no flags: the case is refused, and so are its acts', async () => {
    const c = await caseAt('charged');
    expect((await who('Elsewhere').get(`/api/discipline/cases/${c.id}`)).status).toBe(403);
    expect((await acts.hearing('Elsewhere', c.id)).status).toBe(403);
  });
});
