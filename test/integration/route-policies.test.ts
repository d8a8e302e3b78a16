// Every route has a policy, by test (issue 11, point 7; ADR 0017). The OpenAPI document is read and every operation
// is called: (a) it must name a known policy (`x-policy`, src/platform/http/openapi.ts POLICIES); (b) without a
// session it is a 401 unless its policy is sessionless; (c) by accounts of ANOTHER district (a district secretary and
// a rank-and-file member there) against real objects of district A it is refused (403/404) or, for a filtered policy,
// answers without any of district A's private objects; an organisation-wide read is refused to an account of
// another organisation. Request bodies are made from the operation's schema (valid, so the call reaches its policy).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { PASSWORD, namedPeople } from '../support/accounts.js';
import { makeBody, makeEnterprise, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import { makeMeeting } from '../support/assembly-factory.js';
import { POLICIES, type PolicyName } from '../../src/platform/http/openapi.js';

type Schema = Loose;
const today = () => new Date().toISOString().slice(0, 10);

interface Operation {
  method: string;
  path: string;
  op: Loose;
}

function operations(doc: Loose): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries<Loose>(doc.paths))
    for (const [method, op] of Object.entries<Loose>(ops)) out.push({ method, path, op });
  return out;
}

/** A value valid for `s`: required fields only; ids by field name from `ids` (district A's objects). */
function valueFor(doc: Loose, s: Schema, name: string, ids: Record<string, string>): unknown {
  if (!s) return null;
  if (s.$ref) return valueFor(doc, doc.components.schemas[s.$ref.replace('#/components/schemas/', '')], name, ids);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return valueFor(doc, alts.find((a: Schema) => a.type !== 'null') ?? alts[0], name, ids);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((a: Schema) => valueFor(doc, a, name, ids)));
  const type = Array.isArray(s.type) ? (s.type.find((t: string) => t !== 'null') ?? 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = valueFor(doc, s.properties?.[k], k, ids);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => valueFor(doc, s.items, name, ids));
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string': {
      if (s.format === 'uuid') return ids[name] ?? ids.personId;
      if (s.format === 'date') return today();
      if (s.format === 'date-time') return new Date().toISOString();
      if (s.format === 'email') return 'someone@example.org';
      if (s.pattern) {
        // the first sample the pattern takes (a month, an amount, base64, a hex digest, a snake_case name)
        const samples = ['2026-01', '100', 'secretary', 'a'.repeat(64), 'AAAA', 'Text'];
        const fit = samples.find((x) => new RegExp(s.pattern).test(x));
        if (fit) return fit;
      }
      return 'Text'.padEnd(Math.max(s.minLength ?? 1, 4), 'x').slice(0, s.maxLength ?? 1000);
    }
    default:
      return null;
  }
}

/** Bodies where the schema's required fields are not enough (a refinement asks for more). */
const OVERRIDES: Record<string, Record<string, unknown>> = {
  'patch /api/persons/{id}': { familyName: 'Renamed' },
  'post /api/meetings/{id}/notes': { signed: true },
  'post /api/meetings/{id}/anonymous-notes': { token: { message: 'AAAA', signature: 'AAAA' } },
  'post /api/meetings/{id}/check-in': { code: 'ABCDEF' },
  'patch /api/meetings/{id}/notes/{noteId}': { status: 'set_aside' },
  'post /api/meetings/{id}/votes': { title: 'To close the debate', questionKind: 'procedural' },
  // one's own password, changed for real (the policy refuses a short one)
  'post /api/auth/password': { currentPassword: PASSWORD, newPassword: 'a long enough new passphrase' },
};

/** The operation's URL with district A's objects in its path and required query parameters. */
function urlOf(doc: Loose, o: Operation, ids: Record<string, string>, params: Record<string, string>): string {
  const resource = o.path.split('/')[2]!;
  let url = o.path.replace(/\{(\w+)\}/g, (_, p: string) => {
    const v = p === 'id' ? params[o.path.replace(/\/\{id\}.*$/, '/{id}')] : ids[p];
    if (v === undefined) throw new Error(`no district A object for {${p}} of ${o.path} (${resource})`);
    return v;
  });
  const query = (o.op.parameters ?? []).filter((p: Loose) => p.in === 'query' && p.required);
  if (query.length)
    url +=
      '?' +
      query
        .map((p: Loose) => `${p.name}=${encodeURIComponent(String(valueFor(doc, p.schema, p.name, ids)))}`)
        .join('&');
  return url;
}

describe.each(DB_KINDS)('every route has a policy on %s', (kind) => {
  let srv: TestServer;
  let doc: Loose;
  const { account, who, id } = namedPeople(() => srv);
  /** Field name → an object of district A. */
  const ids: Record<string, string> = {};
  /** `/api/<resource>/{id}` → an object of district A. */
  const params: Record<string, string> = {};
  /** Ids of district A's private objects, which a filtered answer to an outsider must not hold. */
  const privateIds = new Set<string>();
  let stranger: TestClient;
  let statuteRules: unknown;

  /** A POST of district A: the schema's required fields (made up), with `body` over them. */
  async function make(c: TestClient, _method: 'post', path: string, body: Record<string, unknown>): Promise<Loose> {
    const pattern = Object.keys(doc.paths).find((p) =>
      new RegExp('^' + p.replace(/\{\w+\}/g, '[^/]+') + '$').test(path.split('?')[0]!),
    );
    const schema = pattern && doc.paths[pattern].post?.requestBody?.content?.['application/json']?.schema;
    const made = schema ? (valueFor(doc, schema, 'body', ids) as Record<string, unknown>) : {};
    const r = await c.post(path, { ...made, ...body });
    expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  }

  beforeAll(async () => {
    srv = await createTestServer(kind);
    doc = (await (await srv.app.request('/api/openapi.json')).json()) as Loose;
    const db = srv.db;
    const org = await makeOrganisation(db);
    const cc = await makeBody(db, org, 'central_committee', null);
    const districtA = await makeBody(db, org, 'district_committee', cc);
    const districtB = await makeBody(db, org, 'district_committee', cc);
    const ent = await makeEnterprise(db, org, 1000);
    const poA = await makeBody(db, org, 'primary_organisation', districtA, { enterpriseId: ent.id });
    const poB = await makeBody(db, org, 'primary_organisation', districtB);
    await account('DistA', org, poA, { secretaryOf: districtA });
    await account('SecA', org, poA, { secretaryOf: poA });
    await account('MemA', org, poA);
    await account('Vet1', org, poA);
    await account('Vet2', org, poA);
    await account('CandA', org, poA, { status: 'candidate' });
    await account('DistB', org, poB, { secretaryOf: districtB });
    await account('MemB', org, poB);
    const applicant = await makePerson(db, org, null, { status: 'non_member', familyName: 'Applicant' });
    await srv.services.auth.createAccount({ personId: applicant.id, login: 'applicant', password: 'correct horse' });
    const app = srv.client();
    expect((await app.login('applicant', 'correct horse')).status).toBe(200);
    const otherOrg = await makeOrganisation(db);
    const otherRoot = await makeBody(db, otherOrg, 'central_committee', null);
    const otherPo = await makeBody(db, otherOrg, 'primary_organisation', otherRoot);
    await account('Stranger', otherOrg, otherPo, { secretaryOf: otherRoot });
    stranger = who('Stranger');

    statuteRules = (await who('DistA').get('/api/statute')).body.rules;
    const office = await makeOffice(db, poA, { id: id('Vet1') }, 'deputy_secretary');
    Object.assign(ids, {
      personId: id('MemA'),
      bodyId: poA.id,
      parentId: districtA.id,
      intoId: poA.id,
      toBodyId: poA.id,
      fromBodyId: poA.id,
      enterpriseId: ent.id,
      primaryId: poA.id,
    });
    const meeting = await makeMeeting(db, {
      body: poA,
      participants: [{ id: id('MemA') }, { id: id('SecA') }, { id: id('Vet1') }],
      present: [{ id: id('MemA') }, { id: id('SecA') }, { id: id('Vet1') }],
      roles: [
        { person: { id: id('SecA') }, role: 'chair' },
        { person: { id: id('SecA') }, role: 'secretary' },
      ],
      open: true,
    });
    ids.meetingId = meeting.id;
    ids.agendaItemId = meeting.items[0]!.id;

    const review = await make(who('DistA'), 'post', '/api/reviews', {
      bodyId: districtA.id,
      title: 'Verification',
      openedOn: today(),
      deadline: '2099-01-01',
    });
    const items = (await who('DistA').get(`/api/review-items/mine?reviewId=${review.id}`)).body.items;
    const item = items.find((i: Loose) => i.personId === id('MemA')) ?? items[0];
    const kase = (
      await make(who('SecA'), 'post', '/api/discipline/cases', {
        personId: id('Vet2'),
        chargedOn: today(),
        charge: 'Absent from every meeting',
      })
    ).case;
    await make(who('SecA'), 'post', `/api/discipline/cases/${kase.id}/hearing`, {});
    const decided = await make(who('SecA'), 'post', `/api/discipline/cases/${kase.id}/decide`, {
      takenOn: today(),
      votes: { for: 3, against: 0, abstained: 0 },
      reasons: 'Proven',
      outcome: 'reprimand',
    });
    const appeal = await make(who('Vet2'), 'post', '/api/appeals', { kind: 'discipline', actId: kase.id });
    const resignation = await make(who('CandA'), 'post', '/api/resignations', {});
    const application = await make(app, 'post', '/api/admission/applications', {
      recommenderIds: [id('Vet1')],
    });
    const note = await make(who('MemA'), 'post', `/api/meetings/${meeting.id}/notes`, {
      text: 'A question',
      signed: true,
    });
    const floor = await make(who('MemA'), 'post', `/api/meetings/${meeting.id}/floor`, {});
    const entry = await make(who('SecA'), 'post', `/api/meetings/${meeting.id}/transcript`, {
      speakerLabel: 'Comrade MemA',
    });
    const motion = await make(who('MemA'), 'post', `/api/meetings/${meeting.id}/motions`, {});
    const election = await make(who('SecA'), 'post', `/api/meetings/${meeting.id}/elections`, {});
    // a question the chair puts (a motion would first need its supporters)
    const vote = await make(who('SecA'), 'post', `/api/meetings/${meeting.id}/votes`, {
      agendaItemId: meeting.items[0]!.id,
      title: 'To close the debate',
      questionKind: 'procedural',
    });
    // a district conference: the primary organisation sends a delegate
    const conference = await makeMeeting(db, { body: districtA, kind: 'conference', open: true });
    const mandate = await make(who('DistA'), 'post', `/api/meetings/${conference.id}/mandates`, {
      personId: id('MemA'),
      fromBodyId: poA.id,
    });
    // direction: district A's indicator, form and a directive to its organisation
    const indicator = await make(who('DistA'), 'post', '/api/direction/indicators', {
      code: 'meetings_held',
      valueType: 'integer',
      aggregation: 'sum',
      minValue: null,
      maxValue: null,
    });
    const form = await make(who('DistA'), 'post', '/api/direction/forms', {
      items: [{ indicatorId: indicator.id, required: false }],
      rules: [],
    });
    const directive = await make(who('DistA'), 'post', '/api/direction/directives', {
      issuerBodyId: districtA.id,
      addressing: { kind: 'subtree' },
      deadline: '2099-01-01',
      formId: form.id,
      targets: [],
      source: { kind: 'decision', takenOn: today(), votes: null },
    });
    const protocolForm = await make(who('DistA'), 'post', '/api/direction/forms', {
      requiresProtocol: true,
      items: [{ indicatorId: indicator.id, required: false }],
      rules: [],
    });
    const campaign = await make(who('DistA'), 'post', '/api/direction/campaigns', {
      issuerBodyId: districtA.id,
      addressing: { kind: 'subtree' },
      deadline: '2099-01-01',
      formId: protocolForm.id,
      targets: [],
      source: { kind: 'decision', takenOn: today(), votes: null },
      campaign: { meetBy: '2099-01-01', meetingKind: 'general_assembly', itemTitle: 'Item', itemTitleRu: 'Пункт' },
    });
    ids.indicatorId = indicator.id;
    const schedule = await make(who('DistA'), 'post', '/api/direction/schedules', {
      issuerBodyId: districtA.id,
      formId: form.id,
      frequency: 'monthly',
      bodyKinds: ['primary_organisation'],
      startsOn: '2020-01-01',
      endsOn: null,
    });
    const penalty = decided.penalty ?? (await who('SecA').get(`/api/persons/${id('Vet2')}/penalties`)).body[0];
    Object.assign(params, {
      '/api/bodies/{id}': poA.id,
      '/api/enterprises/{id}': ent.id,
      '/api/offices/{id}': office.id,
      '/api/persons/{id}': id('MemA'),
      '/api/dues/persons/{id}': id('MemA'),
      '/api/resignations/{id}': resignation.id,
      '/api/discipline/cases/{id}': kase.id,
      '/api/appeals/{id}': appeal.id,
      '/api/penalties/{id}': penalty?.id,
      '/api/reviews/{id}': review.id,
      '/api/review-items/{id}': item?.id,
      '/api/admission/applications/{id}': application.id,
      '/api/admission/recommendations/{id}': application.recommendations?.[0]?.id,
      '/api/admission/candidates/{id}': id('CandA'),
      '/api/admission/bodies/{id}': poA.id,
      '/api/admission/persons/{id}': id('CandA'),
      '/api/meetings/{id}': meeting.id,
      '/api/motions/{id}': motion.id,
      '/api/elections/{id}': election.id,
      '/api/votes/{id}': vote.id,
      '/api/mandates/{id}': mandate.id,
      '/api/stats/body/{id}': poA.id,
      '/api/direction/forms/{id}': form.id,
      '/api/direction/directives/{id}': directive.id,
      '/api/direction/rounds/{id}': directive.roundId,
      '/api/direction/schedules/{id}': schedule.id,
      '/api/direction/campaigns/{id}': campaign.id,
    });
    Object.assign(ids, {
      noteId: note.id,
      requestId: floor.id,
      entryId: entry.id,
      receipt: 'a'.repeat(64),
      motionId: motion.id,
      electionId: election.id,
    });
    for (const v of [
      id('MemA'),
      id('CandA'),
      id('Vet2'),
      applicant.id,
      review.id,
      item?.id,
      kase.id,
      appeal.id,
      resignation.id,
      application.id,
      note.id,
      directive.id,
      campaign.id,
    ])
      if (v) privateIds.add(v);
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  async function call(c: TestClient | null, o: Operation) {
    const url = urlOf(doc, o, ids, params);
    const schema = o.op.requestBody?.content?.['application/json']?.schema;
    const init: RequestInit = { method: o.method.toUpperCase(), headers: {} };
    const headers = init.headers as Record<string, string>;
    if (schema) {
      init.body = JSON.stringify({
        ...(valueFor(doc, schema, 'body', ids) as object),
        ...OVERRIDES[`${o.method} ${o.path}`],
        ...(o.path === '/api/meetings/{id}/votes' ? { agendaItemId: ids.agendaItemId } : {}),
        ...(o.path === '/api/statute/versions' ? { rules: statuteRules, effectiveFrom: '2099-01-01' } : {}),
      });
      headers['content-type'] = 'application/json';
    }
    if (c?.csrfToken) headers['x-csrf-token'] = c.csrfToken;
    const client = c ?? srv.client();
    if (o.op.responses?.['200']?.content?.['text/event-stream']) {
      // a stream is only opened: its status and the first bytes tell what it answers
      const ac = new AbortController();
      const cookie = c?.sessionToken ? `antaeus_session=${c.sessionToken}` : '';
      const res = await srv.app.request(url, { ...init, headers: { ...headers, cookie }, signal: ac.signal });
      const body = res.status === 200 ? '' : await res.text();
      await res.body?.cancel().catch(() => {});
      return { url, status: res.status, body };
    }
    const res = await client.raw(url, init);
    return { url, status: res.status, body: res.body };
  }

  it('every operation names a known policy', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(100);
    const missing = ops
      .filter((o) => !(o.op['x-policy'] in POLICIES))
      .map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(missing.join('\n')).toBe('');
  });

  it('without a session every operation is a 401, unless its policy is sessionless', async () => {
    const wrong: string[] = [];
    for (const o of operations(doc)) {
      const p = POLICIES[o.op['x-policy'] as PolicyName];
      const r = await call(null, o);
      const code = typeof r.body === 'string' ? (JSON.parse(r.body || '{}') as Loose).error?.code : r.body?.error?.code;
      const line = `${o.method.toUpperCase()} ${r.url}: ${r.status} ${code ?? ''}`;
      if (r.status >= 500) wrong.push(line);
      else if (!p?.sessionless && (r.status !== 401 || code !== 'not_signed_in')) wrong.push(line);
      else if (p?.sessionless && code === 'not_signed_in') wrong.push(`${line} (sessionless)`);
    }
    expect(wrong.join('\n')).toBe('');
  });

  it('accounts of another district are refused district A’s objects, or get answers without them', async () => {
    const wrong: string[] = [];
    // signing out comes last: it ends the session the other calls use
    const ops = operations(doc).sort(
      (a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'),
    );
    for (const who_ of ['DistB', 'MemB']) {
      for (const o of ops) {
        const name = o.op['x-policy'] as PolicyName;
        const outsider = POLICIES[name]?.outsider;
        const r = await call(who(who_), o);
        const line = `${who_} ${o.method.toUpperCase()} ${r.url} [${name}]: ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`;
        if (r.status >= 500) wrong.push(line);
        else if (outsider === 'refused' && r.status !== 403 && r.status !== 404) wrong.push(line);
        else if (outsider === 'needs-token' && (r.status < 400 || r.status === 401)) wrong.push(line);
        else if (outsider === 'filtered') {
          const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
          const leak = [...privateIds].find((x) => text.includes(x));
          if (r.status === 400 || r.status === 401 || leak) wrong.push(`${line}${leak ? ` holds ${leak}` : ''}`);
        }
      }
    }
    expect(wrong.join('\n')).toBe('');
  });

  it('an organisation-wide read is refused to an account of another organisation', async () => {
    const wrong: string[] = [];
    for (const o of operations(doc)) {
      if (o.op['x-policy'] !== 'organisation' || o.method !== 'get' || !o.path.includes('{')) continue;
      const r = await call(stranger, o);
      if (r.status !== 403 && r.status !== 404) wrong.push(`${o.path}: ${r.status}`);
    }
    expect(wrong.join('\n')).toBe('');
  });
});
