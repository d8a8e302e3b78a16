// Dues: the statute's scale, the payments register per member and month, arrears and roll-ups.
// Money is exact: amounts are strings with two decimals ("12.50") in the API, integers of minor units in the database.
import { z } from 'zod';
import { IsoDate, Uuid, pageOf } from './common.js';

/** A calendar month 'YYYY-MM'. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
export type Month = z.infer<typeof Month>;

/** A sum of money with at most two decimals, e.g. "150" or "150.25"; never a float. Spaces around it are trimmed. */
export const Money = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'must be an amount such as 150 or 150.25');
export type Money = z.infer<typeof Money>;

export const RecordPaymentInput = z.object({
  personId: Uuid,
  month: Month,
  /** Declared monthly earnings. */
  earnings: Money,
  /** Amount paid: must equal the amount the scale in force in that month computes. */
  amount: Money,
  paidOn: IsoDate,
});
export type RecordPaymentInput = z.infer<typeof RecordPaymentInput>;

/** One line of the register; (personId, month) is its key. */
export const DuesPayment = z.object({
  /** "personId:month", a key for lists. */
  id: z.string(),
  personId: Uuid,
  month: Month,
  earnings: Money,
  amount: Money,
  paidOn: IsoDate,
  bodyId: Uuid,
  recordedBy: Uuid.nullable(),
});
export type DuesPayment = z.infer<typeof DuesPayment>;

/** GET /api/dues/scale?month=&earnings= : the amount due under the scale in force in that month. */
export const DuesQuoteQuery = z.object({ month: Month, earnings: Money });
export const DuesQuote = z.object({
  month: Month,
  earnings: Money,
  percent: z.number(),
  amount: Money,
  currency: z.string(),
});
export type DuesQuote = z.infer<typeof DuesQuote>;

/** A member's register: payments (newest first), the months owed, and whether they are past the statute's limit. */
export const PersonDues = z.object({
  personId: Uuid,
  currency: z.string(),
  /** First month dues are counted for this member: the later of joining and the organisation's register start. */
  countedFrom: Month.nullable(),
  payments: z.array(DuesPayment),
  /** Months from countedFrom up to the previous month with no payment, oldest first. */
  monthsOwed: z.array(Month),
  arrearsLimitMonths: z.number().int(),
  flagged: z.boolean(),
});
export type PersonDues = z.infer<typeof PersonDues>;

export const ArrearsQuery = z.object({
  bodyId: Uuid,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ArrearsQuery = z.infer<typeof ArrearsQuery>;

export const ArrearsItem = z.object({
  personId: Uuid,
  familyName: z.string(),
  givenName: z.string(),
  nameRu: z.string().nullable(),
  cardNumber: z.string().nullable(),
  status: z.enum(['member', 'candidate']),
  bodyId: Uuid,
  bodyName: z.string(),
  bodyNameRu: z.string().nullable(),
  /** Number of months owed up to the previous month. */
  monthsOwed: z.number().int(),
  lastPaidMonth: Month.nullable(),
});
export type ArrearsItem = z.infer<typeof ArrearsItem>;

export const ArrearsPage = pageOf(ArrearsItem).extend({ arrearsLimitMonths: z.number().int() });
export type ArrearsPage = z.infer<typeof ArrearsPage>;

export const RollupQuery = z.object({ bodyId: Uuid, month: Month });
export type RollupQuery = z.infer<typeof RollupQuery>;

export const RollupRow = z.object({
  bodyId: Uuid,
  name: z.string(),
  nameRu: z.string().nullable(),
  kind: z.string(),
  /** Collected in this body's whole subtree. */
  amount: Money,
  payments: z.number().int(),
});
export type RollupRow = z.infer<typeof RollupRow>;

export const DuesRollup = z.object({
  month: Month,
  currency: z.string(),
  /** The body itself: total of its subtree. */
  total: RollupRow,
  /** Payments recorded on persons registered directly in the body (not in a child). */
  own: z.object({ amount: Money, payments: z.number().int() }),
  /** Each child body with its subtree total (children with nothing collected are listed with 0). */
  children: z.array(RollupRow),
});
export type DuesRollup = z.infer<typeof DuesRollup>;

export const DuesPersonParam = z.object({ id: Uuid });
