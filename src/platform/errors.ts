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

/** One declaration of an error code, as `defineErrors` records it; `where` is the declaring file (for messages). */
export interface ErrorDeclaration extends ErrorDef {
  code: string;
  where: string;
}

/** Every code declared by the `defineErrors` of the files loaded so far: the server's registry of error codes. */
const declarations: ErrorDeclaration[] = [];

/** The definitions of SHARED below: a module that lists one (sharedErrors) does not declare it again. */
const sharedDefs = new WeakSet<ErrorDef>();

export function declaredErrors(): readonly ErrorDeclaration[] {
  return declarations;
}

/**
 * What is wrong with a set of declarations: a code declared in more than one place, or with more than one kind
 * (HTTP status) or message. Each code is declared once; a code several modules raise is declared in SHARED below.
 */
export function errorDeclarationClashes(decls: readonly ErrorDeclaration[]): string[] {
  const byCode = new Map<string, ErrorDeclaration[]>();
  for (const d of decls) byCode.set(d.code, [...(byCode.get(d.code) ?? []), d]);
  const clashes: string[] = [];
  for (const [code, ds] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
    const places = [...new Set(ds.map((d) => d.where))];
    const kinds = [...new Set(ds.map((d) => d.kind))];
    const messages = [...new Set(ds.map((d) => d.message))];
    if (ds.length > 1) clashes.push(`${code}: declared ${ds.length} times (${places.join(', ')})`);
    if (kinds.length > 1) clashes.push(`${code}: ${kinds.length} kinds (${kinds.join(', ')})`);
    if (messages.length > 1) clashes.push(`${code}: ${messages.length} messages (${messages.join(' | ')})`);
  }
  return clashes;
}

/** The file that called defineErrors, read from the stack (only to name it in the registry's messages). */
function callerFile(): string {
  const frame = new Error().stack?.split('\n')[3] ?? '';
  const m = /(?:file:\/\/)?(\/[^:()]+):\d+:\d+\)?\s*$/.exec(frame);
  return m ? m[1]! : frame.trim();
}

/**
 * Declares a module's error codes and records them in the registry; returns a factory per code. Codes several
 * modules raise are listed, not declared again: `defineErrors({ …, ...sharedErrors('body_not_found') })`.
 */
export function defineErrors<T extends Record<string, ErrorDef>>(defs: T): { [K in keyof T]: ErrorFactory } {
  const where = callerFile();
  const out = {} as { [K in keyof T]: ErrorFactory };
  for (const code of Object.keys(defs) as (keyof T & string)[]) {
    const def = defs[code]!;
    if (!sharedDefs.has(def)) declarations.push({ code, kind: def.kind, message: def.message, where });
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

/** Codes several modules raise, with one kind and one message each; a module lists those it raises (sharedErrors). */
const SHARED = {
  body_not_found: { kind: 'not_found', message: 'There is no such body in your organisation.' },
  person_not_found: { kind: 'not_found', message: 'There is no such person in your organisation.' },
  enterprise_not_found: { kind: 'not_found', message: 'There is no such enterprise in your organisation.' },
  no_organisation: {
    kind: 'not_found',
    message: 'The database holds no organisation yet. Run `antaeus init` or `antaeus demo` first.',
  },
  body_not_active: { kind: 'conflict', message: 'This body has been dissolved or merged: choose an active body.' },
  already_decided: { kind: 'conflict', message: 'This has already been decided.' },
  no_jurisdiction: {
    kind: 'forbidden',
    message:
      'This body may not decide this: only the organisation concerned, a body above it or the body the statute names may decide.',
  },
  date_in_future: { kind: 'rule_violation', message: 'The date of an act cannot be in the future.' },
  date_out_of_order: {
    kind: 'rule_violation',
    message:
      'The date is earlier than the step it follows (the application, decision, start of the stage, opening of the review or the step before).',
  },
} as const satisfies Record<string, ErrorDef>;

/** The factories of the shared codes, declared (and recorded) here once. */
export const SharedErrors = defineErrors(SHARED);
for (const def of Object.values(SHARED)) sharedDefs.add(def);

export type SharedErrorCode = keyof typeof SHARED;

/** The definitions of the shared codes a module raises, to list in its own table (they are not declared again). */
export function sharedErrors<K extends SharedErrorCode>(...codes: K[]): Pick<typeof SHARED, K> {
  const out = {} as Pick<typeof SHARED, K>;
  for (const code of codes) out[code] = SHARED[code];
  return out;
}
