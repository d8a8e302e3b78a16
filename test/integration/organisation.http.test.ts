// The organisation and statute routes through the real HTTP app: status codes and shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type TestClient, type TestServer } from '../support/http.js';
import {
  makeBody,
  makeMembers,
  makeOffice,
  makeOrganisation,
  makePerson,
  type MadeBody,
} from '../support/factories.js';

const PASSWORD = 'correct horse battery';

describe.each(DB_KINDS)('organisation HTTP on %s', (kind) => {
  let srv: TestServer;
  let c: TestClient;
  let root: MadeBody, city: MadeBody, d1: MadeBody, d2: MadeBody, po: MadeBody;

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const org = await makeOrganisation(srv.db);
    root = await makeBody(srv.db, org, 'central_committee', null);
    city = await makeBody(srv.db, org, 'city_committee', root);
    d1 = await makeBody(srv.db, org, 'district_committee', city, { name: 'Narva district committee' });
    d2 = await makeBody(srv.db, org, 'district_committee', city);
    po = await makeBody(srv.db, org, 'primary_organisation', d1, { name: 'Red Putilovite' });
    await makeMembers(srv.db, org, po, 3);
    const sec = await makePerson(srv.db, org, po);
    await makeOffice(srv.db, d1, sec, 'secretary');
    await srv.services.auth.createAccount({ personId: sec.id, login: 'narva', password: PASSWORD });
    c = srv.client();
    expect((await c.login('narva', PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('reads the tree and the statute', async () => {
    const roots = await c.get('/api/bodies/roots');
    expect(roots.status).toBe(200);
    expect(roots.body.items[0]).toMatchObject({ id: root.id, memberCount: 4, childCount: 1 });
    const detail = await c.get(`/api/bodies/${po.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.ancestors.map((a: { id: string }) => a.id)).toEqual([root.id, city.id, d1.id]);
    const kids = await c.get(`/api/bodies/${d1.id}/children`);
    expect(kids.body.items.map((b: { id: string }) => b.id)).toEqual([po.id]);
    const search = await c.get('/api/bodies?q=putil&limit=5');
    expect(search.body).toMatchObject({ total: 1, limit: 5, offset: 0 });
    expect((await c.get(`/api/bodies/${city.id}/flagged`)).body.items).toEqual([]);
    expect((await c.get('/api/organisation')).body.id).toBeDefined();
    const statute = await c.get('/api/statute');
    expect(statute.status).toBe(200);
    expect(statute.body.rules.primaryMinMembers).toBe(3);
    expect((await c.get('/api/statute/versions')).body.items).toHaveLength(1);
  });

  it('answers 400 for a malformed id, 404 for an unknown one, 401 when signed out', async () => {
    const bad = await c.get('/api/bodies/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const unknown = await c.get('/api/bodies/01890000-0000-7000-8000-000000000099');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('body_not_found');
    expect((await srv.client().get('/api/bodies/roots')).status).toBe(401);
  });

  it('maps refusals to 403, 409 and 422 and creates with 201', async () => {
    const into = await c.post(`/api/bodies/${d1.id}/move`, { newParentId: po.id });
    expect(into.status).toBe(409);
    expect(into.body.error.code).toBe('cannot_move_into_own_subtree');
    const own = await c.post(`/api/bodies/${po.id}/move`, { newParentId: po.id });
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('cannot_move_into_own_subtree');
    const other = await c.post(`/api/bodies/${po.id}/move`, { newParentId: d2.id });
    expect(other.status).toBe(403);
    const dissolve = await c.post(`/api/bodies/${po.id}/dissolve`);
    expect(dissolve.status).toBe(409);
    expect(dissolve.body.error).toMatchObject({ code: 'body_has_members', details: { count: 4 } });
    const small = await c.post('/api/bodies', {
      parentId: d1.id,
      kind: 'primary_organisation',
      name: 'Small',
      foundingMemberIds: [],
    });
    expect(small.status).toBe(422);
    expect(small.body.error.code).toBe('below_statute_minimum');
    const cell = await c.post('/api/bodies', { parentId: po.id, kind: 'shop_cell', name: 'Cannon shop' });
    expect(cell.status).toBe(201);
    expect(cell.body).toMatchObject({ kind: 'shop_cell', primaryId: po.id });
    const renamed = await c.patch(`/api/bodies/${cell.body.id}`, { name: 'Gun shop' });
    expect(renamed.body.name).toBe('Gun shop');
    const adopt = await c.post('/api/statute/versions', {
      effectiveFrom: '2000-01-01',
      adoptedBy: 'Congress',
      rules: (await c.get('/api/statute')).body.rules,
    });
    expect(adopt.status).toBe(403);
  });
});
