// Validation of an uploaded member file, row by row (pure): the contract, the body, the statute's
// registration rules and card numbers. Every problem of every row is reported with its line.
import { MEMBER_CSV_COLUMNS, MemberCsvRow, type RejectedRow } from '../../../contracts/exchange.js';
import { registrationProblem, type RegistrationProblem } from '../../person/rules/registration.js';

export const REQUIRED_COLUMNS = ['family_name', 'given_name', 'social_position', 'status'] as const;

/** Problems with the header line, or an empty list. */
export function headerProblems(columns: readonly string[]): string[] {
  const out: string[] = [];
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) out.push(`missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  const unknown = columns.filter((c) => !(MEMBER_CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length)
    out.push(
      `unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (expected ${MEMBER_CSV_COLUMNS.join(', ')})`,
    );
  return out;
}

export interface BodyFacts {
  organisationId: string;
  status: string;
  primaryId: string | null;
  path: string;
}

export interface ValidationContext {
  organisationId: string;
  defaultBodyId: string | null;
  bodies: ReadonlyMap<string, BodyFacts>;
  /** Card numbers already held in the organisation. */
  takenCards: ReadonlySet<string>;
  candidateStageMonths: number;
  today: string;
}

export interface GoodRow extends MemberCsvRow {
  line: number;
  bodyId: string;
}

const REGISTRATION_MESSAGES: Record<RegistrationProblem, string> = {
  card_number_required: 'card_number is required for a member',
  card_number_not_allowed: 'card_number must be empty for a non_member',
  registration_body_invalid:
    'members and candidates must be registered in a primary organisation or one of its shop cells',
  candidate_stage_not_in_statute: 'the statute has no candidate stage: status candidate is not allowed',
  body_not_active: 'the body is dissolved or merged',
  joined_in_future: 'joined_on is in the future',
};

/** The body ids a file refers to (to load their facts in one query). */
export function referencedBodies(records: readonly Record<string, unknown>[], defaultBodyId: string | null): string[] {
  const ids = new Set<string>();
  if (defaultBodyId) ids.add(defaultBodyId);
  for (const r of records) {
    const v = typeof r.body_id === 'string' ? r.body_id.trim().toLowerCase() : '';
    if (/^[0-9a-f-]{36}$/.test(v)) ids.add(v);
  }
  return [...ids];
}

export function validateRows(
  records: readonly { line: number; record: Record<string, unknown> }[],
  ctx: ValidationContext,
): { good: GoodRow[]; rejected: RejectedRow[] } {
  const good: GoodRow[] = [];
  const rejected: RejectedRow[] = [];
  const cardLines = new Map<string, number>();
  for (const { line, record } of records) {
    const reasons: string[] = [];
    const parsed = MemberCsvRow.safeParse(record);
    if (!parsed.success) {
      for (const i of parsed.error.issues) reasons.push(`${i.path.join('.') || 'row'} ${i.message}`);
      rejected.push({ line, reasons });
      continue;
    }
    const row = parsed.data;
    const bodyId = row.body_id?.toLowerCase() ?? ctx.defaultBodyId;
    const body = bodyId ? ctx.bodies.get(bodyId) : undefined;
    if (!bodyId) reasons.push('body_id is required (or give a default body)');
    else if (!body || body.organisationId !== ctx.organisationId)
      reasons.push(`body_id ${bodyId} is not a body of this organisation`);
    if (body && body.organisationId === ctx.organisationId) {
      const problem = registrationProblem({
        status: row.status,
        cardNumber: row.card_number,
        bodyStatus: body.status,
        bodyPrimaryId: body.primaryId,
        candidateStageMonths: ctx.candidateStageMonths,
        joinedOn: row.joined_on,
        today: ctx.today,
      });
      if (problem) reasons.push(REGISTRATION_MESSAGES[problem]);
    } else if (row.status === 'member' && !row.card_number) {
      reasons.push(REGISTRATION_MESSAGES.card_number_required);
    }
    const inMembership = row.status === 'member' || row.status === 'candidate';
    if (row.candidate_since && row.status !== 'member' && row.status !== 'candidate')
      reasons.push('candidate_since must be empty unless status is member or candidate');
    if (row.candidate_since && row.candidate_since > ctx.today) reasons.push('candidate_since is in the future');
    if (row.dues_paid_through && !inMembership)
      reasons.push('dues_paid_through must be empty unless status is member or candidate');
    if (row.dues_paid_through && row.dues_paid_through > ctx.today.slice(0, 7))
      reasons.push('dues_paid_through is in the future');
    if (row.monthly_earnings && !inMembership)
      reasons.push('monthly_earnings must be empty unless status is member or candidate');
    if (row.card_number) {
      if (ctx.takenCards.has(row.card_number)) reasons.push(`card_number ${row.card_number} already taken`);
      const first = cardLines.get(row.card_number);
      if (first !== undefined) reasons.push(`card_number ${row.card_number} also on line ${first}`);
      else cardLines.set(row.card_number, line);
    }
    if (reasons.length) rejected.push({ line, reasons });
    else good.push({ ...row, line, bodyId: bodyId! });
  }
  return { good, rejected };
}

/** One line per rejected row, e.g. "line 14: card_number T-0000012 already taken". */
export function describeRejections(rejected: readonly RejectedRow[]): string[] {
  return rejected.map((r) => `line ${r.line}: ${r.reasons.join('; ')}`);
}
