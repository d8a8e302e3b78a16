// The one table from error kinds to HTTP statuses.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorKind } from '../errors.js';

export const statusOf: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rule_violation: 422,
  rate_limited: 429,
  unavailable: 503,
};

/** Seconds a client is asked to wait before trying again after a 503 (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 2;
