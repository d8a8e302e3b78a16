// The months a member owes are computed twice: in SQL for the arrears worklist (dues.repository.ts, from the
// account's paid-month count and last month) and in TypeScript for a member's register (rules/months.ts, from the
// payments themselves). A property test: for generated payment histories, stored through the same repository
// writes as a recorded payment, the worklist lists exactly the members the rules flag, with the same months owed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { DB_KINDS, openTestDb, type TestDb } from '../support/db.js';
import { makeBody, makeOrganisation, makePerson, type MadeBody } from '../support/factories.js';
import * as repo from '../../src/modules/dues/dues.repository.js';
import {
  addMonths,
  countedFrom,
  firstDay,
  monthIndex,
  monthOfIndex,
  monthsOwed,
  pastArrearsLimit,
} from '../../src/modules/dues/rules/months.js';

/** One member's history, in months relative to the current month (0 = current, -1 = last month, …). */
interface MemberCase {
  status: 'member' | 'candidate';
  joined: number | null;
  joinedDay: number;
  opening: number | null;
  /** Which of the months the rules allow paying for (countedFrom … current) were paid, as a bit pattern. */
  paidBits: boolean[];
}

interface Case {
  current: number; // month index of the current month
  registerStart: number; // relative
  limit: number;
  members: MemberCase[];
}

const member: fc.Arbitrary<MemberCase> = fc.record({
  status: fc.constantFrom('member' as const, 'candidate' as const),
  joined: fc.option(fc.integer({ min: -40, max: 0 }), { nil: null, freq: 6 }),
  joinedDay: fc.integer({ min: 1, max: 28 }),
  opening: fc.option(fc.integer({ min: -40, max: 1 }), { nil: null, freq: 2 }),
  paidBits: fc.array(fc.boolean(), { minLength: 0, maxLength: 41 }),
});

const cases: fc.Arbitrary<Case> = fc.record({
  current: fc.integer({ min: monthIndex('2020-01'), max: monthIndex('2030-12') }),
  registerStart: fc.integer({ min: -36, max: 0 }),
  limit: fc.integer({ min: 0, max: 6 }),
  members: fc.array(member, { minLength: 1, maxLength: 4 }),
});

describe.each(DB_KINDS)('arrears: the SQL worklist and the TypeScript rules agree on %s', (kind) => {
  let h: TestDb;
  let org: { id: string };
  let root: MadeBody;
  beforeAll(async () => {
    h = await openTestDb(kind);
    org = await makeOrganisation(h.db);
    root = await makeBody(h.db, org, 'central_committee', null);
  });
  afterAll(async () => h?.close());

  it('lists exactly the members past the limit, with the months owed the rules count', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const db = h.db;
        const current = monthOfIndex(c.current);
        const rel = (n: number) => addMonths(current, n);
        const start = firstDay(rel(c.registerStart));
        await sql`delete from dues_register where organisation_id = ${org.id}`.execute(db);
        await repo.ensureRegister(db, org.id, start);
        // each run in a body of its own: the worklist is read over its subtree only
        const body = await makeBody(db, org, 'primary_organisation', root);
        const expected: { id: string; owed: number }[] = [];
        for (const m of c.members) {
          const joinedOn = m.joined === null ? null : `${rel(m.joined)}-${String(m.joinedDay).padStart(2, '0')}`;
          const p = await makePerson(db, org, body, {
            status: m.status,
            ...(joinedOn ? { joinedOn } : {}),
            cardNumber: null,
          });
          if (joinedOn === null) await sql`update person set joined_on = null where id = ${p.id}`.execute(db);
          const openingThrough = m.opening === null ? null : firstDay(rel(m.opening));
          if (openingThrough)
            await repo.insertAccounts(db, org.id, [{ personId: p.id, openingThrough, earningsMinor: null }]);
          const from = countedFrom({ joinedOn, registerStart: start, openingThrough });
          // payments only for months the service accepts: from countedFrom up to the current month
          const paid: string[] = [];
          if (from) {
            for (let i = monthIndex(from), k = 0; i <= c.current && k < m.paidBits.length; i++, k++) {
              if (m.paidBits[k]) paid.push(monthOfIndex(i));
            }
          }
          for (const month of paid) {
            await repo.insertPayment(db, {
              organisation_id: org.id,
              person_id: p.id,
              month: firstDay(month),
              body_id: body.id,
              earnings_minor: 100_00,
              amount_minor: 1_00,
              paid_on: firstDay(current),
              recorded_by: null,
            });
            await repo.countOnAccount(db, {
              personId: p.id,
              organisationId: org.id,
              month: firstDay(month),
              earningsMinor: 100_00,
            });
          }
          const owed = monthsOwed(from, paid, current).length;
          if (pastArrearsLimit(owed, c.limit)) expected.push({ id: p.id, owed });
        }
        const { rows, total } = await repo.arrearsPage(db, {
          organisationId: org.id,
          rootPath: body.path,
          current: firstDay(current),
          limitMonths: c.limit,
          limit: 100,
          offset: 0,
        });
        const got = rows.map((r) => ({ id: r.id, owed: Number(r.owed) }));
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        expect(got.sort(byId)).toEqual(expected.sort(byId));
        expect(total).toBe(expected.length);
      }),
      { numRuns: 30 },
    );
  });
});
