// Namesakes can be told apart (issue 10, point 5): two "Tsvetkov Dmitrii" in different organisations are found by
// their full name in any word order, with the patronymic, and by card number; every list a person is chosen from
// (the person search, a body's members, the desk's participants, speakers, roles, candidates, recommenders) carries
// what tells them apart — patronymic, shop cell and organisation — and the card number only for those who may see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import { makeMeeting, type MadeMeeting } from '../support/assembly-factory.js';

const PASSWORD = 'correct horse battery';

describe.each(DB_KINDS)('namesakes on %s', (kind) => {
  let srv: TestServer;
  let districtSec: TestClient; // manages both namesakes' bodies: sees both cards
  let poSec: TestClient; // manages the works organisation only: sees the first one's card
  let fellow: TestClient; // a rank-and-file member of the works: sees no card
  let applicant: TestClient; // a non-member worker naming recommenders
  const ids: Record<string, string> = {};
  let meeting: MadeMeeting;

  const names = (items: Loose[]) => items.map((p: Loose) => `${p.familyName} ${p.givenName} ${p.patronymic}`).sort();
  const byId = (items: Loose[], id: string | undefined) => items.find((p: Loose) => p.id === id || p.personId === id);

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db);
    const cc = await makeBody(db, org, 'central_committee', null);
    const district = await makeBody(db, org, 'district_committee', cc);
    const works = await makeBody(db, org, 'primary_organisation', district);
    const cell = await makeBody(db, org, 'shop_cell', works);
    const factory = await makeBody(db, org, 'primary_organisation', district);
    ids.works = works.id;
    ids.district = district.id;
    const rename = (id: string, name: string, nameRu: string) =>
      db.updateTable('body').set({ name, name_ru: nameRu }).where('id', '=', id).execute();
    await rename(works.id, 'Red Putilovite works', 'Красный путиловец');
    await rename(cell.id, 'Rolling mill cell', 'Ячейка прокатного цеха');
    await rename(factory.id, 'Skorokhod factory', 'Фабрика «Скороход»');

    const namesake = async (body: { id: string }, card: string, patronymic: string, ru: string) => {
      const p = await makePerson(db, org, body, { familyName: 'Tsvetkov', givenName: 'Dmitrii', cardNumber: card });
      await db.updateTable('person').set({ patronymic, name_ru: ru }).where('id', '=', p.id).execute();
      return p.id;
    };
    ids.mill = await namesake(cell, 'NS-0001', 'Ivanovich', 'Цветков Дмитрий Иванович');
    ids.shoe = await namesake(factory, 'NS-0002', 'Petrovich', 'Цветков Дмитрий Петрович');

    const ds = await makePerson(db, org, district, { familyName: 'Kirov', givenName: 'Sergei' });
    await makeOffice(db, district, ds, 'secretary');
    const ps = await makePerson(db, org, works, { familyName: 'Zhdanov', givenName: 'Andrei' });
    await makeOffice(db, works, ps, 'secretary');
    const fm = await makePerson(db, org, works, { familyName: 'Orlov', givenName: 'Pavel' });
    const ap = await makePerson(db, org, null, { familyName: 'Sidorov', givenName: 'Ivan', status: 'non_member' });
    ids.poSec = ps.id;
    const accounts = [
      ['dsec', ds],
      ['posec', ps],
      ['fellow', fm],
      ['applicant', ap],
    ] as const;
    const clients: TestClient[] = [];
    for (const [login, person] of accounts) {
      await srv.services.auth.createAccount({ personId: person.id, login, password: PASSWORD });
      const c = srv.client();
      expect((await c.login(login, PASSWORD)).status).toBe(200);
      clients.push(c);
    }
    [districtSec, poSec, fellow, applicant] = clients as [TestClient, TestClient, TestClient, TestClient];

    // A district conference both namesakes attend; the works secretary keeps its desk (secretariat).
    meeting = await makeMeeting(db, {
      body: { id: district.id, organisationId: org.id },
      kind: 'conference',
      title: 'District conference',
      participants: [{ id: ids.mill }, { id: ids.shoe }, { id: ds.id }],
      present: [{ id: ids.mill }, { id: ids.shoe }, { id: ds.id }],
      roles: [{ person: { id: ps.id }, role: 'secretariat' }],
      open: true,
    });
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
  });

  const search = (c: TestClient, q: string) => c.get(`/api/persons?q=${encodeURIComponent(q)}`);

  it('finds namesakes by full name in any order, with the patronymic, in Cyrillic and by card number', async () => {
    const both = await search(districtSec, 'Tsvetkov Dmitrii');
    expect(both.status).toBe(200);
    expect(names(both.body.items)).toEqual(['Tsvetkov Dmitrii Ivanovich', 'Tsvetkov Dmitrii Petrovich']);
    expect(names((await search(districtSec, 'Dmitrii Tsvetkov')).body.items)).toHaveLength(2);
    const shoe = await search(districtSec, 'Dmitrii Tsvetkov Petrovich');
    expect(shoe.body.items.map((p: Loose) => p.id)).toEqual([ids.shoe]);
    const mill = await search(districtSec, 'Цветков Дмитрий Иванович');
    expect(mill.body.items.map((p: Loose) => p.id)).toEqual([ids.mill]);
    const card = await search(districtSec, 'NS-0002');
    expect(card.body.items.map((p: Loose) => p.id)).toEqual([ids.shoe]);
  });

  it('carries what tells them apart: shop cell and its organisation, or the organisation, and the cards', async () => {
    const items = (await search(districtSec, 'Dmitrii Tsvetkov')).body.items;
    expect(byId(items, ids.mill)).toMatchObject({
      patronymic: 'Ivanovich',
      nameRu: 'Цветков Дмитрий Иванович',
      bodyName: 'Rolling mill cell',
      bodyNameRu: 'Ячейка прокатного цеха',
      primaryName: 'Red Putilovite works',
      primaryNameRu: 'Красный путиловец',
      cardNumber: 'NS-0001',
    });
    expect(byId(items, ids.shoe)).toMatchObject({
      patronymic: 'Petrovich',
      bodyName: 'Skorokhod factory',
      primaryName: null,
      cardNumber: 'NS-0002',
    });
  });

  it('gives card numbers only to those who manage the person, and finds by card only there', async () => {
    const own = (await search(poSec, 'Tsvetkov Dmitrii')).body.items;
    expect(own.map((p: Loose) => [p.id, p.cardNumber])).toEqual([[ids.mill, 'NS-0001']]);
    expect((await search(poSec, 'NS-0002')).body.items).toEqual([]);

    const seen = (await search(fellow, 'Dmitrii Tsvetkov')).body.items;
    expect(seen.map((p: Loose) => [p.id, p.cardNumber, p.bodyName])).toEqual([[ids.mill, null, 'Rolling mill cell']]);
    expect((await search(fellow, 'NS-0001')).body.items).toEqual([]);
    const members = await fellow.get(`/api/bodies/${ids.works}/members?q=Tsvetkov`);
    expect(members.status).toBe(200);
    expect(members.body.items.map((p: Loose) => [p.id, p.cardNumber])).toEqual([[ids.mill, null]]);
    const managed = await poSec.get(`/api/bodies/${ids.works}/members?q=Tsvetkov`);
    expect(managed.body.items.map((p: Loose) => [p.id, p.cardNumber])).toEqual([[ids.mill, 'NS-0001']]);
    const person = await fellow.get(`/api/persons/${ids.mill}`);
    expect(person.status).toBe(200);
    expect(person.body.person.cardNumber).toBeNull();
  });

  it("the desk's participant list finds them by full name in any order and by card, telling them apart", async () => {
    const path = (q: string) => `/api/meetings/${meeting.id}/participants?q=${encodeURIComponent(q)}`;
    const both = await districtSec.get(path('Dmitrii Tsvetkov'));
    expect(both.status).toBe(200);
    expect(both.body.items).toHaveLength(2);
    expect(byId(both.body.items, ids.mill).person).toMatchObject({
      patronymic: 'Ivanovich',
      bodyName: 'Rolling mill cell',
      primaryName: 'Red Putilovite works',
      cardNumber: 'NS-0001',
    });
    expect(byId(both.body.items, ids.shoe).person).toMatchObject({
      patronymic: 'Petrovich',
      bodyName: 'Skorokhod factory',
      cardNumber: 'NS-0002',
    });
    const one = await districtSec.get(path('Tsvetkov Dmitrii Petrovich'));
    expect(one.body.items.map((p: Loose) => p.personId)).toEqual([ids.shoe]);
    const card = await districtSec.get(path('NS-0001'));
    expect(card.body.items.map((p: Loose) => p.personId)).toEqual([ids.mill]);

    // The works secretary at the desk: both listed and told apart, only the own organisation's card shown.
    const desk = await poSec.get(path('Tsvetkov'));
    expect(desk.status).toBe(200);
    expect(byId(desk.body.items, ids.mill).person.cardNumber).toBe('NS-0001');
    expect(byId(desk.body.items, ids.shoe).person).toMatchObject({ bodyName: 'Skorokhod factory', cardNumber: null });
    expect((await poSec.get(path('NS-0002'))).body.items).toEqual([]);
  });

  it('speakers, roles and candidates carry the distinguishing details', async () => {
    for (const personId of [ids.mill, ids.shoe])
      expect((await districtSec.post(`/api/meetings/${meeting.id}/floor`, { kind: 'speech', personId })).status).toBe(
        201,
      );
    const floor = await poSec.get(`/api/meetings/${meeting.id}/floor`);
    expect(floor.status).toBe(200);
    expect(byId(floor.body.items, ids.mill).person).toMatchObject({ bodyName: 'Rolling mill cell' });
    expect(byId(floor.body.items, ids.shoe).person).toMatchObject({
      bodyName: 'Skorokhod factory',
      cardNumber: null,
    });

    const roles = await districtSec.put(`/api/meetings/${meeting.id}/roles`, {
      roles: [
        { personId: ids.poSec, role: 'secretariat' },
        { personId: ids.shoe, role: 'presidium', how: 'elected' },
      ],
    });
    expect(roles.status).toBe(200);
    const presidium = roles.body.roles.find((r: Loose) => r.role === 'presidium');
    expect(presidium.person).toMatchObject({ id: ids.shoe, patronymic: 'Petrovich', bodyName: 'Skorokhod factory' });

    const election = await districtSec.post(`/api/meetings/${meeting.id}/elections`, {
      agendaItemId: meeting.items[0]!.id,
      title: 'Auditing commission',
      office: 'commission',
      seats: 1,
      ballot: 'open',
    });
    expect(election.status).toBe(201);
    const nominated = await districtSec.post(`/api/elections/${election.body.id}/candidates`, { personId: ids.shoe });
    expect(nominated.status).toBe(201);
    const listed = await poSec.get(`/api/meetings/${meeting.id}/elections`);
    const candidate = listed.body.items[0].candidates[0];
    expect(candidate.personId).toBe(ids.shoe);
    expect(candidate.person).toMatchObject({
      patronymic: 'Petrovich',
      bodyName: 'Skorokhod factory',
      cardNumber: null,
    });
  });

  it('recommenders are told apart without revealing cards to an applicant (a typed card is echoed)', async () => {
    const path = (q: string) => `/api/admission/recommenders?bodyId=${ids.works}&q=${encodeURIComponent(q)}`;
    const byName = await applicant.get(path('Dmitrii Tsvetkov'));
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((p: Loose) => [p.id, p.cardNumber, p.bodyName, p.primaryName])).toEqual([
      [ids.mill, null, 'Rolling mill cell', 'Red Putilovite works'],
    ]);
    const byCard = await applicant.get(path('NS-0001'));
    expect(byCard.body.items.map((p: Loose) => [p.id, p.cardNumber])).toEqual([[ids.mill, 'NS-0001']]);
  });

  it('recommenders: only for an applicant to the organisation and its managers, 3 letters, multi-word names, a rate', async () => {
    const path = (q: string, body = ids.works) =>
      `/api/admission/recommenders?bodyId=${body}&q=${encodeURIComponent(q)}`;
    const db = srv.db;
    const org = (
      await db.selectFrom('body').select('organisation_id').where('id', '=', ids.works!).executeTakeFirstOrThrow()
    ).organisation_id;
    const vb = await makePerson(
      db,
      { id: org },
      { id: ids.works! },
      { familyName: 'Bonch-Bruevich', givenName: 'Vladimir' },
    );
    await db
      .updateTable('person')
      .set({ name_ru: 'Бонч-Бруевич Владимир Дмитриевич' })
      .where('id', '=', vb.id)
      .execute();

    // a fellow member of the works is no applicant: no listing of its members
    const asFellow = await fellow.get(path('Tsvetkov'));
    expect(asFellow.status).toBe(403);
    expect(asFellow.body.error.code).toBe('recommender_search_not_open');
    // those who manage it may
    expect((await poSec.get(path('Tsvetkov'))).status).toBe(200);
    expect((await districtSec.get(path('Tsvetkov'))).status).toBe(200);

    // a few characters first
    for (const q of ['T', 'Ts', ' T s ', 'a a a', 'Dmitrii T']) {
      const r = await applicant.get(path(q));
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('search_too_short');
    }

    // every word of a multi-word name finds the member, in either script, in any order
    for (const q of ['Vladimir Bonch-Bruevich', 'Vladimir Bonch Bruevich', 'bruevich', 'Бонч Владимир', 'Бруевич']) {
      const r = await applicant.get(path(q));
      expect(r.status, q).toBe(200);
      expect(
        r.body.items.map((p: Loose) => p.id),
        q,
      ).toEqual([vb.id]);
    }
    const none = await applicant.get(path('Vladimir Tsvetkov'));
    expect(none.body.items).toEqual([]);
    // what choosing needs, not the card
    const hit = (await applicant.get(path('Bonch'))).body.items[0];
    expect(hit).toMatchObject({ familyName: 'Bonch-Bruevich', bodyName: 'Red Putilovite works', cardNumber: null });

    // the rate: an account that searches on and on is stopped (30 searches in ten minutes)
    let refused: Loose = null;
    for (let i = 0; i < 40 && !refused; i++) {
      const r = await applicant.get(path(`Tsv${'etkov'.slice(0, i % 5)}`));
      if (r.status === 429) refused = r;
      else expect(r.status).toBe(200);
    }
    expect(refused?.body.error.code).toBe('too_many_searches');
    // another account is not held up by it
    expect((await poSec.get(path('Tsvetkov'))).status).toBe(200);
  });
});
