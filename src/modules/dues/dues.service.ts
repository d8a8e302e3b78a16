// Dues use cases: the scale's quote, recording a payment, a member's register and arrears, the arrears
// worklist of a subtree, the monthly roll-up per body, and the bulk demo seed.
// Register start (decision): each organisation has one `dues_register.start_month`, set by the first payment
// recorded in it (that payment's month) or by the demo seed; arrears are counted from the latest of that
// month, the month the member joined, and the month after dues settled before the register (CSV import).
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import type {
  ArrearsPage,
  ArrearsQuery,
  DuesPayment,
  DuesQuote,
  DuesRollup,
  PersonDues,
  RecordPaymentInput,
  RollupQuery,
} from '../../contracts/dues.js';
import type { RecordsService } from '../records/records.service.js';
import { DuesErrors } from './dues.errors.js';
import {
  assertCanRecordPayment,
  assertCanViewBodyDues,
  assertCanViewPersonDues,
  canRecordPayment,
} from './dues.policy.js';
import { bandFor, duesAmount } from './rules/scale.js';
import { formatMoney, parseMoney } from './rules/money.js';
import {
  addMonths,
  countedFrom,
  firstDay,
  lastDay,
  monthOf,
  monthsOwed,
  paidThrough,
  pastArrearsLimit,
} from './rules/months.js';
import { paymentProblem } from './rules/payment.js';
import * as repo from './dues.repository.js';
import type { StatuteSource } from '../statute/statute.service.js';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === '23505';
}

function toPayment(r: repo.PaymentRow): DuesPayment {
  return {
    id: `${r.person_id}:${monthOf(r.month)}`,
    personId: r.person_id,
    month: monthOf(r.month),
    earnings: formatMoney(r.earnings_minor),
    amount: formatMoney(r.amount_minor),
    paidOn: r.paid_on,
    bodyId: r.body_id,
    recordedBy: r.recorded_by,
  };
}

/** Members and candidates pay dues; a sympathiser or a non-member does not. */
function paysDues(status: string): boolean {
  return status === 'member' || status === 'candidate';
}

export class DuesService {
  constructor(
    private readonly db: Database,
    private readonly statute: StatuteSource,
    private readonly records: RecordsService,
  ) {}

  /** `PersonDetail.can.recordPayment` (ADR 0026): the check `recordPayment` makes, on the same facts. */
  async personCan(actor: Actor, p: { bodyPath: string | null; status: string }): Promise<{ recordPayment: boolean }> {
    if (!p.bodyPath || !paysDues(p.status)) return { recordPayment: false };
    const treasurer = await repo.treasurerPaths(this.db, actor.personId, today());
    return { recordPayment: canRecordPayment(actor, p.bodyPath, treasurer) };
  }

  /** The scale of the statute in force in a month (its last day) applied to earnings. */
  async quote(actor: Actor, month: string, earnings: string): Promise<DuesQuote> {
    const rules = await this.statute.rules(actor.organisationId, lastDay(month));
    const e = parseMoney(earnings);
    return {
      month,
      earnings: formatMoney(e),
      percent: bandFor(rules.membership.dues.bands, e).percent,
      amount: formatMoney(duesAmount(rules.membership.dues.bands, e)),
      currency: rules.membership.dues.currency,
    };
  }

  /** Records one month's dues of a member. Refuses a wrong amount (422) and a second payment for the month (409). */
  async recordPayment(actor: Actor, input: RecordPaymentInput): Promise<DuesPayment> {
    const p = await repo.personForDues(this.db, input.personId);
    if (!p || p.organisation_id !== actor.organisationId) throw DuesErrors.person_not_found({ id: input.personId });
    const day = today();
    if (!paysDues(p.status)) throw DuesErrors.dues_not_a_member();
    if (!p.body_id || !p.body_path) throw DuesErrors.dues_not_registered();
    assertCanRecordPayment(actor, p.body_path, await repo.treasurerPaths(this.db, actor.personId, day));
    const rules = await this.statute.rules(actor.organisationId, lastDay(input.month));
    const earnings = parseMoney(input.earnings);
    const expected = duesAmount(rules.membership.dues.bands, earnings);
    const paid = parseMoney(input.amount);
    if (paid !== expected)
      throw DuesErrors.dues_amount_mismatch({
        expected: formatMoney(expected),
        paid: formatMoney(paid),
        percent: bandFor(rules.membership.dues.bands, earnings).percent,
      });
    await this.db.transaction().execute(async (trx) => {
      await repo.ensureRegister(trx, actor.organisationId, firstDay(input.month));
      const start = await repo.registerStart(trx, actor.organisationId);
      const problem = paymentProblem({
        personStatus: p.status,
        month: input.month,
        paidOn: input.paidOn,
        today: day,
        countedFrom: countedFrom({ joinedOn: p.joined_on, registerStart: start, openingThrough: p.opening_through }),
      });
      if (problem) throw DuesErrors[problem]({ month: input.month });
      if (await repo.paymentExists(trx, p.id, firstDay(input.month)))
        throw DuesErrors.dues_already_paid({ personId: p.id, month: input.month });
      try {
        await repo.insertPayment(trx, {
          organisation_id: actor.organisationId,
          person_id: p.id,
          month: firstDay(input.month),
          body_id: p.body_id!,
          earnings_minor: earnings,
          amount_minor: paid,
          paid_on: input.paidOn,
          recorded_by: actor.personId,
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw DuesErrors.dues_already_paid({ personId: p.id, month: input.month });
        throw e;
      }
      await repo.addToBodyMonth(trx, {
        month: firstDay(input.month),
        bodyId: p.body_id!,
        organisationId: actor.organisationId,
        amountMinor: paid,
      });
      await repo.countOnAccount(trx, {
        personId: p.id,
        organisationId: actor.organisationId,
        month: firstDay(input.month),
        earningsMinor: earnings,
      });
      await this.records.audit(trx, {
        organisationId: actor.organisationId,
        subjectPersonId: p.id,
        actor,
        effectiveOn: input.paidOn,
        process: 'dues',
        entityId: p.id,
        action: 'dues.paid',
        details: { month: input.month, earnings: formatMoney(earnings), amount: formatMoney(paid) },
      });
      await repo.writeOutbox(trx, 'dues.paid', { personId: p.id, month: input.month, amount: formatMoney(paid) });
    });
    return {
      id: `${p.id}:${input.month}`,
      personId: p.id,
      month: input.month,
      earnings: formatMoney(earnings),
      amount: formatMoney(paid),
      paidOn: input.paidOn,
      bodyId: p.body_id,
      recordedBy: actor.personId,
    };
  }

  /** A member's register and months owed; the member themself and whoever manages their body. */
  async personDues(actor: Actor, personId: string): Promise<PersonDues> {
    const p = await repo.personForDues(this.db, personId);
    if (!p || p.organisation_id !== actor.organisationId) throw DuesErrors.person_not_found({ id: personId });
    assertCanViewPersonDues(
      actor,
      { id: p.id, bodyPath: p.body_path },
      await repo.treasurerPaths(this.db, actor.personId, today()),
    );
    const rules = await this.statute.rules(actor.organisationId);
    const [payments, start] = await Promise.all([
      repo.paymentsOf(this.db, p.id),
      repo.registerStart(this.db, p.organisation_id),
    ]);
    const isMember = p.status === 'member' || p.status === 'candidate';
    const from = isMember
      ? countedFrom({ joinedOn: p.joined_on, registerStart: start, openingThrough: p.opening_through })
      : null;
    const owed = monthsOwed(
      from,
      payments.map((r) => r.month),
      monthOf(today()),
    );
    const limit = rules.membership.dues.arrearsLimitMonths;
    return {
      personId: p.id,
      currency: rules.membership.dues.currency,
      countedFrom: from,
      payments: payments.map(toPayment),
      monthsOwed: owed,
      arrearsLimitMonths: limit,
      flagged: pastArrearsLimit(owed.length, limit),
    };
  }

  /** Members and candidates of a subtree in arrears past the statute's limit, most months owed first. */
  async arrears(actor: Actor, q: ArrearsQuery): Promise<ArrearsPage> {
    const body = await this.body(actor, q.bodyId);
    assertCanViewBodyDues(actor, body.path, await repo.treasurerPaths(this.db, actor.personId, today()));
    return this.arrearsOf(actor.organisationId, body.path, q.limit, q.offset);
  }

  /** The arrears worklist without a policy check (benchmarks, CLI operator). */
  async arrearsOf(organisationId: string, rootPath: string, limit: number, offset: number): Promise<ArrearsPage> {
    const rules = await this.statute.rules(organisationId);
    const limitMonths = rules.membership.dues.arrearsLimitMonths;
    const { rows, total } = await repo.arrearsPage(this.db, {
      organisationId,
      rootPath,
      current: firstDay(monthOf(today())),
      limitMonths,
      limit,
      offset,
    });
    return {
      items: rows.map((r) => ({
        personId: r.id,
        familyName: r.family_name,
        givenName: r.given_name,
        nameRu: r.name_ru,
        cardNumber: r.card_number,
        status: r.status,
        bodyId: r.body_id,
        bodyName: r.body_name,
        bodyNameRu: r.body_name_ru,
        monthsOwed: Number(r.owed),
        lastPaidMonth: r.last_month ? monthOf(r.last_month) : null,
      })),
      total,
      limit,
      offset,
      arrearsLimitMonths: limitMonths,
    };
  }

  /** Dues collected in a month: the body's subtree total, its own members' share, and each child's subtree total. */
  async rollup(actor: Actor, q: RollupQuery): Promise<DuesRollup> {
    const body = await this.body(actor, q.bodyId);
    assertCanViewBodyDues(actor, body.path, await repo.treasurerPaths(this.db, actor.personId, today()));
    return this.rollupOf(q.bodyId, q.month);
  }

  /** The roll-up without a policy check (benchmarks). */
  async rollupOf(bodyId: string, month: string): Promise<DuesRollup> {
    const rows = await repo.bodyWithChildren(this.db, bodyId);
    const root = rows.find((r) => r.id === bodyId);
    if (!root) throw DuesErrors.body_not_found({ id: bodyId });
    const rules = await this.statute.rules(root.organisation_id, lastDay(month));
    const groups = await repo.rollup(this.db, {
      rootPath: root.path,
      month: firstDay(month),
    });
    const by = new Map(groups.map((g) => [g.key, g]));
    let amount = 0;
    let payments = 0;
    for (const g of groups) {
      amount += g.amount;
      payments += g.payments;
    }
    const own = by.get(root.path);
    const row = (b: (typeof rows)[number], a: number, n: number) => ({
      bodyId: b.id,
      name: b.name,
      nameRu: b.name_ru,
      kind: b.kind,
      amount: formatMoney(a),
      payments: n,
    });
    return {
      month,
      currency: rules.membership.dues.currency,
      total: row(root, amount, payments),
      own: { amount: formatMoney(own?.amount ?? 0), payments: own?.payments ?? 0 },
      children: rows
        .filter((r) => r.id !== bodyId)
        .map((c) => row(c, by.get(c.path)?.amount ?? 0, by.get(c.path)?.payments ?? 0)),
    };
  }

  /** For CSV export: dues settled through and last declared earnings of a page of persons. */
  async exchangeFacts(
    organisationId: string,
    persons: { id: string; status: string; joinedOn: string | null }[],
  ): Promise<Map<string, { paidThrough: string | null; earnings: string | null }>> {
    const ids = persons.map((p) => p.id);
    const [start, months, accounts] = await Promise.all([
      repo.registerStart(this.db, organisationId),
      repo.paymentMonthsOf(this.db, ids),
      repo.accountsOf(this.db, ids),
    ]);
    const paid = new Map<string, string[]>();
    for (const m of months) (paid.get(m.person_id) ?? paid.set(m.person_id, []).get(m.person_id)!).push(m.month);
    const acc = new Map(accounts.map((a) => [a.person_id, a]));
    const current = monthOf(today());
    const out = new Map<string, { paidThrough: string | null; earnings: string | null }>();
    for (const p of persons) {
      const a = acc.get(p.id);
      const member = p.status === 'member' || p.status === 'candidate';
      const from = member
        ? countedFrom({ joinedOn: p.joinedOn, registerStart: start, openingThrough: a?.opening_through ?? null })
        : null;
      const through =
        from !== null
          ? paidThrough(from, paid.get(p.id) ?? [], current)
          : a?.opening_through
            ? monthOf(a.opening_through)
            : null;
      out.set(p.id, {
        paidThrough: through,
        earnings: a?.monthly_earnings_minor != null ? formatMoney(a.monthly_earnings_minor) : null,
      });
    }
    return out;
  }

  /** For CSV import, inside the import's transaction: opening accounts of the imported members. */
  async importAccounts(
    trx: Executor,
    organisationId: string,
    rows: { personId: string; paidThrough: string | null; earnings: string | null }[],
  ): Promise<void> {
    await repo.insertAccounts(
      trx,
      organisationId,
      rows
        .filter((r) => r.paidThrough !== null || r.earnings !== null)
        .map((r) => ({
          personId: r.personId,
          openingThrough: r.paidThrough ? firstDay(r.paidThrough) : null,
          earningsMinor: r.earnings !== null ? parseMoney(r.earnings) : null,
        })),
    );
  }

  /**
   * Demo seed: the register starts 12 months before the current month; most members and candidates paid every
   * month since (from the month they joined), a deterministic few percent are in arrears. Amounts come from the
   * scale in force in each month. Returns the number of payments written.
   */
  async seedDemoPayments(organisationId: string, months = 12): Promise<number> {
    const current = monthOf(today());
    const list = Array.from({ length: months }, (_, i) => addMonths(current, i - months));
    const LEVELS = 24;
    const quotes: { month: string; k: number; earnings: number; amount: number }[] = [];
    for (const m of list) {
      const bands = (await this.statute.rules(organisationId, lastDay(m))).membership.dues.bands;
      for (let k = 0; k < LEVELS; k++) {
        const earnings = (60 + k * 15) * 100 + (k % 3) * 50;
        quotes.push({ month: firstDay(m), k, earnings, amount: duesAmount(bands, earnings) });
      }
    }
    return this.db.transaction().execute(async (trx) => {
      await repo.ensureRegister(trx, organisationId, firstDay(list[0]!));
      const n = await repo.seedPayments(trx, organisationId, list.map(firstDay), quotes, LEVELS);
      await repo.writeOutbox(trx, 'dues.seeded', { organisationId, payments: n });
      return n;
    });
  }

  private async body(actor: Actor, id: string) {
    const rows = await repo.bodyWithChildren(this.db, id);
    const b = rows.find((r) => r.id === id);
    if (!b || b.organisation_id !== actor.organisationId) throw DuesErrors.body_not_found({ id });
    return b;
  }
}
