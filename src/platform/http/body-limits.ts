// Body limits per route, derived from the route's request schema (ADR 0017): a body the schema accepts is never
// refused as too large. The bound is the worst case of JSON: every character of a string escaped as `\uXXXX`
// (6 bytes per UTF-16 unit). A route whose schema has no bound (a string or an array without a maximum), or
// whose bound is small, gets the default limit.

export const MAX_JSON_BYTES = 256 * 1024;
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
/** No JSON body is read beyond this, whatever a schema says. */
export const MAX_DERIVED_JSON_BYTES = 16 * 1024 * 1024;

type JsonSchema = {
  type?: string | string[];
  maxLength?: number;
  format?: string;
  maxItems?: number;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
};

const NUMBER_BYTES = 32;
/** String formats whose values are short (a date, an id, an instant). */
const FORMATTED = new Set(['date', 'date-time', 'time', 'uuid', 'email']);

/** The largest JSON text (bytes, with whitespace-free separators) a value of `s` can be; Infinity when unbounded. */
export function maxJsonBytes(
  s: JsonSchema | undefined,
  resolve: (ref: string) => JsonSchema | undefined,
  /** references being expanded: a schema that refers to itself (an expression tree) has no bound of its own */
  open: ReadonlySet<string> = new Set(),
): number {
  if (!s) return Infinity;
  if (s.$ref) return open.has(s.$ref) ? Infinity : maxJsonBytes(resolve(s.$ref), resolve, new Set([...open, s.$ref]));
  const r = (x: JsonSchema | undefined) => maxJsonBytes(x, resolve, open);
  if (s.const !== undefined) return Buffer.byteLength(JSON.stringify(s.const)) * 6;
  if (s.enum) return Math.max(...s.enum.map((v) => Buffer.byteLength(JSON.stringify(v)) * 6));
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return Math.max(...alts.map((a) => r(a)));
  if (s.allOf) return Math.min(...s.allOf.map((a) => r(a)));
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length === 0) return Infinity;
  return Math.max(
    ...types.map((t) => {
      switch (t) {
        case 'null':
        case 'boolean':
          return 5;
        case 'integer':
        case 'number':
          return NUMBER_BYTES;
        case 'string':
          if (s.maxLength !== undefined) return 6 * s.maxLength + 2;
          return s.format && FORMATTED.has(s.format) ? 6 * 64 + 2 : Infinity;
        case 'array': {
          if (s.prefixItems && s.items === undefined) return 2 + s.prefixItems.reduce((n, p) => n + r(p) + 1, 0);
          if (s.maxItems === undefined) return Infinity;
          return 2 + s.maxItems * (r(s.items) + 1);
        }
        case 'object': {
          // Keys the schema does not name are dropped by the parser: they count as nothing.
          if (typeof s.additionalProperties === 'object') return Infinity;
          let n = 2;
          for (const [k, v] of Object.entries(s.properties ?? {}))
            n += Buffer.byteLength(JSON.stringify(k)) * 6 + 2 + r(v);
          return n;
        }
        default:
          return Infinity;
      }
    }),
  );
}

/** The body limit of a route: its schema's worst case when that passes the default, within MAX_DERIVED_JSON_BYTES. */
export function limitFor(schemaBytes: number): number {
  if (!Number.isFinite(schemaBytes) || schemaBytes <= MAX_JSON_BYTES) return MAX_JSON_BYTES;
  return Math.min(schemaBytes, MAX_DERIVED_JSON_BYTES);
}

interface OpenApiDoc {
  paths?: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface BodyLimitTable {
  /** The limit for a request; MAX_JSON_BYTES when no route with a larger limit matches. */
  limitOf(method: string, path: string): number;
}

/** The routes whose JSON body may pass the default limit, from the OpenAPI document. */
export function bodyLimitTable(document: object): BodyLimitTable {
  const doc = document as OpenApiDoc;
  const resolve = (ref: string) => doc.components?.schemas?.[ref.replace('#/components/schemas/', '')];
  const rows: { method: string; pattern: RegExp; limit: number }[] = [];
  for (const [p, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (!schema) continue;
      const limit = limitFor(maxJsonBytes(schema, resolve));
      if (limit === MAX_JSON_BYTES) continue;
      const pattern = new RegExp('^' + p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') + '$');
      rows.push({ method: method.toUpperCase(), pattern, limit });
    }
  }
  return {
    limitOf(method, path) {
      const row = rows.find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
      return row?.limit ?? MAX_JSON_BYTES;
    },
  };
}
