// CSV import/export of members: a good file imports all rows in one go, a file with any bad row
// imports nothing and names every bad line; an export imports again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../support/db.js';
import { makeBody, makeOrganisation, makePerson, type MadeBody } from '../support/factories.js';
import { createServices, type Services } from '../../src/app/compose.js';
import { AppError } from '../../src/platform/errors.js';

const HEADER =
  'family_name,given_name,patronymic,name_ru,sex,birth_year,social_position,status,card_number,joined_on,body_id';

describe.each(DB_KINDS)('member exchange on %s', (kind) => {
  let db: TestDb;
  let s: Services;
  let po: MadeBody;
  let district: MadeBody;
  let cell: MadeBody;

  const count = async (bodyId: string) =>
    Number(
      (
        await db.db
          .selectFrom('person')
          .select(db.db.fn.countAll<number>().as('n'))
          .where('body_id', '=', bodyId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    db = await openTestDb(kind);
    s = createServices(db);
    const org = await makeOrganisation(db.db);
    const cc = await makeBody(db.db, org, 'central_committee', null);
    district = await makeBody(db.db, org, 'district_committee', cc, { name: 'Exchange district' });
    po = await makeBody(db.db, org, 'primary_organisation', district, { name: 'Exchange works' });
    cell = await makeBody(db.db, org, 'shop_cell', po, { name: 'Exchange foundry' });
    await makePerson(db.db, org, po, { cardNumber: 'T-0000012' });
  });
  afterAll(async () => db?.close());

  it('imports a good file entirely, using the default body for rows without body_id', async () => {
    const csv = [
      HEADER,
      `Kuznetsov,Ivan,Petrovich,Кузнецов Иван Петрович,m,1899,worker,member,X-1,1925-03-01,`,
      `Petrova,Anna,,,f,1905,employee,candidate,,1933-01-10,${cell.id}`,
      `"Smirnov, Jr",Oleg,,,m,,peasant,non_member,,,`,
    ].join('\n');
    const seen: string[] = [];
    const r = await s.exchange.importMembers(null, { csv, defaultBody: po.id, onProgress: (p) => seen.push(p.phase) });
    expect(r).toEqual({ imported: 3, rejected: [] });
    expect(seen).toContain('import');
    expect(await count(po.id)).toBe(3);
    expect(await count(cell.id)).toBe(1);
    const ivan = await db.db
      .selectFrom('person')
      .selectAll()
      .where('card_number', '=', 'X-1')
      .executeTakeFirstOrThrow();
    expect(ivan.name_ru).toBe('Кузнецов Иван Петрович');
    expect(ivan.birth_year).toBe(1899);
  });

  it('imports nothing from a file with a bad row, reporting every bad line with its reasons', async () => {
    const before = await count(po.id);
    const csv = [
      HEADER,
      `Good,Row,,,m,1900,worker,member,X-2,1930-01-01,${po.id}`,
      `Taken,Card,,,m,1900,worker,member,T-0000012,1930-01-01,${po.id}`,
      ``,
      `Bad,Status,,,m,1900,worker,boss,X-3,1930-01-01,${po.id}`,
      `No,Card,,,x,year,worker,member,,1930-01-01,${po.id}`,
      `Twice,Card,,,m,1900,worker,member,X-2,1930-01-01,${po.id}`,
      `Above,Primary,,,m,1900,worker,member,X-4,1930-01-01,${district.id}`,
    ].join('\n');
    const err = (await s.exchange.importMembers(null, { csv }).catch((e: unknown) => e)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('import_rejected');
    const rejected = (err.details as { rejected: { line: number; reasons: string[] }[] }).rejected;
    expect(rejected.map((r) => r.line)).toEqual([3, 5, 6, 7, 8]);
    expect(rejected[0]!.reasons).toEqual(['card_number T-0000012 already taken']);
    expect(rejected[1]!.reasons).toEqual(['status must be member, candidate, sympathiser or non_member']);
    expect(rejected[2]!.reasons).toEqual(
      expect.arrayContaining(['sex must be m or f (or empty)', 'birth_year must be a year such as 1901']),
    );
    expect(rejected[3]!.reasons).toEqual(['card_number X-2 also on line 2']);
    expect(rejected[4]!.reasons[0]).toMatch(/primary organisation/);
    expect(err.message).toMatch(/line 3: card_number T-0000012 already taken/);
    expect(await count(po.id)).toBe(before);
    expect(
      await db.db.selectFrom('person').select('id').where('card_number', '=', 'X-2').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('refuses a file whose header is wrong', async () => {
    const err = (await s.exchange
      .importMembers(null, { csv: 'name,status\nA,member\n' })
      .catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('file_unreadable');
    expect(err.message).toMatch(/missing columns: family_name, given_name, social_position/);
  });

  it('exports the same columns, and the export imports again (round trip)', async () => {
    let csv = '';
    const n = await s.exchange.exportMembers(null, { body: po.id, write: (c) => void (csv += c) });
    expect(n).toBe(4);
    expect(csv.split('\n')[0]).toBe(`${HEADER},candidate_since,dues_paid_through,monthly_earnings`);
    const rowsBefore = await db.db
      .selectFrom('person')
      .select([
        'family_name',
        'given_name',
        'patronymic',
        'name_ru',
        'sex',
        'birth_year',
        'social_position',
        'status',
        'card_number',
        'joined_on',
        'body_id',
      ])
      .where('body_id', 'in', [po.id, cell.id])
      .orderBy('family_name')
      .execute();
    await db.db.deleteFrom('person').where('body_id', 'in', [po.id, cell.id]).execute();
    const r = await s.exchange.importMembers(null, { csv });
    expect(r.imported).toBe(4);
    const rowsAfter = await db.db
      .selectFrom('person')
      .select([
        'family_name',
        'given_name',
        'patronymic',
        'name_ru',
        'sex',
        'birth_year',
        'social_position',
        'status',
        'card_number',
        'joined_on',
        'body_id',
      ])
      .where('body_id', 'in', [po.id, cell.id])
      .orderBy('family_name')
      .execute();
    expect(rowsAfter).toEqual(rowsBefore);
  });
});
