// Persons through HTTP: pages, member lists (who may see which), search, registration and corrections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeEnterprise, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';

const PASSWORD = 'correct horse battery';

describe.each(DB_KINDS)('persons on %s', (kind) => {
  let srv: TestServer;
  const t: Record<string, Loose> = {};
  let secretary: TestClient;
  let rank: TestClient;
  let otherSecretary: TestClient;

  const countPersons = async () =>
    Number(
      (
        await srv.db
          .selectFrom('person')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db);
    const cc = await makeBody(db, org, 'central_committee', null);
    const city = await makeBody(db, org, 'city_committee', cc);
    const dA = await makeBody(db, org, 'district_committee', city, { name: 'Moskovsky district' });
    const pA = await makeBody(db, org, 'primary_organisation', dA, { name: 'Skorokhod factory' });
    const shop = await makeBody(db, org, 'shop_cell', pA, { name: 'Cutting shop' });
    const pA2 = await makeBody(db, org, 'primary_organisation', dA, { name: 'Elektrosila' });
    const dB = await makeBody(db, org, 'district_committee', city, { name: 'Vyborgsky district' });
    const pB = await makeBody(db, org, 'primary_organisation', dB, { name: 'Russian Diesel' });
    const works = await makeEnterprise(db, org, 5000, 'Skorokhod');
    Object.assign(t, { org, cc, city, dA, pA, shop, pA2, dB, pB, works });

    const sec = await makePerson(db, org, pA, { familyName: 'Kirov', givenName: 'Sergei', cardNumber: 'K-0000001' });
    await makeOffice(db, dA, sec, 'secretary');
    await makeOffice(db, pA, sec, 'organiser', { startsOn: '1925-01-01', endsOn: '1929-12-31' });
    const r = await makePerson(db, org, shop, { familyName: 'Petrov', givenName: 'Pyotr' });
    const secB = await makePerson(db, org, pB, { familyName: 'Zhdanov', givenName: 'Andrei' });
    await makeOffice(db, dB, secB, 'secretary');
    t.sec = sec;
    t.rank = r;
    t.secB = secB;
    // Members to find.
    t.ivanova = await makePerson(db, org, pA, { familyName: 'Ivanova', givenName: 'Anna', cardNumber: 'A-0001234' });
    await db.updateTable('person').set({ name_ru: 'Иванова Анна Петровна' }).where('id', '=', t.ivanova.id).execute();
    t.cand = await makePerson(db, org, shop, { familyName: 'Ivanchenko', givenName: 'Fyodor', status: 'candidate' });
    t.inA2 = await makePerson(db, org, pA2, { familyName: 'Ivashov', givenName: 'Boris' });
    t.inB = await makePerson(db, org, pB, { familyName: 'Ivanovsky', givenName: 'Grigory' });
    t.nonMember = await makePerson(db, org, pA, { familyName: 'Ivlev', givenName: 'Lev', status: 'non_member' });

    for (const [login, p] of [
      ['kirov', sec],
      ['petrov', r],
      ['zhdanov', secB],
    ] as const)
      await srv.services.auth.createAccount({ personId: p.id, login, password: PASSWORD });
    secretary = srv.client();
    rank = srv.client();
    otherSecretary = srv.client();
    expect((await secretary.login('kirov', PASSWORD)).status).toBe(200);
    expect((await rank.login('petrov', PASSWORD)).status).toBe(200);
    expect((await otherSecretary.login('zhdanov', PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await srv?.close();
  });

  describe('member lists', () => {
    it("lets the district secretary list the district's whole subtree (members and candidates)", async () => {
      const res = await secretary.get(`/api/bodies/${t.dA.id}/members?limit=200`);
      expect(res.status).toBe(200);
      const ids = res.body.items.map((p: Loose) => p.id);
      expect(ids).toEqual(expect.arrayContaining([t.sec.id, t.rank.id, t.ivanova.id, t.cand.id, t.inA2.id]));
      expect(ids).not.toContain(t.inB.id);
      expect(ids).not.toContain(t.nonMember.id);
      expect(res.body.total).toBe(ids.length);
      const nm = await secretary.get(`/api/bodies/${t.dA.id}/members?status=non_member`);
      expect(nm.body.items.map((p: Loose) => p.id)).toEqual([t.nonMember.id]);
    });

    it('searches by name prefix (Loose case, Latin or Cyrillic) and by exact card number', async () => {
      const byName = await secretary.get(`/api/bodies/${t.dA.id}/members?q=ivan`);
      expect(byName.body.items.map((p: Loose) => p.familyName).sort()).toEqual(['Ivanchenko', 'Ivanova']);
      const twoWords = await secretary.get(`/api/bodies/${t.dA.id}/members?q=${encodeURIComponent('Ivanova An')}`);
      expect(twoWords.body.items.map((p: Loose) => p.id)).toEqual([t.ivanova.id]);
      const cyr = await secretary.get(`/api/bodies/${t.dA.id}/members?q=${encodeURIComponent('ивАНова')}`);
      expect(cyr.body.items.map((p: Loose) => p.id)).toEqual([t.ivanova.id]);
      const cyrGiven = await secretary.get(`/api/bodies/${t.dA.id}/members?q=${encodeURIComponent('анна')}`);
      expect(cyrGiven.body.items.map((p: Loose) => p.id)).toContain(t.ivanova.id);
      const card = await secretary.get(`/api/bodies/${t.dA.id}/members?q=A-0001234`);
      expect(card.body.items.map((p: Loose) => p.id)).toEqual([t.ivanova.id]);
      const wild = await secretary.get(`/api/bodies/${t.dA.id}/members?q=%25`);
      expect(wild.body.total).toBe(0);
    });

    it('pages with limit and offset', async () => {
      const all = await secretary.get(`/api/bodies/${t.dA.id}/members`);
      const p1 = await secretary.get(`/api/bodies/${t.dA.id}/members?limit=2&offset=0`);
      const p2 = await secretary.get(`/api/bodies/${t.dA.id}/members?limit=2&offset=2`);
      expect(p1.body).toMatchObject({ limit: 2, offset: 0, total: all.body.total });
      expect([...p1.body.items, ...p2.body.items].map((p: Loose) => p.id)).toEqual(
        all.body.items.slice(0, 4).map((p: Loose) => p.id),
      );
      expect((await secretary.get(`/api/bodies/${t.dA.id}/members?limit=0`)).status).toBe(400);
    });

    it('lets a rank-and-file member list their own primary organisation and its shop cells', async () => {
      const own = await rank.get(`/api/bodies/${t.pA.id}/members`);
      expect(own.status).toBe(200);
      expect(own.body.items.map((p: Loose) => p.id)).toEqual(expect.arrayContaining([t.rank.id, t.ivanova.id]));
      expect((await rank.get(`/api/bodies/${t.shop.id}/members`)).status).toBe(200);
    });

    it("refuses a rank-and-file member another district's list, a neighbour organisation and the district (403 forbidden_scope)", async () => {
      for (const body of [t.pB, t.dB, t.pA2, t.dA]) {
        const res = await rank.get(`/api/bodies/${body.id}/members`);
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden_scope');
      }
    });

    it("refuses a district secretary another district's list", async () => {
      expect((await secretary.get(`/api/bodies/${t.pB.id}/members`)).status).toBe(403);
      expect((await otherSecretary.get(`/api/bodies/${t.pB.id}/members`)).status).toBe(200);
    });

    it('answers 404 for an unknown body and 401 when signed out', async () => {
      expect((await secretary.get(`/api/bodies/${uuidv7()}/members`)).status).toBe(404);
      const out = await srv.client().get(`/api/bodies/${t.pA.id}/members`);
      expect(out.status).toBe(401);
      expect(out.body.error.code).toBe('not_signed_in');
    });
  });

  describe('person page', () => {
    it('shows the registration, the primary organisation and offices, active first', async () => {
      const res = await secretary.get(`/api/persons/${t.sec.id}`);
      expect(res.status).toBe(200);
      expect(res.body.person).toMatchObject({
        id: t.sec.id,
        familyName: 'Kirov',
        status: 'member',
        cardNumber: 'K-0000001',
      });
      expect(res.body.body).toMatchObject({ id: t.pA.id, name: 'Skorokhod factory', path: t.pA.path });
      expect(res.body.primaryOrganisation).toMatchObject({ id: t.pA.id });
      expect(res.body.offices.map((o: Loose) => [o.title, o.bodyName, o.active])).toEqual([
        ['secretary', 'Moskovsky district', true],
        ['organiser', 'Skorokhod factory', false],
      ]);
      const shopMember = await secretary.get(`/api/persons/${t.rank.id}`);
      expect(shopMember.body.body.id).toBe(t.shop.id);
      expect(shopMember.body.primaryOrganisation.id).toBe(t.pA.id);
    });

    it('lets a member see themself and fellow members; refuses persons elsewhere', async () => {
      expect((await rank.get(`/api/persons/${t.rank.id}`)).status).toBe(200);
      expect((await rank.get(`/api/persons/${t.ivanova.id}`)).status).toBe(200);
      const res = await rank.get(`/api/persons/${t.inB.id}`);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden_scope');
      expect((await secretary.get(`/api/persons/${t.inB.id}`)).status).toBe(403);
    });

    it('answers 404 for an unknown person and 400 for a malformed id', async () => {
      const res = await secretary.get(`/api/persons/${uuidv7()}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('person_not_found');
      expect((await secretary.get('/api/persons/12345')).body.error.code).toBe('validation_failed');
    });
  });

  describe('search', () => {
    it("searches the actor's scopes only", async () => {
      const res = await secretary.get('/api/persons?q=iv');
      expect(res.status).toBe(200);
      const names = res.body.items.map((p: Loose) => p.familyName);
      expect(names).toEqual(expect.arrayContaining(['Ivanova', 'Ivanchenko', 'Ivashov', 'Ivlev']));
      expect(names).not.toContain('Ivanovsky');
      const other = await otherSecretary.get('/api/persons?q=iv');
      expect(other.body.items.map((p: Loose) => p.familyName)).toEqual(['Ivanovsky']);
    });

    it('lets a rank-and-file member search their own primary organisation only', async () => {
      const res = await rank.get('/api/persons?q=iv');
      const names = res.body.items.map((p: Loose) => p.familyName);
      expect(names).toEqual(expect.arrayContaining(['Ivanova', 'Ivanchenko']));
      expect(names).not.toContain('Ivashov');
      expect(names).not.toContain('Ivanovsky');
    });
  });

  describe('registration', () => {
    const input = (over: Record<string, unknown> = {}) => ({
      familyName: 'Smirnov',
      givenName: 'Nikolai',
      socialPosition: 'worker',
      status: 'member',
      bodyId: t.shop.id,
      cardNumber: `N-${Math.random().toString().slice(2, 10)}`,
      joinedOn: '1934-05-01',
      ...over,
    });

    it('registers a member within scope and writes an outbox event', async () => {
      const res = await secretary.post(
        '/api/persons',
        input({ nameRu: 'Смирнов Николай', enterpriseId: t.works.id, cardNumber: 'S-1' }),
      );
      expect(res.status).toBe(201);
      expect(res.body.person).toMatchObject({
        familyName: 'Smirnov',
        status: 'member',
        cardNumber: 'S-1',
        enterpriseName: 'Skorokhod',
      });
      expect(res.body.primaryOrganisation.id).toBe(t.pA.id);
      const ev = await srv.db
        .selectFrom('outbox')
        .select(['topic', 'payload'])
        .where('topic', '=', 'person.created')
        .execute();
      expect(ev.some((e) => (e.payload as Loose).personId === res.body.person.id)).toBe(true);
    });

    it('refuses a card number already held (409 card_number_taken) and writes nothing', async () => {
      const before = await countPersons();
      const res = await secretary.post('/api/persons', input({ cardNumber: 'A-0001234' }));
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('card_number_taken');
      expect(await countPersons()).toBe(before);
    });

    it('applies the status and card rules (422) and validates the input (400)', async () => {
      const before = await countPersons();
      expect((await secretary.post('/api/persons', input({ cardNumber: null }))).body.error.code).toBe(
        'card_number_required',
      );
      expect((await secretary.post('/api/persons', input({ status: 'non_member' }))).body.error.code).toBe(
        'card_number_not_allowed',
      );
      expect((await secretary.post('/api/persons', input({ bodyId: t.dA.id }))).body.error.code).toBe(
        'registration_body_invalid',
      );
      expect((await secretary.post('/api/persons', input({ joinedOn: '2999-01-01' }))).status).toBe(422);
      expect((await secretary.post('/api/persons', input({ socialPosition: 'kulak' }))).status).toBe(400);
      expect((await secretary.post('/api/persons', input({ familyName: '' }))).status).toBe(400);
      expect((await secretary.post('/api/persons', input({ enterpriseId: uuidv7() }))).body.error.code).toBe(
        'enterprise_not_found',
      );
      expect(await countPersons()).toBe(before);
      const cand = await secretary.post('/api/persons', input({ status: 'candidate', cardNumber: null }));
      expect(cand.status).toBe(201);
      expect(cand.body.person.candidateSince).toBe('1934-05-01');
    });

    it('refuses registration outside scope (403) and by a rank-and-file member', async () => {
      const before = await countPersons();
      expect((await secretary.post('/api/persons', input({ bodyId: t.pB.id }))).status).toBe(403);
      expect((await rank.post('/api/persons', input({ bodyId: t.pA.id }))).status).toBe(403);
      expect(await countPersons()).toBe(before);
    });
  });

  describe('corrections', () => {
    it('lets the secretary correct names, social position and workplace', async () => {
      const res = await secretary.patch(`/api/persons/${t.ivanova.id}`, {
        givenName: 'Anna-Maria',
        socialPosition: 'intelligentsia',
        enterpriseId: t.works.id,
      });
      expect(res.status).toBe(200);
      expect(res.body.person).toMatchObject({
        givenName: 'Anna-Maria',
        socialPosition: 'intelligentsia',
        enterpriseId: t.works.id,
      });
      const ev = await srv.db.selectFrom('outbox').select('payload').where('topic', '=', 'person.updated').execute();
      expect(ev.some((e) => (e.payload as Loose).personId === t.ivanova.id)).toBe(true);
    });

    it('refuses corrections outside scope, by a rank-and-file member, and empty or invalid patches', async () => {
      expect((await secretary.patch(`/api/persons/${t.inB.id}`, { givenName: 'X' })).status).toBe(403);
      expect((await rank.patch(`/api/persons/${t.ivanova.id}`, { givenName: 'X' })).status).toBe(403);
      expect((await secretary.patch(`/api/persons/${t.ivanova.id}`, {})).status).toBe(400);
      expect((await secretary.patch(`/api/persons/${t.ivanova.id}`, { status: 'member' })).status).toBe(400);
      expect((await secretary.patch(`/api/persons/${uuidv7()}`, { givenName: 'X' })).status).toBe(404);
      const row = await srv.db
        .selectFrom('person')
        .select('given_name')
        .where('id', '=', t.inB.id)
        .executeTakeFirstOrThrow();
      expect(row.given_name).not.toBe('X');
    });
  });
});
