// Direction: an indicator's value as entered, checked against its type, decimals and bounds (ADR 0027 §4).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  numericValue,
  parseValue,
  type IndicatorShape,
  type Parsed,
  type ValueType,
} from '../../src/modules/direction/rules/value.js';

const shape = (valueType: ValueType, more: Partial<IndicatorShape> = {}): IndicatorShape => ({
  valueType,
  decimals: null,
  minValue: null,
  maxValue: null,
  ...more,
});
const ok = (value: number | string | null): Parsed => ({ ok: true, value });
const no = (reason: Extract<Parsed, { ok: false }>['reason']): Parsed => ({ ok: false, reason });

describe('parseValue', () => {
  const cases: [string, IndicatorShape, unknown, Parsed][] = [
    // no value
    ['null', shape('number'), null, ok(null)],
    ['undefined', shape('integer'), undefined, ok(null)],
    ['empty string', shape('percentage'), '', ok(null)],
    ['blank string for a number', shape('number'), '   ', ok(null)],
    ['empty string for yes/no', shape('yes_no'), '', ok(null)],
    ['empty string for text', shape('text'), '', ok(null)],
    // numbers
    ['a number', shape('number'), 12.5, ok(12.5)],
    ['a numeric string', shape('number'), ' 12.5 ', ok(12.5)],
    ['a negative string', shape('number'), '-3', ok(-3)],
    ['a leading point', shape('number'), '.5', ok(0.5)],
    ['minus zero is zero', shape('number'), '-0', ok(0)],
    ['words are not numbers', shape('number'), 'twelve', no('not_a_number')],
    ['no exponents in text', shape('number'), '1e3', no('not_a_number')],
    ['no thousands separators', shape('number'), '1,000', no('not_a_number')],
    ['no hex', shape('number'), '0x10', no('not_a_number')],
    ['NaN', shape('number'), NaN, no('not_a_number')],
    ['Infinity', shape('number'), Infinity, no('not_a_number')],
    ['a truth value is not a number', shape('number'), true, no('not_a_number')],
    ['an object is not a number', shape('number'), { n: 1 }, no('not_a_number')],
    // decimals
    ['within decimals', shape('number', { decimals: 2 }), '3.14', ok(3.14)],
    ['trailing zeros do not count', shape('number', { decimals: 1 }), '3.500', ok(3.5)],
    ['too many decimals (string)', shape('number', { decimals: 2 }), '3.141', no('too_many_decimals')],
    ['too many decimals (number)', shape('number', { decimals: 2 }), 3.141, no('too_many_decimals')],
    ['a tiny number has many decimals', shape('number', { decimals: 6 }), 1e-7, no('too_many_decimals')],
    ['decimals 0 takes whole numbers', shape('number', { decimals: 0 }), 42, ok(42)],
    ['decimals 0 refuses a fraction', shape('number', { decimals: 0 }), 4.2, no('too_many_decimals')],
    ['decimals null: any', shape('number'), 1 / 3, ok(1 / 3)],
    // integers
    ['an integer', shape('integer'), 7, ok(7)],
    ['an integer string', shape('integer'), '7', ok(7)],
    ['7.0 is an integer', shape('integer'), '7.0', ok(7)],
    ['a fraction is not', shape('integer'), 7.5, no('not_an_integer')],
    ['a fraction string is not', shape('integer'), '7.5', no('not_an_integer')],
    ['beyond exact integers', shape('integer'), 2 ** 60, no('out_of_range')],
    // bounds
    ['min inclusive', shape('integer', { minValue: 0 }), 0, ok(0)],
    ['below min', shape('integer', { minValue: 0 }), -1, no('out_of_range')],
    ['max inclusive', shape('number', { maxValue: 10 }), '10', ok(10)],
    ['above max', shape('number', { maxValue: 10 }), 10.01, no('out_of_range')],
    // percentages
    ['0 %', shape('percentage'), 0, ok(0)],
    ['100 %', shape('percentage'), '100', ok(100)],
    ['a fractional percentage', shape('percentage', { decimals: 1 }), 99.5, ok(99.5)],
    ['over 100 %', shape('percentage'), 100.5, no('out_of_range')],
    ['below 0 %', shape('percentage'), '-1', no('out_of_range')],
    ['a percentage within its own max', shape('percentage', { maxValue: 50 }), 60, no('out_of_range')],
    // yes/no
    ['true', shape('yes_no'), true, ok(1)],
    ['false', shape('yes_no'), false, ok(0)],
    ['1', shape('yes_no'), 1, ok(1)],
    ['0', shape('yes_no'), 0, ok(0)],
    ["'yes'", shape('yes_no'), 'yes', ok(1)],
    ["'No'", shape('yes_no'), ' No ', ok(0)],
    ["'да'", shape('yes_no'), 'Да', ok(1)],
    ["'нет'", shape('yes_no'), 'нет', ok(0)],
    ['2 is not yes/no', shape('yes_no'), 2, no('not_yes_no')],
    ["'maybe' is not", shape('yes_no'), 'maybe', no('not_yes_no')],
    // text
    ['text', shape('text'), 'Held on 3 May', ok('Held on 3 May')],
    ['blank text is no value', shape('text'), '  \n', ok(null)],
    ['4000 characters', shape('text'), 'я'.repeat(4000), ok('я'.repeat(4000))],
    ['4000 characters outside the basic plane', shape('text'), '😀'.repeat(4000), ok('😀'.repeat(4000))],
    ['4001 characters', shape('text'), 'a'.repeat(4001), no('too_long')],
    ['a number sent for text is its text', shape('text'), 12, ok('12')],
    ['an object is not text', shape('text'), ['a'], no('not_a_number')],
  ];
  it.each(cases)('%s', (_name, ind, raw, expected) => {
    expect(parseValue(ind, raw)).toEqual(expected);
  });

  it('takes back every number it would print with the allowed decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (units, decimals) => {
        const text = (units / 10 ** decimals).toFixed(decimals);
        const parsed = parseValue(shape('number', { decimals }), text);
        expect(parsed).toEqual({ ok: true, value: Number(text) });
        expect(parseValue(shape('number', { decimals }), Number(text))).toEqual(parsed);
      }),
    );
  });
});

describe('numericValue', () => {
  it('is the number, or null for text and no value', () => {
    expect(numericValue(3.5)).toBe(3.5);
    expect(numericValue(0)).toBe(0);
    expect(numericValue('3.5')).toBeNull();
    expect(numericValue(null)).toBeNull();
    expect(numericValue(NaN)).toBeNull();
  });
});
