// Statistics over a subtree: sizes counted through shop cells, candidates per the statute, the
// statute minimum, saturation, and who may see them.
import type { SocialPosition } from '../../src/contracts/person.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../support/db.js';
import { makeBody, makeEnterprise, makeOrganisation, makePerson, type MadeBody } from '../support/factories.js';
import { buildHttpApp, createServices, type Services } from '../../src/app/compose.js';
import type { Actor } from '../../src/platform/actor.js';
import { AppError } from '../../src/platform/errors.js';

function actorOf(organisationId: string): Actor {
  return {
    accountId: 'a',
    personId: 'p',
    organisationId,
    login: 'x',
    displayName: 'X',
    locale: 'en',
    scopes: [],
    homePath: null,
    csrfToken: 't',
  };
}

describe.each(DB_KINDS)('statistics on %s', (kind) => {
  let db: TestDb;
  let s: Services;
  let party: { id: string };
  let union: { id: string };
  let district: MadeBody;
  let unionRoot: MadeBody;

  async function people(
    org: { id: string },
    body: MadeBody,
    members: number,
    candidates: number,
    social: SocialPosition = 'worker',
  ) {
    for (let i = 0; i < members; i++) await makePerson(db.db, org, body, { socialPosition: social });
    for (let i = 0; i < candidates; i++)
      await makePerson(db.db, org, body, { status: 'candidate', socialPosition: social });
  }

  beforeAll(async () => {
    db = await openTestDb(kind);
    s = createServices(db);
    // Party statute: candidates count towards size, minimum 3.
    party = await makeOrganisation(db.db, { preset: 'party-1934' });
    const cc = await makeBody(db.db, party, 'central_committee', null);
    district = await makeBody(db.db, party, 'district_committee', cc, { name: 'Stats district' });
    const works = await makeEnterprise(db.db, party, 100, 'Stats works');
    const school = await makeEnterprise(db.db, party, 50, 'Stats school');
    const big = await makeBody(db.db, party, 'primary_organisation', district, { enterpriseId: works.id });
    const cell = await makeBody(db.db, party, 'shop_cell', big);
    await people(party, big, 2, 0);
    await people(party, cell, 48, 10); // 60 with the PO's own 2
    const small = await makeBody(db.db, party, 'primary_organisation', district, { enterpriseId: school.id });
    await people(party, small, 1, 1, 'intelligentsia'); // 2: below the minimum of 3
    await makeBody(db.db, party, 'primary_organisation', cc); // empty, outside the district
    // Union statute: candidates do not count, minimum 5.
    union = await makeOrganisation(db.db, { preset: 'union-federation' });
    unionRoot = await makeBody(db.db, union, 'central_committee', null);
    const branch = await makeBody(db.db, union, 'primary_organisation', unionRoot);
    await people(union, branch, 4, 3);
  });
  afterAll(async () => db?.close());

  it('bands a subtree, counting shop cells and candidates, and flags organisations below the minimum', async () => {
    const r = await s.stats.sizeBands(actorOf(party.id), district.id);
    expect(r.body.id).toBe(district.id);
    expect(r.total).toBe(2);
    expect(r.bands.map((b) => b.count)).toEqual([0, 1, 0, 0]);
    expect(r.belowMinimum).toBe(1);
    const whole = await s.stats.sizeBands(actorOf(party.id));
    expect(whole.total).toBe(3);
    expect(whole.belowMinimum).toBe(2);
  });

  it('follows the statute: without candidates counting, a branch of 4 members and 3 candidates is below a minimum of 5', async () => {
    const r = await s.stats.sizeBands(actorOf(union.id));
    expect(r.body.id).toBe(unionRoot.id);
    expect(r.bands[0]!.count).toBe(1);
    expect(r.belowMinimum).toBe(1);
  });

  it('gives a body’s members, candidates, composition and saturation', async () => {
    const r = await s.stats.bodyStats(actorOf(party.id), district.id);
    expect(r.members).toBe(51);
    expect(r.candidates).toBe(11);
    expect(r.primaryOrganisations).toBe(2);
    expect(r.bySocialPosition).toEqual([
      { socialPosition: 'worker', members: 50, candidates: 10 },
      { socialPosition: 'intelligentsia', members: 1, candidates: 1 },
    ]);
    expect(r.saturation).toEqual({ communists: 62, workforce: 150, ratio: 0.4133 });
  });

  it('refuses members of another organisation and unknown bodies', async () => {
    const err = (await s.stats.bodyStats(actorOf(union.id), district.id).catch((e: unknown) => e)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.kind).toBe('not_found');
    const missing = (await s.stats
      .sizeBands(actorOf(party.id), '01900000-0000-7000-8000-00000000dead')
      .catch((e: unknown) => e)) as AppError;
    expect(missing.kind).toBe('not_found');
  });

  it('answers 401 when signed out and 400 for a malformed id over HTTP', async () => {
    const app = buildHttpApp(s);
    expect((await app.request(`/api/stats/body/${district.id}`)).status).toBe(401);
    expect((await app.request(`/api/stats/size-bands?bodyId=${district.id}`)).status).toBe(401);
    const bad = await app.request('/api/stats/body/not-a-uuid');
    expect([400, 401]).toContain(bad.status);
  });
});
