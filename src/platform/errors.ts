// One error type for the whole server. Each case has a stable code, a kind (which the HTTP
// layer maps to a status in one table) and a message a person understands.
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rule_violation'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable';

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorDef {
  kind: ErrorKind;
  message: string;
}

export type ErrorFactory = (details?: unknown, message?: string) => AppError;

/** Declares a module's error codes; returns a factory per code. */
export function defineErrors<T extends Record<string, ErrorDef>>(defs: T): { [K in keyof T]: ErrorFactory } {
  const out = {} as { [K in keyof T]: ErrorFactory };
  for (const code of Object.keys(defs) as (keyof T & string)[]) {
    const def = defs[code]!;
    out[code] = (details?: unknown, message?: string) => new AppError(code, def.kind, message ?? def.message, details);
  }
  return out;
}

/** Errors shared by every module. */
export const CommonErrors = defineErrors({
  validation_failed: { kind: 'invalid', message: 'The request is not valid. See details for the fields to correct.' },
  malformed_json: { kind: 'invalid', message: 'The request body is not valid JSON.' },
  payload_too_large: { kind: 'too_large', message: 'The request is too large.' },
  not_signed_in: { kind: 'unauthenticated', message: 'Please sign in first.' },
  csrf_failed: { kind: 'forbidden', message: 'The security token is missing or stale. Reload the page and try again.' },
  forbidden_scope: { kind: 'forbidden', message: 'You may not do this: it is outside the bodies your offices cover.' },
  too_many_streams: {
    kind: 'rate_limited',
    message:
      'This session already has as many live streams open as allowed. Close another tab or window of the app and try again.',
  },
  route_not_found: { kind: 'not_found', message: 'There is no such page or API route.' },
  too_many_expensive_reads: {
    kind: 'rate_limited',
    message:
      'You already have several long requests (statistics, worklists) running; wait a moment for them and try again.',
  },
  database_busy: {
    kind: 'unavailable',
    message: 'The server is too busy to answer just now; nothing was changed. Please try again in a few seconds.',
  },
});
