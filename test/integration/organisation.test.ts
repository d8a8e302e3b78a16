// Creating bodies (with the statute checks), renaming, offices and enterprises.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../support/db.js';
import { makeBody, makeMembers, makeOrganisation, makePerson, type MadeBody } from '../support/factories.js';
import { StatuteService } from '../../src/modules/statute/statute.service.js';
import { OrganisationService } from '../../src/modules/organisation/organisation.service.js';
import { RecordsService } from '../../src/modules/records/records.service.js';
import type { Actor } from '../../src/platform/actor.js';
import { AppError } from '../../src/platform/errors.js';

function actorOf(orgId: string, scopes: MadeBody[], personId = '00000000-0000-7000-8000-000000000002'): Actor {
  return {
    accountId: '00000000-0000-7000-8000-000000000001',
    personId,
    organisationId: orgId,
    login: 'tester',
    displayName: 'Tester',
    locale: 'en',
    scopes: scopes.map((b) => ({ bodyId: b.id, path: b.path, title: 'secretary' })),
    homePath: null,
    csrfToken: 'x',
  };
}

async function expectError(p: Promise<unknown>, code: string, kind?: string): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (kind) expect((err as AppError).kind).toBe(kind);
  return err as AppError;
}

const UNKNOWN = '01890000-0000-7000-8000-000000000099';

describe.each(DB_KINDS)('organisation use cases on %s', (kind) => {
  let h: TestDb;
  let org: { id: string };
  let svc: OrganisationService;
  let root: MadeBody, region: MadeBody, city: MadeBody, d1: MadeBody, d2: MadeBody, pool: MadeBody;
  let cityActor: Actor, d1Actor: Actor;

  const counts = async () => ({
    bodies: (await h.db.selectFrom('body').select('id').execute()).length,
    persons: await h.db.selectFrom('person').select(['id', 'body_id']).orderBy('id').execute(),
    outbox: (await h.db.selectFrom('outbox').select('id').execute()).length,
  });

  beforeAll(async () => {
    h = await openTestDb(kind);
    org = await makeOrganisation(h.db);
    svc = new OrganisationService(h.db, new StatuteService(h.db), new RecordsService(h.db));
    root = await makeBody(h.db, org, 'central_committee', null);
    region = await makeBody(h.db, org, 'regional_committee', root);
    city = await makeBody(h.db, org, 'city_committee', region);
    d1 = await makeBody(h.db, org, 'district_committee', city, { name: 'Vyborg district committee' });
    d2 = await makeBody(h.db, org, 'district_committee', city, { name: 'Moscow district committee' });
    pool = await makeBody(h.db, org, 'primary_organisation', d1, { name: 'Staff of the district committee' });
    // a real person: acts on offices are recorded with their author
    cityActor = actorOf(org.id, [city], (await makePerson(h.db, org, city, { familyName: 'Tester' })).id);
    d1Actor = actorOf(org.id, [d1]);
  });
  afterAll(async () => {
    await h.close();
  });

  it('creates a district committee with path, depth and region maintained, and an outbox row', async () => {
    const b = await svc.createBody(cityActor, {
      parentId: city.id,
      kind: 'district_committee',
      name: 'Petrograd district committee',
    });
    expect(b.parentId).toBe(city.id);
    expect(b.path.startsWith(city.path + '.')).toBe(true);
    expect(b.depth).toBe(4);
    expect(b.regionId).toBe(region.id);
    expect(b.primaryId).toBeNull();
    const row = await h.db.selectFrom('body').selectAll().where('id', '=', b.id).executeTakeFirstOrThrow();
    expect(row.region_id).toBe(region.id);
    const ev = await h.db
      .selectFrom('outbox')
      .select(['topic', 'payload'])
      .where('topic', '=', 'body.created')
      .execute();
    expect(ev.some((e) => (e.payload as { bodyId: string }).bodyId === b.id)).toBe(true);
  });

  it('a regional committee is its own region', async () => {
    const r = await svc.createBody(actorOf(org.id, [root]), {
      parentId: root.id,
      kind: 'regional_committee',
      name: 'Moscow regional',
    });
    expect(r.regionId).toBe(r.id);
  });

  it('forms a primary organisation with enough founding members, re-registering them', async () => {
    const founders = await makeMembers(h.db, org, pool, 3);
    const po = await svc.createBody(d1Actor, {
      parentId: d1.id,
      kind: 'primary_organisation',
      name: 'Red Triangle works',
      foundingMemberIds: founders.map((f) => f.id),
    });
    expect(po.primaryId).toBe(po.id);
    const regs = await h.db
      .selectFrom('person')
      .select('body_id')
      .where(
        'id',
        'in',
        founders.map((f) => f.id),
      )
      .execute();
    expect(regs.every((r) => r.body_id === po.id)).toBe(true);
    const cell = await svc.createBody(d1Actor, { parentId: po.id, kind: 'shop_cell', name: 'Rolling shop' });
    expect(cell.primaryId).toBe(po.id);
    const group = await svc.createBody(d1Actor, { parentId: cell.id, kind: 'party_group', name: 'Night shift group' });
    expect(group.primaryId).toBe(po.id);
  });

  it('refuses a primary organisation below the statute minimum (422) and writes nothing', async () => {
    const founders = await makeMembers(h.db, org, pool, 2);
    const before = await counts();
    const err = await expectError(
      svc.createBody(d1Actor, {
        parentId: d1.id,
        kind: 'primary_organisation',
        name: 'Too small',
        foundingMemberIds: founders.map((f) => f.id),
      }),
      'below_statute_minimum',
      'rule_violation',
    );
    expect(err.details).toEqual({ required: 3, given: 2 });
    // duplicates do not count twice
    await expectError(
      svc.createBody(d1Actor, {
        parentId: d1.id,
        kind: 'primary_organisation',
        name: 'Too small',
        foundingMemberIds: [founders[0]!.id, founders[0]!.id, founders[1]!.id],
      }),
      'below_statute_minimum',
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses founders who are candidates or registered outside the actor scope', async () => {
    const outside = await makeBody(h.db, org, 'primary_organisation', d2);
    const ok = await makeMembers(h.db, org, pool, 2);
    const stranger = await makePerson(h.db, org, outside);
    const candidate = await makePerson(h.db, org, pool, { status: 'candidate' });
    const before = await counts();
    for (const extra of [stranger, candidate, { id: UNKNOWN }]) {
      const err = await expectError(
        svc.createBody(d1Actor, {
          parentId: d1.id,
          kind: 'primary_organisation',
          name: 'X',
          foundingMemberIds: [...ok.map((o) => o.id), extra.id],
        }),
        'founding_member_not_eligible',
      );
      expect(err.details).toEqual({ personIds: [extra.id] });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a kind the statute does not allow under the parent, outside scope, unknown parent', async () => {
    const before = await counts();
    await expectError(
      svc.createBody(cityActor, { parentId: city.id, kind: 'shop_cell', name: 'x' }),
      'kind_not_allowed_here',
      'rule_violation',
    );
    await expectError(
      svc.createBody(d1Actor, { parentId: d2.id, kind: 'council', name: 'x' }),
      'forbidden_scope',
      'forbidden',
    );
    await expectError(
      svc.createBody(d1Actor, { parentId: UNKNOWN, kind: 'council', name: 'x' }),
      'body_not_found',
      'not_found',
    );
    const other = await makeOrganisation(h.db);
    const otherRoot = await makeBody(h.db, other, 'central_committee', null);
    await expectError(
      svc.createBody(cityActor, { parentId: otherRoot.id, kind: 'regional_committee', name: 'x' }),
      'body_not_found',
    );
    expect((await counts()).outbox).toBe(before.outbox);
  });

  it('renames a body; refuses outside scope', async () => {
    const b = await svc.renameBody(d1Actor, d1.id, {
      name: 'Vyborg district committee (new)',
      nameRu: 'Выборгский райком',
    });
    expect(b.name).toBe('Vyborg district committee (new)');
    expect(b.nameRu).toBe('Выборгский райком');
    await expectError(svc.renameBody(d1Actor, d2.id, { name: 'x' }), 'forbidden_scope');
    await expectError(svc.renameBody(d1Actor, UNKNOWN, { name: 'x' }), 'body_not_found');
    const row = await h.db.selectFrom('body').select('name').where('id', '=', d2.id).executeTakeFirstOrThrow();
    expect(row.name).toBe('Moscow district committee');
  });

  it('assigns an office with a statute title, refuses an unknown title, ends an office', async () => {
    const p = await makePerson(h.db, org, pool, { familyName: 'Kirov', givenName: 'Sergei' });
    // a managing office is given from the committee above, never by a peer in the same committee
    await expectError(
      svc.assignOffice(d1Actor, d1.id, { personId: p.id, title: 'secretary', startsOn: '1934-01-01' }),
      'forbidden_scope',
    );
    const o = await svc.assignOffice(cityActor, d1.id, { personId: p.id, title: 'secretary', startsOn: '1934-01-01' });
    expect(o.personName).toBe('Sergei Kirov');
    expect(o.endsOn).toBeNull();
    await expectError(
      svc.assignOffice(d1Actor, d1.id, { personId: p.id, title: 'tsar', startsOn: '1934-01-01' }),
      'unknown_office',
      'rule_violation',
    );
    await expectError(
      svc.assignOffice(d1Actor, d2.id, { personId: p.id, title: 'secretary', startsOn: '1934-01-01' }),
      'forbidden_scope',
    );
    await expectError(
      svc.assignOffice(cityActor, d1.id, { personId: UNKNOWN, title: 'secretary', startsOn: '1934-01-01' }),
      'person_not_found',
    );
    const detail = await svc.getBody(d1Actor, d1.id);
    expect(detail.offices.map((x) => x.id)).toContain(o.id);
    // the district's own offices are ended by the committee above it
    await expectError(svc.endOffice(d1Actor, o.id, { endsOn: '1934-12-01' }), 'forbidden_scope');
    await expectError(svc.endOffice(cityActor, o.id, { endsOn: '1933-01-01' }), 'office_dates_invalid');
    const ended = await svc.endOffice(cityActor, o.id, { endsOn: '1934-12-01' });
    expect(ended.endsOn).toBe('1934-12-01');
    expect((await svc.getBody(d1Actor, d1.id)).offices.map((x) => x.id)).not.toContain(o.id);
    await expectError(svc.endOffice(cityActor, o.id, { endsOn: '1935-01-01' }), 'office_already_ended');
    await expectError(svc.endOffice(cityActor, UNKNOWN, { endsOn: '1935-01-01' }), 'office_not_found');
  });

  it('creates an enterprise: triangle and saturation on the primary organisation page', async () => {
    const po = await makeBody(h.db, org, 'primary_organisation', d1, { name: 'Red Putilovite' });
    const cell = await makeBody(h.db, org, 'shop_cell', po);
    await makeMembers(h.db, org, po, 10);
    await makeMembers(h.db, org, cell, 4);
    const mgmt = await makeBody(h.db, org, 'management', po, { name: 'Works management' });
    await expectError(
      svc.createEnterprise(d1Actor, { name: 'x', industry: 'metal', workforce: 1, primaryOrganisationId: d1.id }),
      'not_a_primary_organisation',
    );
    const e = await svc.createEnterprise(d1Actor, {
      name: 'Putilov works',
      industry: 'metal',
      workforce: 100,
      primaryOrganisationId: po.id,
    });
    expect(e.enterprise.primaryOrganisationId).toBe(po.id);
    expect(e.triangle.management?.id).toBe(mgmt.id);
    expect(e.saturation).toEqual({ members: 14, workforce: 100, ratio: 0.14 });
    const union = await svc.createBody(d1Actor, {
      parentId: po.id,
      kind: 'union_committee',
      name: 'Factory committee',
    });
    expect(union.enterpriseId).toBe(e.enterprise.id);
    const detail = await svc.getBody(cityActor, po.id);
    expect(detail.triangle?.unionCommittee?.id).toBe(union.id);
    expect(detail.saturation?.ratio).toBeCloseTo(0.14);
    expect(detail.size).toMatchObject({ members: 14, candidates: 0, counted: 14, statuteMinimum: 3 });
    expect(detail.ancestors.map((a) => a.id)).toEqual([root.id, region.id, city.id, d1.id]);
    expect(detail.belowMinimum).toBe(false);
    await expectError(
      svc.createEnterprise(d1Actor, { name: 'again', industry: 'metal', workforce: 1, primaryOrganisationId: po.id }),
      'enterprise_already_linked',
    );
    expect((await svc.getEnterprise(cityActor, e.enterprise.id)).enterprise.name).toBe('Putilov works');
    await expectError(svc.getEnterprise(cityActor, UNKNOWN), 'enterprise_not_found');
  });
});
