// Offices can be revoked (issue 11, point 1): only a manager of a body above the office's body ends or changes
// an office, never its holder nor a peer in the same committee; an office ended now confers nothing from now;
// extending a term is its own recorded act; nobody appoints themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson, type MadeBody } from '../support/factories.js';

const PASSWORD = 'correct horse battery';

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe.each(DB_KINDS)('ending and extending offices on %s', (kind) => {
  let srv: TestServer;
  let works: MadeBody;
  let district: MadeBody;
  const client: Record<string, TestClient> = {};
  const person: Record<string, string> = {};
  const office: Record<string, string> = {};

  const officeRow = (id: string) =>
    srv.db.selectFrom('office').select(['ends_on', 'ended_at']).where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db);
    const city = await makeBody(db, org, 'city_committee', null);
    district = await makeBody(db, org, 'district_committee', city);
    const bureau = await makeBody(db, org, 'bureau', district);
    works = await makeBody(db, org, 'primary_organisation', district);
    // the works' secretary is registered elsewhere, so only the office lets them list the works' members
    const staff = await makeBody(db, org, 'primary_organisation', district);
    const people: [string, MadeBody, MadeBody | null, string | null][] = [
      ['citysec', city, city, null],
      ['distsec', district, district, isoDay(24)],
      ['peer', district, bureau, null], // a secretary of the district's bureau: manages the district too
      ['posec', staff, works, null],
      ['member', works, null, null],
    ];
    for (const [name, home, officeIn, endsOn] of people) {
      const p = await makePerson(db, org, home, { familyName: name });
      person[name] = p.id;
      if (officeIn) office[name] = (await makeOffice(db, officeIn, p, 'secretary', { endsOn })).id;
      await srv.services.auth.createAccount({ personId: p.id, login: name, password: PASSWORD });
      client[name] = srv.client();
      expect((await client[name].login(name, PASSWORD)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('the holder can neither extend nor move the end of their own office', async () => {
    const before = await officeRow(office.distsec!);
    let r = await client.distsec!.post(`/api/offices/${office.distsec}/extend`, { endsOn: '2099-12-31' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('own_office_unchangeable');
    r = await client.distsec!.post(`/api/offices/${office.distsec}/end`, { endsOn: '2099-12-31' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('own_office_unchangeable');
    expect(await officeRow(office.distsec!)).toEqual(before);
  });

  it('a peer in the same committee may not end it; the committee above may not be bypassed', async () => {
    const r = await client.peer!.post(`/api/offices/${office.distsec}/end`, {});
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden_scope');
    // nor may the district's secretary end the peer's office in the district's own bureau
    const r2 = await client.distsec!.post(`/api/offices/${office.peer}/end`, {});
    expect(r2.status).toBe(403);
    expect((await officeRow(office.peer!)).ended_at).toBeNull();
  });

  it('the body page tells who may end or extend each office', async () => {
    const asCity = await client.citysec!.get(`/api/bodies/${district.id}`);
    expect(asCity.body.offices.find((o: Loose) => o.id === office.distsec).mayChange).toBe(true);
    const asHolder = await client.distsec!.get(`/api/bodies/${district.id}`);
    expect(asHolder.body.offices.find((o: Loose) => o.id === office.distsec).mayChange).toBe(false);
    const asDistrict = await client.distsec!.get(`/api/bodies/${works.id}`);
    expect(asDistrict.body.offices.find((o: Loose) => o.id === office.posec).mayChange).toBe(true);
  });

  it('nobody appoints themselves', async () => {
    const r = await client.distsec!.post(`/api/bodies/${works.id}/offices`, {
      personId: person.distsec,
      title: 'secretary',
      startsOn: isoDay(0),
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('own_office_assignment');
  });

  it('an office ended now confers nothing from now, and cannot be extended again', async () => {
    const members = `/api/bodies/${works.id}/members`;
    expect((await client.posec!.get(members)).status).toBe(200);
    const charge = { personId: person.member, chargedOn: isoDay(0), charge: 'Absent from three meetings' };

    const r = await client.distsec!.post(`/api/offices/${office.posec}/end`, { reason: 'Recalled by the bureau' });
    expect(r.status).toBe(200);
    expect(r.body.endsOn).toBe(isoDay(0));
    const row = await officeRow(office.posec!);
    expect(row.ended_at).not.toBeNull();

    // the same session, the same day: no scope left
    expect((await client.posec!.get(members)).status).toBe(403);
    const c = await client.posec!.post('/api/discipline/cases', charge);
    expect(c.status).toBe(403);
    expect((await client.posec!.get('/api/auth/me')).body.scopes).toEqual([]);
    const page = await client.distsec!.get(`/api/bodies/${works.id}`);
    expect(page.body.offices.map((o: Loose) => o.id)).not.toContain(office.posec);

    // nobody re-extends it, not even the committee above: a new term is a new appointment
    const again = await client.citysec!.post(`/api/offices/${office.posec}/extend`, { endsOn: '2099-12-31' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('office_already_ended');
    const end2 = await client.distsec!.post(`/api/offices/${office.posec}/end`, {});
    expect(end2.body.error.code).toBe('office_already_ended');
  });

  it('a peer cannot give back or double a managing office; the committee above can; a future office is cancelled', async () => {
    // the peer (a secretary of the district's bureau) re-appointing the district secretary to a longer term
    const restore = await client.peer!.post(`/api/bodies/${district.id}/offices`, {
      personId: person.distsec,
      title: 'secretary',
      startsOn: isoDay(0),
      endsOn: '2099-12-31',
    });
    expect(restore.status).toBe(403);
    // the city committee may appoint — and cancel at once an appointment that has not started yet
    const future = await client.citysec!.post(`/api/bodies/${works.id}/offices`, {
      personId: person.member,
      title: 'secretary',
      startsOn: isoDay(3),
    });
    expect(future.status).toBe(201);
    const cancel = await client.citysec!.post(`/api/offices/${future.body.id}/end`, {});
    expect(cancel.status).toBe(200);
    expect(cancel.body.endsOn).toBe(isoDay(3));
    expect((await officeRow(future.body.id)).ended_at).not.toBeNull();
  });

  it('an expelled or resigned holder keeps no scope from a party office', async () => {
    expect((await client.distsec!.get('/api/auth/me')).body.scopes).toHaveLength(1);
    const left = { status: 'non_member' as const, left_on: isoDay(0), left_reason: 'expelled' };
    await srv.db.updateTable('person').set(left).where('id', '=', person.distsec!).execute();
    try {
      expect((await client.distsec!.get('/api/auth/me')).body.scopes).toEqual([]);
      expect((await client.distsec!.get(`/api/bodies/${works.id}/members`)).status).toBe(403);
    } finally {
      const back = { status: 'member' as const, left_on: null, left_reason: null };
      await srv.db.updateTable('person').set(back).where('id', '=', person.distsec!).execute();
    }
  });

  it('extending is its own recorded act, only to a later day; ending cannot extend', async () => {
    const later = await client.citysec!.post(`/api/offices/${office.distsec}/end`, { endsOn: isoDay(400) });
    expect(later.status).toBe(400);
    expect(later.body.error.code).toBe('office_end_later_than_term');
    const earlier = await client.citysec!.post(`/api/offices/${office.distsec}/extend`, { endsOn: isoDay(10) });
    expect(earlier.status).toBe(400);
    expect(earlier.body.error.code).toBe('office_extension_not_later');

    const r = await client.citysec!.post(`/api/offices/${office.distsec}/extend`, {
      endsOn: isoDay(389),
      reason: 'Term extended by the city plenum',
    });
    expect(r.status).toBe(200);
    expect(r.body.endsOn).toBe(isoDay(389));
    expect((await officeRow(office.distsec!)).ends_on).toBe(isoDay(389));

    const history = await client.citysec!.get(`/api/persons/${person.distsec}/history`);
    const act = history.body.items.find((e: Loose) => e.process === 'office' && e.action === 'term_extended');
    expect(act).toMatchObject({
      fromState: isoDay(24),
      toState: isoDay(389),
      reason: 'Term extended by the city plenum',
    });

    // shortening to a later day keeps the office in force until then
    const shorten = await client.citysec!.post(`/api/offices/${office.distsec}/end`, { endsOn: isoDay(30) });
    expect(shorten.status).toBe(200);
    expect((await officeRow(office.distsec!)).ended_at).toBeNull();
    expect((await client.distsec!.get(`/api/bodies/${works.id}/members`)).status).toBe(200);
    const h2 = await client.citysec!.get(`/api/persons/${person.distsec}/history`);
    expect(h2.body.items.some((e: Loose) => e.process === 'office' && e.action === 'term_shortened')).toBe(true);
  });
});
