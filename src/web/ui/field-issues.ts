// A contract's zod issue as a sentence in the reader's language (pure: unit-tested). A form validated by a
// contract's schema never shows zod's own English text: each issue is said by its kind — missing, too short, not a
// number, not a date, not one of the options … — and anything else as "check this field".
import type { Translate, TranslationKey } from '../i18n/keys.js';

/** The parts of a zod 4 issue the message depends on. */
export interface IssueLike {
  code: string;
  input?: unknown;
  origin?: string;
  expected?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  params?: Record<string, unknown>;
}

/**
 * The parameters of a web form's own check — a refinement a web module adds to a contract's schema (the new
 * password typed twice alike) — that say its message: the key, and the count its plural follows. Used as
 * `.refine(check, { path: [...], ...saying('password.mismatch') })`; issueMessage says it in the reader's language.
 */
export function saying(key: TranslationKey, count?: number): { params: { say: TranslationKey; count?: number } } {
  return { params: count === undefined ? { say: key } : { say: key, count } };
}

const blank = (x: unknown) => x === undefined || x === null || (typeof x === 'string' && x.trim() === '');
/** The input was sent with the issue and is empty (zod leaves the input out of issues unless asked). */
const givenBlank = (iss: IssueLike) => 'input' in iss && blank(iss.input);

export function issueMessage(iss: IssueLike, t: Translate): string {
  switch (iss.code) {
    case 'invalid_type':
      if (blank(iss.input) || (typeof iss.input === 'number' && Number.isNaN(iss.input) && iss.expected !== 'int'))
        return iss.expected === 'number' ? t('forms.fieldNumber') : t('forms.fieldRequired');
      if (iss.expected === 'number') return t('forms.fieldNumber');
      if (iss.expected === 'int') return t('forms.fieldWholeNumber');
      if (iss.expected === 'date') return t('forms.fieldDate');
      return t('forms.fieldInvalid');
    case 'too_small': {
      const n = Number(iss.minimum ?? 0);
      if (iss.origin === 'string')
        return n <= 1 || givenBlank(iss) ? t('forms.fieldRequired') : t('forms.fieldTooShort', { count: n });
      if (iss.origin === 'number' || iss.origin === 'int' || iss.origin === 'bigint')
        return t('forms.fieldAtLeast', { count: n });
      if (iss.origin === 'array' || iss.origin === 'set') return t('forms.fieldFewItems', { count: n });
      return t('forms.fieldInvalid');
    }
    case 'too_big': {
      const n = Number(iss.maximum ?? 0);
      if (iss.origin === 'string') return t('forms.fieldTooLong', { count: n });
      if (iss.origin === 'number' || iss.origin === 'int' || iss.origin === 'bigint')
        return t('forms.fieldAtMost', { count: n });
      return t('forms.fieldInvalid');
    }
    case 'invalid_format':
      if (givenBlank(iss)) return t('forms.fieldRequired');
      if (iss.format === 'date' || iss.format === 'datetime') return t('forms.fieldDate');
      return t('forms.fieldInvalid');
    case 'invalid_value':
      return t('forms.fieldChoice');
    case 'not_multiple_of':
      return t('forms.fieldWholeNumber');
    case 'custom': {
      const say = iss.params?.say;
      if (typeof say === 'string') {
        const count = iss.params?.count;
        return t(say as TranslationKey, typeof count === 'number' ? { count } : undefined);
      }
      if (givenBlank(iss)) return t('forms.fieldRequired');
      return t('forms.fieldInvalid');
    }
    default:
      if (givenBlank(iss)) return t('forms.fieldRequired');
      return t('forms.fieldInvalid');
  }
}

/** An error of react-hook-form as the zod resolver leaves it: its kind (the issue's code) and a message. */
interface FieldErrorLike {
  type?: unknown;
  message?: unknown;
  ref?: unknown;
}

/**
 * Replaces every message in react-hook-form's errors by ours: the one issueMessage gave for that field's path
 * (`said`), else — when the contract set its own English text, which zod puts before ours — the sentence for
 * the issue's kind alone. Never leaves zod's text.
 */
export function translateErrors(
  errors: Record<string, unknown>,
  said: Map<string, string>,
  t: Translate,
  values: unknown,
  path = '',
): void {
  for (const [k, v] of Object.entries(errors)) {
    if (!v || typeof v !== 'object' || k === 'ref' || k === 'types') continue;
    const here = path ? `${path}.${k}` : k;
    const input = values && typeof values === 'object' ? (values as Record<string, unknown>)[k] : undefined;
    const e = v as FieldErrorLike;
    if (typeof e.message === 'string' && 'type' in e) {
      e.message = said.get(here) ?? issueMessage({ code: String(e.type), input }, t);
    } else {
      translateErrors(v as Record<string, unknown>, said, t, input, here);
    }
  }
}
