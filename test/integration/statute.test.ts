// The statute: founding an organisation, the version in force by date, adopting versions, and
// a statute change changing what the organisation service allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../support/db.js';
import { makeBody, makeMembers, type MadeBody } from '../support/factories.js';
import { StatuteService } from '../../src/modules/statute/statute.service.js';
import { OrganisationService } from '../../src/modules/organisation/organisation.service.js';
import { RecordsService } from '../../src/modules/records/records.service.js';
import { PRESETS } from '../../src/modules/statute/rules/presets.js';
import type { Actor } from '../../src/platform/actor.js';
import { AppError } from '../../src/platform/errors.js';

function actorOf(orgId: string, scopes: { id: string; path: string }[]): Actor {
  return {
    accountId: '00000000-0000-7000-8000-000000000001',
    personId: '00000000-0000-7000-8000-000000000002',
    organisationId: orgId,
    login: 'sec',
    displayName: 'Secretary',
    locale: 'en',
    scopes: scopes.map((b) => ({ bodyId: b.id, path: b.path, title: 'general_secretary' })),
    homePath: null,
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

describe.each(DB_KINDS)('statute on %s', (kind) => {
  let h: TestDb;
  let statute: StatuteService;
  let orgs: OrganisationService;
  let orgId: string;
  let root: MadeBody;

  beforeAll(async () => {
    h = await openTestDb(kind);
    statute = new StatuteService(h.db);
    orgs = new OrganisationService(h.db, statute, new RecordsService(h.db));
    const created = await statute.createOrganisation({
      name: 'All-Union Communist Party (b)',
      nameRu: 'ВКП(б)',
      preset: 'party-1934',
      effectiveFrom: '1934-02-10',
      adoptedBy: 'XVII Congress',
    });
    orgId = created.organisationId;
    root = {
      id: created.rootBodyId,
      path: created.rootPath,
      kind: 'central_committee',
      name: 'Central Committee',
      organisationId: orgId,
    };
  });
  afterAll(async () => {
    await h.close();
  });

  it('founds an organisation with statute version 1 and its root body in one go', async () => {
    const v = await statute.inForce(orgId);
    expect(v).toMatchObject({
      version: 1,
      preset: 'party-1934',
      effectiveFrom: '1934-02-10',
      adoptedBy: 'XVII Congress',
    });
    expect(v.rules.primaryMinMembers).toBe(3);
    const body = await h.db.selectFrom('body').selectAll().where('id', '=', root.id).executeTakeFirstOrThrow();
    expect(body).toMatchObject({
      kind: 'central_committee',
      depth: 1,
      parent_id: null,
      path: root.path,
      organisation_id: orgId,
    });
    expect((await statute.organisation(orgId)).nameRu).toBe('ВКП(б)');
    await expectCode(statute.inForce(orgId, '1930-01-01'), 'statute_not_found');
  });

  it('only a holder of a managing office over a root body may adopt a version', async () => {
    const region = await makeBody(h.db, { id: orgId }, 'regional_committee', root);
    const input = { effectiveFrom: '1939-03-21', adoptedBy: 'XVIII Congress', rules: PRESETS['party-1934'] };
    await expectCode(statute.adopt(actorOf(orgId, [region]), input), 'forbidden_scope');
    expect((await statute.versions(orgId)).length).toBe(1);
  });

  it('picks the version in force by date, and a statute change changes what is allowed', async () => {
    const admin = actorOf(orgId, [root]);
    const v2 = await statute.adopt(admin, {
      effectiveFrom: '1939-03-21',
      adoptedBy: 'XVIII Congress',
      rules: { ...PRESETS['party-1934'], primaryMinMembers: 5 },
    });
    expect(v2.version).toBe(2);
    expect((await statute.inForce(orgId, '1939-03-20')).version).toBe(1);
    expect((await statute.inForce(orgId, '1939-03-21')).version).toBe(2);
    expect((await statute.inForce(orgId)).rules.primaryMinMembers).toBe(5);
    expect((await statute.versions(orgId)).map((v) => v.version)).toEqual([1, 2]);
    await expectCode(
      statute.adopt(admin, { effectiveFrom: '1938-01-01', adoptedBy: 'Too early', rules: PRESETS['party-1934'] }),
      'statute_date_before_current',
    );
    const district = await makeBody(h.db, { id: orgId }, 'regional_committee', root);
    const pool = await makeBody(h.db, { id: orgId }, 'primary_organisation', district);
    const four = await makeMembers(h.db, { id: orgId }, pool, 4);
    await expectCode(
      orgs.createBody(admin, {
        parentId: district.id,
        kind: 'primary_organisation',
        name: 'Four',
        foundingMemberIds: four.map((p) => p.id),
      }),
      'below_statute_minimum',
    );
    const five = [...four, ...(await makeMembers(h.db, { id: orgId }, pool, 1))];
    const po = await orgs.createBody(admin, {
      parentId: district.id,
      kind: 'primary_organisation',
      name: 'Five',
      foundingMemberIds: five.map((p) => p.id),
    });
    expect(po.kind).toBe('primary_organisation');
    const events = await h.db.selectFrom('outbox').select('topic').where('topic', '=', 'statute.adopted').execute();
    expect(events.length).toBe(1);
  });
});
