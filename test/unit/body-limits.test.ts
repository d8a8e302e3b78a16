// Body limits derived from request schemas: a schema that refers to itself (a rule's expression tree) has no bound
// of its own and gets the default limit, instead of recursing without end.
import { describe, expect, it } from 'vitest';
import { MAX_JSON_BYTES, limitFor, maxJsonBytes } from '../../src/platform/http/body-limits.js';

describe('maxJsonBytes', () => {
  it('bounds a plain object by its fields', () => {
    const s = { type: 'object', properties: { a: { type: 'string', maxLength: 10 }, b: { type: 'integer' } } };
    expect(maxJsonBytes(s, () => undefined)).toBe(2 + (3 * 6 + 2 + 62) + (3 * 6 + 2 + 32));
  });

  it('treats a self-referring schema as unbounded, without overflowing the stack', () => {
    const schemas: Record<string, object> = {
      Expr: {
        anyOf: [
          { type: 'object', properties: { num: { type: 'number' } } },
          { type: 'object', properties: { not: { $ref: '#/components/schemas/Expr' } } },
        ],
      },
    };
    const resolve = (ref: string) => schemas[ref.split('/').pop()!];
    const body = { type: 'object', properties: { expr: { $ref: '#/components/schemas/Expr' } } };
    expect(maxJsonBytes(body, resolve)).toBe(Infinity);
    expect(limitFor(maxJsonBytes(body, resolve))).toBe(MAX_JSON_BYTES);
  });
});
