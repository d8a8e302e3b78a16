// CSV exchange carrying status, candidate_since and dues: export, delete, import, export again (round trip),
// and line-numbered rejections of bad status and dues cells with nothing imported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { DB_KINDS } from '../support/db.js';
import { createTestServer, type Loose, type TestClient, type TestServer } from '../support/http.js';
import { makeBody, makeOffice, makeOrganisation, makePerson } from '../support/factories.js';
import { AppError } from '../../src/platform/errors.js';

const PASSWORD = 'correct horse battery';

describe.each(DB_KINDS)('member exchange with status and dues on %s', (kind) => {
  let srv: TestServer;
  const t: Record<string, Loose> = {};
  let sec: TestClient;

  const exportCsv = async () => {
    let csv = '';
    await srv.services.exchange.exportMembers(null, { body: t.po.id, write: (c) => void (csv += c) });
    return csv;
  };
  const rows = (csv: string) =>
    (parse(csv, { columns: true }) as Record<string, string>[]).sort((a, b) =>
      a.family_name!.localeCompare(b.family_name!),
    );

  beforeAll(async () => {
    srv = await createTestServer(kind);
    const db = srv.db;
    const org = await makeOrganisation(db);
    const cc = await makeBody(db, org, 'central_committee', null);
    const district = await makeBody(db, org, 'district_committee', cc);
    const po = await makeBody(db, org, 'primary_organisation', district);
    const s = await makePerson(db, org, district, { familyName: 'Zsecretary', status: 'non_member', cardNumber: null });
    await makeOffice(db, district, s, 'secretary');
    const a = await makePerson(db, org, po, { familyName: 'Aksenov', cardNumber: 'A-1' });
    const b = await makePerson(db, org, po, { familyName: 'Belov', status: 'candidate' });
    await makePerson(db, org, po, { familyName: 'Chernov', status: 'sympathiser', cardNumber: null });
    Object.assign(t, { po, a, b });
    await srv.services.auth.createAccount({ personId: s.id, login: 'sec', password: PASSWORD });
    sec = srv.client();
    expect((await sec.login('sec', PASSWORD)).status).toBe(200);
    for (const month of ['2026-01', '2026-02'])
      expect(
        (
          await sec.post('/api/dues/payments', {
            personId: a.id,
            month,
            earnings: '120',
            amount: '1.20',
            paidOn: `${month}-05`,
          })
        ).status,
      ).toBe(201);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('exports status, candidate_since and dues', async () => {
    const r = rows(await exportCsv());
    expect(r.map((x) => [x.family_name, x.status, x.candidate_since, x.dues_paid_through, x.monthly_earnings])).toEqual(
      [
        ['Aksenov', 'member', '', '2026-02', '120.00'],
        ['Belov', 'candidate', '1933-01-01', '2025-12', ''],
        ['Chernov', 'sympathiser', '', '', ''],
      ],
    );
  });

  it('imports the export again with the same status and dues (round trip)', async () => {
    const first = await exportCsv();
    const ids = (await srv.db.selectFrom('person').select('id').where('body_id', '=', t.po.id).execute()).map(
      (p) => p.id,
    );
    await srv.db.deleteFrom('audit_event').where('subject_person_id', 'in', ids).execute();
    await srv.db.deleteFrom('dues_payment').where('person_id', 'in', ids).execute();
    await srv.db.deleteFrom('dues_account').where('person_id', 'in', ids).execute();
    await srv.db.deleteFrom('person').where('id', 'in', ids).execute();
    const report = await srv.services.exchange.importMembers(null, { csv: first });
    expect(report.imported).toBe(3);
    expect(rows(await exportCsv())).toEqual(rows(first));
  });

  it('rejects bad status and dues cells with line numbers, importing nothing', async () => {
    const before = (await srv.db.selectFrom('person').select('id').execute()).length;
    const csv = [
      'family_name,given_name,social_position,status,card_number,body_id,candidate_since,dues_paid_through,monthly_earnings',
      `Good,One,worker,member,G-1,${t.po.id},,2026-01,150`,
      `Bad,Month,worker,member,G-2,${t.po.id},,2026-13,150`,
      `Bad,Money,worker,candidate,,${t.po.id},2025-01-01,,15.999`,
      `Non,Member,worker,non_member,,${t.po.id},,2026-01,`,
    ].join('\n');
    const err = (await srv.services.exchange.importMembers(null, { csv }).catch((e: unknown) => e)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('import_rejected');
    const rejected = (err.details as { rejected: { line: number; reasons: string[] }[] }).rejected;
    expect(rejected.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(rejected[0]!.reasons[0]).toMatch(/dues_paid_through must be a month/);
    expect(rejected[1]!.reasons[0]).toMatch(/monthly_earnings must be an amount/);
    expect(rejected[2]!.reasons).toContain('dues_paid_through must be empty unless status is member or candidate');
    expect((await srv.db.selectFrom('person').select('id').execute()).length).toBe(before);
  });
});
