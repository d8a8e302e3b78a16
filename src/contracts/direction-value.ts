// An indicator's value as entered (ADR 0027 §4): checked against the indicator's type, decimals and bounds before
// anything is written, and the number a rule reads of it. Shared by the server (at save and submit) and the web
// report form (as one types), so both parse alike. Pure.

export type ValueType = 'number' | 'integer' | 'percentage' | 'yes_no' | 'text';

export interface IndicatorShape {
  valueType: ValueType;
  decimals: number | null;
  minValue: number | null;
  maxValue: number | null;
}

export type Parsed =
  | { ok: true; value: number | string | null }
  | {
      ok: false;
      reason: 'not_a_number' | 'not_an_integer' | 'out_of_range' | 'too_many_decimals' | 'not_yes_no' | 'too_long';
    };

/** Longest text value, in characters. */
export const TEXT_MAX = 4000;

/** A decimal as people write it: optional sign, digits, optional point and digits (no exponent, no separators). */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

const YES = new Set(['yes', 'true', '1', 'да']);
const NO = new Set(['no', 'false', '0', 'нет']);

/** Digits after the point, trailing zeros not counted ('1.50' has one; 1e-7 has seven). */
function decimalsOfString(s: string): number {
  const point = s.indexOf('.');
  return point < 0 ? 0 : s.slice(point + 1).replace(/0+$/, '').length;
}

function decimalsOfNumber(n: number): number {
  if (Number.isInteger(n)) return 0;
  const [mantissa, exponent] = String(Math.abs(n)).split('e');
  return Math.max(0, decimalsOfString(mantissa!) - Number(exponent ?? 0));
}

function fail(reason: Extract<Parsed, { ok: false }>['reason']): Parsed {
  return { ok: false, reason };
}

function parseNumeric(ind: IndicatorShape, raw: unknown): Parsed {
  let n: number;
  let decimals: number;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('not_a_number');
    n = raw;
    decimals = decimalsOfNumber(raw);
  } else if (typeof raw === 'string') {
    const s = raw.trim();
    if (!DECIMAL.test(s)) return fail('not_a_number');
    n = Number(s);
    if (!Number.isFinite(n)) return fail('not_a_number');
    decimals = decimalsOfString(s);
  } else {
    return fail('not_a_number');
  }
  if (ind.valueType === 'integer') {
    if (!Number.isInteger(n)) return fail('not_an_integer');
    if (!Number.isSafeInteger(n)) return fail('out_of_range');
  } else if (ind.decimals !== null && decimals > ind.decimals) {
    return fail('too_many_decimals');
  }
  if (ind.valueType === 'percentage' && (n < 0 || n > 100)) return fail('out_of_range');
  if (ind.minValue !== null && n < ind.minValue) return fail('out_of_range');
  if (ind.maxValue !== null && n > ind.maxValue) return fail('out_of_range');
  return { ok: true, value: n === 0 ? 0 : n }; // -0 is 0
}

function parseYesNo(raw: unknown): Parsed {
  if (raw === true || raw === 1) return { ok: true, value: 1 };
  if (raw === false || raw === 0) return { ok: true, value: 0 };
  if (typeof raw === 'string') {
    const s = raw.trim().toLowerCase();
    if (YES.has(s)) return { ok: true, value: 1 };
    if (NO.has(s)) return { ok: true, value: 0 };
  }
  return fail('not_yes_no');
}

function parseText(raw: unknown): Parsed {
  // a number or a truth value sent for a text indicator is kept as its text
  let s: string;
  if (typeof raw === 'string') s = raw;
  else if ((typeof raw === 'number' && Number.isFinite(raw)) || typeof raw === 'boolean') s = String(raw);
  else return fail('not_a_number');
  if (s.trim() === '') return { ok: true, value: null };
  // characters, not UTF-16 units (as the database counts them)
  if (s.length > TEXT_MAX && [...s].length > TEXT_MAX) return fail('too_long');
  return { ok: true, value: s };
}

/**
 * A value as entered, checked against its indicator. Null, undefined and '' are no value. Numeric types take a
 * finite number or a decimal string; an integer must be whole; a percentage lies in 0..100; min and max are
 * inclusive; `decimals` bounds the digits after the point (null: any). yes/no takes true/false, 1/0, 'yes'/'no'
 * (also 'true'/'false', '1'/'0', 'да'/'нет') and gives 1/0. Text is at most 4000 characters.
 */
export function parseValue(ind: IndicatorShape, raw: unknown): Parsed {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null };
  switch (ind.valueType) {
    case 'number':
    case 'integer':
    case 'percentage':
      if (typeof raw === 'string' && raw.trim() === '') return { ok: true, value: null };
      return parseNumeric(ind, raw);
    case 'yes_no':
      if (typeof raw === 'string' && raw.trim() === '') return { ok: true, value: null };
      return parseYesNo(raw);
    case 'text':
      return parseText(raw);
  }
}

/** The number a stored value counts as in rules and roll-ups: text (and no value) is null. */
export function numericValue(v: number | string | null): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The lookup a form's rules read (direction-expr's `evaluate`): a numeric value as it is, a text as 0 when given
 * (so `present` and pairs see it), no value as null.
 */
export function ruleLookup(
  items: readonly { code: string; valueType: ValueType }[],
  values: Readonly<Record<string, number | string | null | undefined>>,
): (code: string) => number | null {
  const types = new Map(items.map((i) => [i.code, i.valueType]));
  return (code) => {
    const v = values[code];
    if (v === null || v === undefined) return null;
    if (types.get(code) === 'text') return 0;
    return typeof v === 'number' ? v : Number(v);
  };
}
