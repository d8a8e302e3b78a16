// Reading the tree: roots, children with counts, body detail, search, flagged, references for other modules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../support/db.js';
import { makeBody, makeMembers, makeOrganisation, makePerson, type MadeBody } from '../support/factories.js';
import { StatuteService } from '../../src/modules/statute/statute.service.js';
import { OrganisationService } from '../../src/modules/organisation/organisation.service.js';
import { RecordsService } from '../../src/modules/records/records.service.js';
import type { Actor } from '../../src/platform/actor.js';
import { AppError } from '../../src/platform/errors.js';

function memberActor(orgId: string, home: MadeBody | null): Actor {
  return {
    accountId: '00000000-0000-7000-8000-000000000001',
    personId: '00000000-0000-7000-8000-000000000002',
    organisationId: orgId,
    login: 'member',
    displayName: 'Member',
    locale: 'en',
    scopes: [],
    homePath: home?.path ?? null,
    csrfToken: 'x',
  };
}

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

describe.each(DB_KINDS)('organisation queries on %s', (kind) => {
  let h: TestDb;
  let org: { id: string };
  let svc: OrganisationService;
  let root: MadeBody, city: MadeBody, d1: MadeBody, big: MadeBody, small: MadeBody, cell: MadeBody, empty: MadeBody;
  let reader: Actor;

  beforeAll(async () => {
    h = await openTestDb(kind);
    org = await makeOrganisation(h.db);
    svc = new OrganisationService(h.db, new StatuteService(h.db), new RecordsService(h.db));
    root = await makeBody(h.db, org, 'central_committee', null, { name: 'Central Committee' });
    city = await makeBody(h.db, org, 'city_committee', root, { name: 'Leningrad city committee' });
    d1 = await makeBody(h.db, org, 'district_committee', city, { name: 'Narva district committee' });
    big = await makeBody(h.db, org, 'primary_organisation', d1, { name: 'Red Putilovite' });
    cell = await makeBody(h.db, org, 'shop_cell', big, { name: 'Cannon shop cell' });
    small = await makeBody(h.db, org, 'primary_organisation', d1, { name: 'Putilov school' });
    empty = await makeBody(h.db, org, 'primary_organisation', d1, { name: 'Red Banner bakery' });
    await makeMembers(h.db, org, big, 5);
    await makeMembers(h.db, org, cell, 3);
    await makePerson(h.db, org, cell, { status: 'candidate' });
    await makeMembers(h.db, org, small, 1);
    await makePerson(h.db, org, small, { status: 'candidate' });
    await makePerson(h.db, org, small, { status: 'non_member' });
    reader = memberActor(org.id, big);
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists roots and children with child and member counts and the minimum flag', async () => {
    const roots = await svc.roots(reader);
    expect(roots.map((r) => r.id)).toEqual([root.id]);
    expect(roots[0]).toMatchObject({ childCount: 1, memberCount: 11 });
    const kids = await svc.children(reader, d1.id);
    const byId = new Map(kids.map((k) => [k.id, k]));
    expect(byId.get(big.id)).toMatchObject({ childCount: 1, memberCount: 9, belowMinimum: false });
    // 1 member + 1 candidate counts as 2 under party-1934 (candidates count): below 3
    expect(byId.get(small.id)).toMatchObject({ memberCount: 2, belowMinimum: true });
    expect(byId.get(empty.id)).toMatchObject({ memberCount: 0, belowMinimum: true });
  });

  it('shows a body with ancestors, size and flag; counts a subtree', async () => {
    const d = await svc.getBody(reader, cell.id);
    expect(d.ancestors.map((a) => a.id)).toEqual([root.id, city.id, d1.id, big.id]);
    expect(d.size).toMatchObject({ members: 3, candidates: 1 });
    expect(d.belowMinimum).toBe(false);
    expect(d.enterprise).toBeNull();
    expect((await svc.getBody(reader, small.id)).belowMinimum).toBe(true);
    expect(await svc.subtreeMemberCount(d1.id)).toBe(11);
    expect(await svc.subtreeMemberCount(cell.id)).toBe(4);
  });

  it('flags primary organisations below the statute minimum in a subtree', async () => {
    const flagged = await svc.flagged(reader, city.id);
    expect(flagged.map((f) => f.id).sort()).toEqual([small.id, empty.id].sort());
    expect(flagged.every((f) => f.belowMinimum)).toBe(true);
    expect(await svc.flagged(reader, big.id)).toEqual([]);
  });

  it('searches bodies by name, prefix matches first, paged', async () => {
    const page = await svc.searchBodies(reader, { q: 'putilov', limit: 10, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.id)).toEqual([small.id, big.id]);
    const p2 = await svc.searchBodies(reader, { q: 'PUTILOV', limit: 1, offset: 1 });
    expect(p2).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(p2.items.map((i) => i.id)).toEqual([big.id]);
    expect((await svc.searchBodies(reader, { q: '%', limit: 10, offset: 0 })).total).toBe(0);
    expect((await svc.searchBodies(reader, { limit: 50, offset: 0 })).total).toBe(7);
  });

  it('answers 404 for unknown ids and for bodies of another organisation', async () => {
    const other = await makeOrganisation(h.db);
    const otherRoot = await makeBody(h.db, other, 'central_committee', null);
    await expectCode(svc.getBody(reader, otherRoot.id), 'body_not_found');
    await expectCode(svc.children(reader, otherRoot.id), 'body_not_found');
    await expectCode(svc.flagged(reader, '01890000-0000-7000-8000-000000000099'), 'body_not_found');
    expect((await svc.roots(memberActor(other.id, null))).map((r) => r.id)).toEqual([otherRoot.id]);
  });

  it('gives other modules a body reference and resolves --body by id, path or unique name', async () => {
    const ref = await svc.getBodyRef(cell.id);
    expect(ref).toMatchObject({
      id: cell.id,
      path: cell.path,
      kind: 'shop_cell',
      organisationId: org.id,
      status: 'active',
      primaryId: big.id,
    });
    expect((await svc.resolveBody(org.id, big.id)).id).toBe(big.id);
    expect((await svc.resolveBody(org.id, big.path)).id).toBe(big.id);
    expect((await svc.resolveBody(org.id, 'red putilovite')).id).toBe(big.id);
    await makeBody(h.db, org, 'primary_organisation', d1, { name: 'Red Putilovite' });
    await expectCode(svc.resolveBody(org.id, 'Red Putilovite'), 'body_name_ambiguous');
    await expectCode(svc.resolveBody(org.id, 'Nowhere'), 'body_not_found');
    await expectCode(svc.getBodyRef('01890000-0000-7000-8000-000000000099'), 'body_not_found');
  });
});
