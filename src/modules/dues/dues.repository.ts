// SQL of dues: the register start, payments, accounts, arrears, roll-ups and the bulk demo seed.
import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type { DuesPaymentTable } from '../../platform/db/schema-dues.js';

export interface DuesPersonRow {
  id: string;
  organisation_id: string;
  status: string;
  body_id: string | null;
  body_path: string | null;
  joined_on: string | null;
  opening_through: string | null;
}

export async function personForDues(db: Executor, id: string): Promise<DuesPersonRow | undefined> {
  const { rows } = await sql<DuesPersonRow>`
    select p.id, p.organisation_id, p.status, p.body_id, b.path::text as body_path, p.joined_on::text as joined_on,
           a.opening_through::text as opening_through
    from person p left join body b on b.id = p.body_id left join dues_account a on a.person_id = p.id
    where p.id = ${id}`.execute(db);
  return rows[0];
}

/** Paths of bodies where the person holds an active treasurer office on `day`. */
export async function treasurerPaths(db: Executor, personId: string, day: string): Promise<string[]> {
  const { rows } = await sql<{ path: string }>`
    select b.path::text as path from office o join body b on b.id = o.body_id
    where o.person_id = ${personId} and o.title = 'treasurer' and o.ended_at is null and o.starts_on <= ${day}
      and (o.ends_on is null or o.ends_on >= ${day})`.execute(db);
  return rows.map((r) => r.path);
}

export async function registerStart(db: Executor, organisationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('dues_register')
    .select('start_month')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row?.start_month ?? null;
}

/** Creates the register at `startMonth` unless it exists. */
export async function ensureRegister(db: Executor, organisationId: string, startMonth: string): Promise<void> {
  await sql`insert into dues_register (organisation_id, start_month) values (${organisationId}, ${startMonth})
    on conflict (organisation_id) do nothing`.execute(db);
}

export async function paymentExists(db: Executor, personId: string, month: string): Promise<boolean> {
  const row = await db
    .selectFrom('dues_payment')
    .select('person_id')
    .where('person_id', '=', personId)
    .where('month', '=', month)
    .executeTakeFirst();
  return !!row;
}

export type NewPayment = Insertable<DuesPaymentTable>;

export async function insertPayment(db: Executor, p: NewPayment): Promise<void> {
  await db.insertInto('dues_payment').values(p).execute();
}

/** Adds a payment to its body's monthly total (the roll-up reads these). */
export async function addToBodyMonth(
  db: Executor,
  t: { month: string; bodyId: string; organisationId: string; amountMinor: number },
): Promise<void> {
  await sql`insert into dues_body_month (month, body_id, organisation_id, amount_minor, payments)
    values (${t.month}, ${t.bodyId}, ${t.organisationId}, ${t.amountMinor}, 1)
    on conflict (month, body_id) do update set amount_minor = dues_body_month.amount_minor + excluded.amount_minor,
      payments = dues_body_month.payments + 1`.execute(db);
}

/** Counts the payment on the member's account (created on first use). */
export async function countOnAccount(
  db: Executor,
  a: { personId: string; organisationId: string; month: string; earningsMinor: number },
): Promise<void> {
  await sql`insert into dues_account (person_id, organisation_id, paid_months, last_month, monthly_earnings_minor)
    values (${a.personId}, ${a.organisationId}, 1, ${a.month}, ${a.earningsMinor})
    on conflict (person_id) do update set
      paid_months = dues_account.paid_months + 1,
      monthly_earnings_minor = case when dues_account.last_month is null or excluded.last_month >= dues_account.last_month
        then excluded.monthly_earnings_minor else dues_account.monthly_earnings_minor end,
      last_month = greatest(dues_account.last_month, excluded.last_month)`.execute(db);
}

export interface PaymentRow {
  person_id: string;
  month: string;
  earnings_minor: number;
  amount_minor: number;
  paid_on: string;
  body_id: string;
  recorded_by: string | null;
}

export async function paymentsOf(db: Executor, personId: string): Promise<PaymentRow[]> {
  const { rows } = await sql<PaymentRow>`
    select person_id, month::text as month, earnings_minor, amount_minor, paid_on::text as paid_on, body_id, recorded_by
    from dues_payment where person_id = ${personId} order by month desc`.execute(db);
  return rows;
}

/** Payment months of many persons (for export). */
export async function paymentMonthsOf(db: Executor, ids: string[]): Promise<{ person_id: string; month: string }[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ person_id: string; month: string }>`
    select person_id, month::text as month from dues_payment where person_id = any(${ids}::uuid[])`.execute(db);
  return rows;
}

export interface AccountRow {
  person_id: string;
  opening_through: string | null;
  monthly_earnings_minor: number | null;
}

export async function accountsOf(db: Executor, ids: string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<AccountRow>`
    select person_id, opening_through::text as opening_through, monthly_earnings_minor
    from dues_account where person_id = any(${ids}::uuid[])`.execute(db);
  return rows;
}

/** Opening accounts of imported members (dues settled through a month, declared earnings). */
export async function insertAccounts(
  db: Executor,
  organisationId: string,
  rows: { personId: string; openingThrough: string | null; earningsMinor: number | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`insert into dues_account (person_id, organisation_id, opening_through, monthly_earnings_minor)
    select u.person_id, ${organisationId}::uuid, u.opening_through, u.earnings
    from unnest(${rows.map((r) => r.personId)}::uuid[], ${rows.map((r) => r.openingThrough)}::date[],
                ${rows.map((r) => r.earningsMinor)}::bigint[]) as u(person_id, opening_through, earnings)`.execute(db);
}

// --- arrears -----------------------------------------------------------------------------------------

/** Months owed up to the month before `current`: months due since the counted start minus months paid before `current`. */
function owedExpr(current: string) {
  return sql`(
    (extract(year from ${current}::date)::int * 12 + extract(month from ${current}::date)::int)
    - (extract(year from f.from_month)::int * 12 + extract(month from f.from_month)::int)
    - (coalesce(a.paid_months, 0) - case when a.last_month >= ${current}::date then 1 else 0 end))`;
}

function arrearsFrom(organisationId: string, rootPath: string, current: string) {
  return sql`
    from person p
    join body b on b.id = p.body_id
    join dues_register r on r.organisation_id = p.organisation_id
    left join dues_account a on a.person_id = p.id
    cross join lateral (select greatest(r.start_month, date_trunc('month', p.joined_on)::date,
                                        (a.opening_through + interval '1 month')::date) as from_month) f
    cross join lateral (select ${owedExpr(current)} as owed) o
    where p.organisation_id = ${organisationId} and b.path <@ ${rootPath}::ltree
      and p.status in ('member', 'candidate')`;
}

export interface ArrearsRow {
  id: string;
  family_name: string;
  given_name: string;
  name_ru: string | null;
  card_number: string | null;
  status: 'member' | 'candidate';
  body_id: string;
  body_name: string;
  body_name_ru: string | null;
  owed: number;
  last_month: string | null;
}

export async function arrearsPage(
  db: Executor,
  q: { organisationId: string; rootPath: string; current: string; limitMonths: number; limit: number; offset: number },
): Promise<{ rows: ArrearsRow[]; total: number }> {
  const from = arrearsFrom(q.organisationId, q.rootPath, q.current);
  // one pass over the subtree's members gives the page and the total (ADR 0019); a page past the end has no row to
  // carry the total, so only then is it counted apart
  const { rows } = await sql<ArrearsRow & { total: number }>`
    select p.id, p.family_name, p.given_name, p.name_ru, p.card_number, p.status, b.id as body_id, b.name as body_name,
           b.name_ru as body_name_ru, o.owed::int as owed, a.last_month::text as last_month, count(*) over ()::int as total
    ${from} and o.owed > ${q.limitMonths}
    order by o.owed desc, p.family_name, p.id
    limit ${q.limit} offset ${q.offset}`.execute(db);
  if (rows.length > 0) return { rows: rows.map(({ total: _total, ...r }) => r), total: Number(rows[0]!.total) };
  if (q.offset === 0) return { rows: [], total: 0 };
  const { rows: c } = await sql<{ n: number }>`select count(*)::int as n ${from} and o.owed > ${q.limitMonths}`.execute(
    db,
  );
  return { rows: [], total: Number(c[0]?.n ?? 0) };
}

// --- roll-up -----------------------------------------------------------------------------------------

/**
 * Dues collected in a month in a subtree, grouped by the child of the root each body lies under (key = the
 * root's own path for payments of persons registered in the root itself). One SQL over the per-body monthly
 * totals: at most one row per body of the subtree.
 */
export async function rollup(
  db: Executor,
  q: { rootPath: string; month: string },
): Promise<{ key: string; amount: number; payments: number }[]> {
  const depth = q.rootPath.split('.').length;
  const { rows } = await sql<{ key: string; amount: number; payments: number }>`
    select (case when nlevel(b.path) > ${depth} then subpath(b.path, 0, ${depth + 1}) else b.path end)::text as key,
           coalesce(sum(t.amount_minor), 0)::bigint as amount, coalesce(sum(t.payments), 0)::int as payments
    from body b join dues_body_month t on t.body_id = b.id and t.month = ${q.month}
    where b.path <@ ${q.rootPath}::ltree
    group by 1`.execute(db);
  return rows.map((r) => ({ key: r.key, amount: Number(r.amount), payments: Number(r.payments) }));
}

export async function bodyWithChildren(db: Executor, id: string) {
  const { rows } = await sql<{
    id: string;
    organisation_id: string;
    parent_id: string | null;
    path: string;
    name: string;
    name_ru: string | null;
    kind: string;
  }>`select id, organisation_id, parent_id, path::text as path, name, name_ru, kind from body
     where id = ${id} or parent_id = ${id} order by name, id`.execute(db);
  return rows;
}

// --- demo seed ---------------------------------------------------------------------------------------

/**
 * Bulk seed (one statement): for every member and candidate of the organisation, a payment for each month of
 * `months` from the month they joined, except a deterministic few percent in arrears. `quotes` gives, per
 * month and earnings level k, the earnings and the exact amount the scale in force computes.
 */
export async function seedPayments(
  db: Executor,
  organisationId: string,
  months: string[],
  quotes: { month: string; k: number; earnings: number; amount: number }[],
  levels: number,
): Promise<number> {
  const last = months[months.length - 1]!;
  // One statement: the payments, then each member's account and each body's monthly totals from the inserted rows
  // (no second pass over the table).
  const { rows } = await sql<{ n: number }>`
    with ins as (
      insert into dues_payment (organisation_id, person_id, month, body_id, earnings_minor, amount_minor, paid_on,
                                recorded_by)
      select p.organisation_id, p.id, q.month, p.body_id, q.earnings, q.amount, q.month + 9, null
      from (select p.id, p.organisation_id, p.body_id, p.joined_on,
                   abs(hashtext(coalesce(p.card_number, p.family_name || ' ' || p.given_name || p.id::text))) as h
            from person p where p.organisation_id = ${organisationId} and p.status in ('member', 'candidate')
              and p.body_id is not null) p
      join unnest(${quotes.map((q) => q.month)}::date[], ${quotes.map((q) => q.k)}::int[],
                  ${quotes.map((q) => q.earnings)}::bigint[], ${quotes.map((q) => q.amount)}::bigint[])
        as q(month, k, earnings, amount) on q.k = p.h % ${levels}
      where (p.joined_on is null or q.month >= date_trunc('month', p.joined_on)::date)
        -- about 3% stop paying 4 to 9 months before the end (past the limit); about 2% miss the last month only
        and not (p.h % 100 < 3 and q.month > ${last}::date - make_interval(months => (4 + (p.h / 100) % 6)::int))
        and not (p.h % 100 between 3 and 4 and q.month = ${last}::date)
      returning person_id, month, body_id, earnings_minor, amount_minor
    ),
    acc as (
      insert into dues_account (person_id, organisation_id, paid_months, last_month, monthly_earnings_minor)
      select person_id, ${organisationId}::uuid, count(*), max(month), max(earnings_minor) from ins group by person_id
      on conflict (person_id) do nothing
    ),
    tot as (
      insert into dues_body_month (month, body_id, organisation_id, amount_minor, payments)
      select month, body_id, ${organisationId}::uuid, sum(amount_minor), count(*) from ins group by month, body_id
      on conflict (month, body_id) do update set amount_minor = dues_body_month.amount_minor + excluded.amount_minor,
        payments = dues_body_month.payments + excluded.payments
    )
    select count(*)::int as n from ins`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function writeOutbox(db: Executor, topic: string, payload: unknown): Promise<void> {
  await db
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload) })
    .execute();
}
