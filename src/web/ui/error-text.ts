// What a person reads when something fails: one sentence (or two) in their language, looked up by the
// error's stable code in the `errorCode` table of the translations — never the code itself, never a dump
// of the server's details. A few codes have a richer sentence in `errorCodeWith` that names a detail the
// server sent (the limit, the expected amount…); it is used only when every detail it names was sent. Details
// are shown in the reader's language: numbers formatted, ISO dates and instants as dates (never "2025-03-01"),
// and a sentence that counts something has plural forms (`code_one`, `code_few`, `code_many`, `code_other`)
// chosen by the detail PLURAL_DETAIL names, by the language's plural rules.

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

/** For codes whose sentence in `errorCodeWith` has plural forms: the detail that counts (chooses the form). */
export const PLURAL_DETAIL: Readonly<Record<string, string>> = {
  note_limit_reached: 'limit',
  note_signed_limit_reached: 'limit',
  below_statute_minimum: 'required',
  mandate_over_quota: 'allowed',
  meeting_notice_too_short: 'noticeDays',
};

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

function locale(language: string): string {
  return language === 'ru' ? 'ru-RU' : 'en-GB';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A detail as the reader reads it: a number formatted, an ISO calendar date as a date, an ISO instant as date and
 * time in the organisation's time zone (the browser's when not given), anything else as it is.
 */
export function showDetail(v: string | number, language: string, timeZone?: string): string {
  const loc = locale(language);
  if (typeof v === 'number') return new Intl.NumberFormat(loc).format(v);
  if (ISO_DATE.test(v)) {
    const d = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) return v;
    return new Intl.DateTimeFormat(loc, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
  }
  if (ISO_INSTANT.test(v)) {
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) return v;
    return new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
  }
  return v;
}

function detailsRecord(details: unknown): Record<string, unknown> | null {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
  return details as Record<string, unknown>;
}

/**
 * Fills a template from the details when every placeholder has a value (string or number), else null; values
 * shown in `language` (see showDetail).
 */
export function fill(template: string, details: unknown, language = 'en', timeZone?: string): string | null {
  const d = detailsRecord(details);
  if (!d) return null;
  const names = placeholders(template);
  if (names.length === 0 || names.some((n) => scalar(d[n]) === null)) return null;
  return template.replace(PLACEHOLDER, (_, n: string) => {
    const v = d[n];
    return typeof v === 'number' ? showDetail(v, language, timeZone) : showDetail(scalar(v)!, language, timeZone);
  });
}

/** The sentence of `errorCodeWith` for a code: its plural form for the counting detail when it has them. */
function withDetailsTemplate(table: object, code: string, details: unknown, language: string): string | undefined {
  const counted = PLURAL_DETAIL[code];
  if (!counted) return own(table, code);
  const n = detailsRecord(details)?.[counted];
  if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
  const category = new Intl.PluralRules(locale(language)).select(n);
  return own(table, `${code}_${category}`) ?? own(table, `${code}_other`);
}

function own(table: object, key: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(table, key)) return undefined;
  const v = (table as Record<string, unknown>)[key];
  return typeof v === 'string' && v ? v : undefined;
}

/**
 * The text for an error. Known codes: the table's sentence (with details filled in where it names them, dates
 * and instants in the organisation's `timeZone`).
 * Messages the web app wrote itself (status 0 with a message) are already in the person's language.
 * Unknown codes: a sentence by status; in English the server's own message (written in English) follows.
 */
export function errorText(err: ErrorLike, texts: ErrorTexts, language: string, timeZone?: string): string {
  if (err.status === 0 && err.message) return err.message;
  const withDetails = withDetailsTemplate(texts.errorCodeWith, err.code, err.details, language);
  const filled = withDetails ? fill(withDetails, err.details, language, timeZone) : null;
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
