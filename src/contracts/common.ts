// Shared shapes: ids, pagination, the one error body.
import { z } from 'zod';

export const Uuid = z.uuid();

/** The path parameter of a route on one resource: `…/{id}`. */
export const IdParam = z.object({ id: Uuid });
export type IdParam = z.infer<typeof IdParam>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const PageQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

export const IsoDate = z.iso.date();
