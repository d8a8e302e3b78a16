// Moving, merging and dissolving bodies: happy paths and every refusal leaves the tree unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../support/db.js';
import {
  makeBody,
  makeMembers,
  makeOffice,
  makeOrganisation,
  makePerson,
  type MadeBody,
} from '../support/factories.js';
import { StatuteService } from '../../src/modules/statute/statute.service.js';
import { OrganisationService } from '../../src/modules/organisation/organisation.service.js';
import { RecordsService } from '../../src/modules/records/records.service.js';
import type { Actor } from '../../src/platform/actor.js';
import { AppError } from '../../src/platform/errors.js';

function actorOf(orgId: string, scopes: MadeBody[]): Actor {
  return {
    accountId: '00000000-0000-7000-8000-000000000001',
    personId: '00000000-0000-7000-8000-000000000002',
    organisationId: orgId,
    login: 'tester',
    displayName: 'Tester',
    locale: 'en',
    scopes: scopes.map((b) => ({ bodyId: b.id, path: b.path, title: 'secretary' })),
    homePath: null,
    csrfToken: 'x',
  };
}

async function expectError(p: Promise<unknown>, code: string, status?: string): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (status) expect((err as AppError).kind).toBe(status);
  return err as AppError;
}

describe.each(DB_KINDS)('organisation tree changes on %s', (kind) => {
  let h: TestDb;
  let org: { id: string };
  let svc: OrganisationService;
  let root: MadeBody,
    region: MadeBody,
    city: MadeBody,
    d1: MadeBody,
    d2: MadeBody,
    po1: MadeBody,
    shop: MadeBody,
    po2: MadeBody;
  let cityActor: Actor, d1Actor: Actor;

  const snapshot = async () => ({
    bodies: await h.db.selectFrom('body').selectAll().orderBy('id').execute(),
    persons: await h.db.selectFrom('person').select(['id', 'body_id']).orderBy('id').execute(),
    outbox: (
      await h.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  });
  const body = (id: string) => h.db.selectFrom('body').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    h = await openTestDb(kind);
    org = await makeOrganisation(h.db);
    svc = new OrganisationService(h.db, new StatuteService(h.db), new RecordsService(h.db));
    root = await makeBody(h.db, org, 'central_committee', null);
    region = await makeBody(h.db, org, 'regional_committee', root);
    city = await makeBody(h.db, org, 'city_committee', region);
    d1 = await makeBody(h.db, org, 'district_committee', city);
    d2 = await makeBody(h.db, org, 'district_committee', city);
    po1 = await makeBody(h.db, org, 'primary_organisation', d1);
    shop = await makeBody(h.db, org, 'shop_cell', po1);
    po2 = await makeBody(h.db, org, 'primary_organisation', d2);
    await makeMembers(h.db, org, po1, 3);
    await makeMembers(h.db, org, shop, 2);
    await makeMembers(h.db, org, po2, 4);
    cityActor = actorOf(org.id, [city]);
    d1Actor = actorOf(org.id, [d1]);
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses to move a subtree under its own descendant (409) and leaves the tree unchanged', async () => {
    const before = await snapshot();
    await expectError(
      svc.moveBody(cityActor, d1.id, { newParentId: po1.id }),
      'cannot_move_into_own_subtree',
      'conflict',
    );
    await expectError(
      svc.moveBody(cityActor, d1.id, { newParentId: d1.id }),
      'cannot_move_into_own_subtree',
      'conflict',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a move outside the actor scope (403) and a kind the statute forbids there (422)', async () => {
    const before = await snapshot();
    await expectError(svc.moveBody(d1Actor, po1.id, { newParentId: d2.id }), 'forbidden_scope', 'forbidden');
    await expectError(
      svc.moveBody(cityActor, shop.id, { newParentId: d2.id }),
      'kind_not_allowed_here',
      'rule_violation',
    );
    await expectError(
      svc.moveBody(cityActor, po1.id, { newParentId: '01890000-0000-7000-8000-000000000000' }),
      'body_not_found',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('moves a subtree: rewrites path, depth and region of every body below, in one go', async () => {
    const moved = await svc.moveBody(cityActor, po1.id, { newParentId: d2.id });
    expect(moved.parentId).toBe(d2.id);
    expect(moved.path).toBe(`${d2.path}.${po1.path.split('.').pop()}`);
    const s = await body(shop.id);
    expect(s.path).toBe(`${moved.path}.${shop.path.split('.').pop()}`);
    expect(s.depth).toBe(6);
    expect(s.region_id).toBe(region.id);
    expect(s.primary_id).toBe(po1.id);
    const sub = await h.db
      .selectFrom('body')
      .select('id')
      .where((eb) => eb('path', '<@' as never, d2.path))
      .execute();
    expect(sub.map((r) => r.id).sort()).toEqual([d2.id, po1.id, shop.id, po2.id].sort());
    // and back, so later tests see the original tree
    await svc.moveBody(cityActor, po1.id, { newParentId: d1.id });
    expect((await body(shop.id)).path).toBe(shop.path);
  });

  it('moving a shop cell to another primary organisation re-points primary_id; moving a district changes region', async () => {
    await svc.moveBody(cityActor, shop.id, { newParentId: po2.id });
    expect((await body(shop.id)).primary_id).toBe(po2.id);
    await svc.moveBody(cityActor, shop.id, { newParentId: po1.id });
    expect((await body(shop.id)).primary_id).toBe(po1.id);
    const rootActor = actorOf(org.id, [root]);
    await svc.moveBody(rootActor, d2.id, { newParentId: region.id });
    const d = await body(d2.id);
    expect(d.depth).toBe(3);
    expect((await body(po2.id)).path).toBe(`${region.path}.${d2.path.split('.').pop()}.${po2.path.split('.').pop()}`);
    await svc.moveBody(rootActor, d2.id, { newParentId: city.id });
    expect((await body(po2.id)).path).toBe(po2.path);
  });

  it('refuses to dissolve a body with members (409, with the count) and leaves everything unchanged', async () => {
    const before = await snapshot();
    const err = await expectError(svc.dissolveBody(cityActor, po1.id), 'body_has_members', 'conflict');
    expect((err.details as { count: number }).count).toBe(5);
    await expectError(svc.dissolveBody(cityActor, d1.id), 'body_has_members', 'conflict');
    await expectError(svc.dissolveBody(d1Actor, po2.id), 'forbidden_scope');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to dissolve a body with active sub-bodies, then dissolves an empty one', async () => {
    const empty = await makeBody(h.db, org, 'district_committee', city);
    const bureau = await makeBody(h.db, org, 'bureau', empty);
    await expectError(svc.dissolveBody(cityActor, empty.id), 'body_has_children', 'conflict');
    const office = await makeOffice(
      h.db,
      bureau,
      await makePerson(h.db, org, null, { status: 'non_member' }),
      'secretary',
    );
    const b = await svc.dissolveBody(cityActor, bureau.id);
    expect(b.status).toBe('dissolved');
    const o = await h.db.selectFrom('office').select('ends_on').where('id', '=', office.id).executeTakeFirstOrThrow();
    expect(o.ends_on).not.toBeNull();
    expect((await svc.dissolveBody(cityActor, empty.id)).status).toBe('dissolved');
    expect((await body(empty.id)).closed_at).not.toBeNull();
    await expectError(svc.renameBody(cityActor, empty.id, { name: 'x' }), 'body_not_active', 'conflict');
    const topics = await h.db.selectFrom('outbox').select('topic').where('topic', '=', 'body.dissolved').execute();
    expect(topics.length).toBe(2);
  });

  it('merges a primary organisation into another: persons and shop cells move, source closed', async () => {
    const a = await makeBody(h.db, org, 'primary_organisation', d1);
    const aCell = await makeBody(h.db, org, 'shop_cell', a);
    const b = await makeBody(h.db, org, 'primary_organisation', d2);
    await makeMembers(h.db, org, a, 3);
    await makeMembers(h.db, org, aCell, 2);
    await makeMembers(h.db, org, b, 3);
    await expectError(svc.mergeBody(cityActor, a.id, { intoId: d2.id }), 'merge_kind_mismatch', 'rule_violation');
    await expectError(svc.mergeBody(d1Actor, a.id, { intoId: b.id }), 'forbidden_scope');
    await expectError(svc.mergeBody(cityActor, d1.id, { intoId: d1.id }), 'cannot_merge_into_itself');
    const target = await svc.mergeBody(cityActor, a.id, { intoId: b.id });
    expect(target.id).toBe(b.id);
    const src = await body(a.id);
    expect(src.status).toBe('merged');
    expect(src.merged_into).toBe(b.id);
    expect(src.closed_at).not.toBeNull();
    const cell = await body(aCell.id);
    expect(cell.parent_id).toBe(b.id);
    expect(cell.path).toBe(`${b.path}.${aCell.path.split('.').pop()}`);
    expect(cell.primary_id).toBe(b.id);
    expect(await svc.subtreeMemberCount(b.id)).toBe(8);
    expect(await svc.subtreeMemberCount(a.id)).toBe(0);
    const inA = await h.db.selectFrom('person').select('id').where('body_id', '=', a.id).execute();
    expect(inA).toEqual([]);
  });
});
