// OpenAPI helpers shared by every routes file: JSON content descriptors, the error response table
// (all built from ErrorBody) and the sign-in check.
import type { Context } from 'hono';
import { ErrorBody } from '../../contracts/common.js';
import { CommonErrors } from '../errors.js';
import type { Actor } from '../actor.js';
import type { AppEnv } from './env.js';

type JsonContent<T> = { content: { 'application/json': { schema: T } } };

/** `{ content: { 'application/json': { schema } } }`, plus `description` when one is given. */
export function json<T>(schema: T): JsonContent<T>;
export function json<T>(schema: T, description: string): JsonContent<T> & { description: string };
export function json<T>(schema: T, description?: string) {
  const content = { 'application/json': { schema } };
  return description === undefined ? { content } : { content, description };
}

/** A JSON request body that must be present. */
export const jsonBody = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;
type BaseStatus = 400 | 401 | 403 | 404 | 503;
type ErrorResponse = JsonContent<typeof ErrorBody> & { description: string };

const BASE: Record<BaseStatus, string> = {
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Outside your scope',
  404: 'Not found',
  503: 'The database is busy (database_busy): nothing was changed; try again after Retry-After seconds',
};

/**
 * Error responses, each with the ErrorBody schema: always 400, 401, 403, 404 and 503 (with default
 * descriptions), plus every other status given (409, 413, 422, 429). Descriptions given replace
 * the defaults.
 */
export function errorResponses<const D extends Partial<Record<ErrorStatus, string>> = Record<never, string>>(
  descriptions?: D,
): Record<BaseStatus | (keyof D & ErrorStatus), ErrorResponse> {
  const merged: Partial<Record<ErrorStatus, string>> = { ...BASE, ...descriptions };
  const out: Partial<Record<ErrorStatus, ErrorResponse>> = {};
  for (const [status, description] of Object.entries(merged)) {
    out[Number(status) as ErrorStatus] = json(ErrorBody, description);
  }
  return out as Record<BaseStatus | (keyof D & ErrorStatus), ErrorResponse>;
}

/** The signed-in actor; throws `not_signed_in` (401) when nobody is signed in. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw CommonErrors.not_signed_in();
  return actor;
}

/**
 * The named access policies of routes (ADR 0017). Every operation names one with `...policy('<name>')` in its
 * createRoute; the OpenAPI document carries it as `x-policy`, and test/integration/route-policies.test.ts calls every
 * operation without a session and as an account of another district to check it holds. What "refused or filtered"
 * means for each:
 */
export const POLICIES = {
  /** Anyone, signed in or not (the published board of a closed secret vote, its receipts and recount). */
  public: { sessionless: true, outsider: 'allowed' },
  /** Signing in (the password is the credential) and out (without a session there is nothing to end). */
  'sign-in': { sessionless: true, outsider: 'allowed' },
  /**
   * No session is read: a blind-signed token is the only credential (anonymous notes, secret ballots); without a
   * valid token every call is refused (4xx).
   */
  token: { sessionless: true, outsider: 'needs-token' },
  /** The signed-in account's own data: the answer never holds another person's. */
  self: { sessionless: false, outsider: 'filtered' },
  /**
   * Any signed-in member of the organisation: organisation-wide facts (the statute, the tree of bodies with sizes and
   * the statute-minimum flags, statistics); refused to other organisations.
   */
  organisation: { sessionless: false, outsider: 'allowed' },
  /**
   * Answers filtered to what the caller may see (the bodies they manage, the meetings they take part in, the events
   * that concern them; the seal report names other organisations' records only as such).
   */
  filtered: { sessionless: false, outsider: 'filtered' },
  /** Those who manage the object's body (its secretaries and those of bodies above), and the person concerned. */
  scope: { sessionless: false, outsider: 'refused' },
  /** The meeting's participants, presidium and staff, and managers of the convening body. */
  meeting: { sessionless: false, outsider: 'refused' },
} as const satisfies Record<
  string,
  { sessionless: boolean; outsider: 'allowed' | 'filtered' | 'refused' | 'needs-token' }
>;

export type PolicyName = keyof typeof POLICIES;

/** The route's named policy, spread into its createRoute config: `...policy('scope')`. */
export function policy<const N extends PolicyName>(name: N): { 'x-policy': N } {
  return { 'x-policy': name };
}
