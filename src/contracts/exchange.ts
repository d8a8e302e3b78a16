// CSV exchange of members: the columns, one row's validation, and the import report.
import { z } from 'zod';

export const MEMBER_CSV_COLUMNS = [
  'family_name',
  'given_name',
  'patronymic',
  'name_ru',
  'sex',
  'birth_year',
  'social_position',
  'status',
  'card_number',
  'joined_on',
  'body_id',
  'candidate_since',
  'dues_paid_through',
  'monthly_earnings',
] as const;
export type MemberCsvColumn = (typeof MEMBER_CSV_COLUMNS)[number];

/** Empty cells are absent values. */
const blank = (v: unknown) =>
  v === undefined || (typeof v === 'string' && v.trim() === '') ? null : typeof v === 'string' ? v.trim() : v;
const optionalText = (max: number) =>
  z.preprocess(blank, z.string().max(max, `must be at most ${max} characters`).nullable());

export const MemberCsvRow = z.object({
  family_name: z.preprocess(blank, z.string({ error: 'is required' }).max(200, 'must be at most 200 characters')),
  given_name: z.preprocess(blank, z.string({ error: 'is required' }).max(200, 'must be at most 200 characters')),
  patronymic: optionalText(200),
  name_ru: optionalText(300),
  sex: z.preprocess(blank, z.enum(['m', 'f'], { error: 'must be m or f (or empty)' }).nullable()),
  birth_year: z.preprocess(
    (v) => {
      const b = blank(v);
      return b === null ? null : /^-?\d+$/.test(String(b)) ? Number(b) : b;
    },
    z
      .number({ error: 'must be a year such as 1901' })
      .int()
      .min(1800, 'must be 1800 or later')
      .max(2200, 'must be 2200 or earlier')
      .nullable(),
  ),
  social_position: z.preprocess(
    blank,
    z.enum(['worker', 'peasant', 'employee', 'intelligentsia', 'student', 'other'], {
      error: 'must be worker, peasant, employee, intelligentsia, student or other',
    }),
  ),
  status: z.preprocess(
    blank,
    z.enum(['member', 'candidate', 'sympathiser', 'non_member'], {
      error: 'must be member, candidate, sympathiser or non_member',
    }),
  ),
  card_number: optionalText(50),
  joined_on: z.preprocess(blank, z.iso.date({ error: 'must be a date YYYY-MM-DD' }).nullable()),
  body_id: z.preprocess(blank, z.uuid({ error: 'must be a body id (uuid)' }).nullable()),
  candidate_since: z.preprocess(blank, z.iso.date({ error: 'must be a date YYYY-MM-DD' }).nullable().default(null)),
  /** Dues settled through this month (YYYY-MM): arrears are counted from the month after. */
  dues_paid_through: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
      .nullable()
      .default(null),
  ),
  /** Declared monthly earnings, e.g. 180 or 180.50. */
  monthly_earnings: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{1,12}(\.\d{1,2})?$/, 'must be an amount such as 180 or 180.50')
      .nullable()
      .default(null),
  ),
});
export type MemberCsvRow = z.infer<typeof MemberCsvRow>;

export const RejectedRow = z.object({
  /** Line number in the file (the header is line 1). */
  line: z.number().int(),
  reasons: z.array(z.string()),
});
export type RejectedRow = z.infer<typeof RejectedRow>;

export const ImportReport = z.object({
  imported: z.number().int(),
  rejected: z.array(RejectedRow),
});
export type ImportReport = z.infer<typeof ImportReport>;
