// What a person reads when something fails: one sentence (or two) in their language, looked up by the
// error's stable code in the `errorCode` table of the translations — never the code itself, never a dump
// of the server's details. A few codes have a richer sentence in `errorCodeWith` that names a detail the
// server sent (the limit, the expected amount…); it is used only when every detail it names was sent.

/** The part of an API error the text depends on (ApiError satisfies it). */
export interface ErrorLike {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

/** The translation tables the text is taken from (a slice of en.ts / ru.ts). */
export interface ErrorTexts {
  errors: { network: string; unknown: string; notFound: string; server: string; refused: string };
  errorCode: object;
  errorCodeWith: object;
}

/**
 * Codes the web app itself gives to errors (no server involved). Every one has a row in `errorCode`;
 * when the web app gives a localised message with one, that message is shown instead.
 */
export const WEB_ERROR_CODES = ['network_error', 'no_tokens', 'no_ballot_token', 'no_key', 'empty'] as const;

/** Codes the HTTP layer sends without a module's `defineErrors` (kept in step with src/platform/http). */
export const HTTP_ERROR_CODES = ['internal_error', 'database_busy'] as const;

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The names of the placeholders a template uses. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

function scalar(v: unknown): string | null {
  if (typeof v === 'string' && v.trim() !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** Fills a template from the details when every placeholder has a value (string or number), else null. */
export function fill(template: string, details: unknown): string | null {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
  const d = details as Record<string, unknown>;
  const names = placeholders(template);
  if (names.length === 0 || names.some((n) => scalar(d[n]) === null)) return null;
  return template.replace(PLACEHOLDER, (_, n: string) => scalar(d[n])!);
}

function own(table: object, key: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(table, key)) return undefined;
  const v = (table as Record<string, unknown>)[key];
  return typeof v === 'string' && v ? v : undefined;
}

/**
 * The text for an error. Known codes: the table's sentence (with details filled in where it names them).
 * Messages the web app wrote itself (status 0 with a message) are already in the person's language.
 * Unknown codes: a sentence by status; in English the server's own message (written in English) follows.
 */
export function errorText(err: ErrorLike, texts: ErrorTexts, language: string): string {
  if (err.status === 0 && err.message) return err.message;
  const withDetails = own(texts.errorCodeWith, err.code);
  const filled = withDetails ? fill(withDetails, err.details) : null;
  if (filled) return filled;
  const known = own(texts.errorCode, err.code);
  if (known) return known;
  const generic =
    err.status === 0
      ? texts.errors.network
      : err.status === 404
        ? texts.errors.notFound
        : err.status >= 500
          ? texts.errors.server
          : err.status >= 400
            ? texts.errors.refused
            : texts.errors.unknown;
  return language === 'en' && err.message && err.message !== generic ? `${generic} ${err.message}` : generic;
}
