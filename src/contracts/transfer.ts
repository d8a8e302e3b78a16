// Transfers: a member or candidate leaves one organisation (deregistered, in transit) and is registered
// in another; or one direct transfer act when the actor manages both ends. The card stays.
import { z } from 'zod';
import { IsoDate, Uuid, pageOf } from './common.js';

export const TransferState = z.enum(['registered', 'in_transit']);
export type TransferState = z.infer<typeof TransferState>;

export const DeregisterInput = z.object({
  personId: Uuid,
  /** Date of the act (entered by the secretary; never in the future). */
  on: IsoDate,
  reason: z.string().trim().max(2000).optional(),
});
export type DeregisterInput = z.infer<typeof DeregisterInput>;

export const RegisterInput = z.object({
  personId: Uuid,
  /** The receiving primary organisation (or shop cell / party group). */
  bodyId: Uuid,
  on: IsoDate,
  reason: z.string().trim().max(2000).optional(),
});
export type RegisterInput = z.infer<typeof RegisterInput>;

/** Direct transfer: deregistration and registration in one act. */
export const DirectTransferInput = RegisterInput;
export type DirectTransferInput = z.infer<typeof DirectTransferInput>;

export const TransferResult = z.object({
  personId: Uuid,
  state: TransferState,
  bodyId: Uuid.nullable(),
  lastBodyId: Uuid.nullable(),
  deregisteredOn: IsoDate.nullable(),
});
export type TransferResult = z.infer<typeof TransferResult>;

export const UnregisteredQuery = z.object({
  bodyId: Uuid,
  /** Check date (default today); the statute in force on it sets the limit. */
  on: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type UnregisteredQuery = z.infer<typeof UnregisteredQuery>;

export const UnregisteredItem = z.object({
  personId: Uuid,
  familyName: z.string(),
  givenName: z.string(),
  nameRu: z.string().nullable(),
  status: z.enum(['member', 'candidate']),
  cardNumber: z.string().nullable(),
  lastBodyId: Uuid,
  lastBodyName: z.string(),
  lastBodyNameRu: z.string().nullable(),
  deregisteredOn: IsoDate,
  /** Whole months registered nowhere on the check date. */
  monthsUnregistered: z.number().int(),
});
export type UnregisteredItem = z.infer<typeof UnregisteredItem>;

export const UnregisteredPage = pageOf(UnregisteredItem).extend({ limitMonths: z.number().int(), on: IsoDate });
export type UnregisteredPage = z.infer<typeof UnregisteredPage>;
