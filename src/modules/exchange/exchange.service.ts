// Member exchange use cases: import a CSV file (all rows or none) and export the same columns.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Actor } from '../../platform/actor.js';
import { MEMBER_CSV_COLUMNS, type ImportReport } from '../../contracts/exchange.js';
import type { StatuteService } from '../statute/statute.service.js';
import type { OrganisationService } from '../organisation/organisation.service.js';
import type { DuesService } from '../dues/dues.service.js';
import {
  describeRejections,
  headerProblems,
  referencedBodies,
  validateRows,
  type BodyFacts,
} from './rules/validate.js';
import { assertCanExportMembers, assertCanImportMembers } from './exchange.policy.js';
import { ExchangeErrors } from './exchange.errors.js';
import * as repo from './exchange.repository.js';
import { personRows } from '../person/person-rows.service.js';
import { liftTimeouts } from '../../platform/db/busy.js';

export interface ExchangeProgress {
  phase: 'validate' | 'import' | 'export';
  done: number;
  total: number;
}

const BATCH = 5000;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export class ExchangeService {
  constructor(
    private readonly db: Database,
    private readonly statute: StatuteService,
    private readonly organisation: OrganisationService,
    /** Dues carried in the file (dues_paid_through, monthly_earnings); without it those columns stay empty. */
    private readonly dues?: DuesService,
  ) {}

  /**
   * Imports members from CSV. Policy: a file with any bad row imports nothing; every rejected row is
   * reported with its line number and reasons (error import_rejected, details.rejected). A good file
   * imports in one transaction. `defaultBody` (id, path or name) is used for rows without body_id.
   */
  async importMembers(
    actor: Actor | null,
    input: { csv: string | Buffer; defaultBody?: string; onProgress?: (p: ExchangeProgress) => void },
  ): Promise<ImportReport> {
    const orgId = await this.organisationOf(actor);
    const progress = input.onProgress ?? (() => {});
    let rows: string[][];
    try {
      rows = parse(input.csv, {
        bom: true,
        skip_empty_lines: true,
        relax_column_count: true,
        relax_quotes: false,
      }) as string[][];
    } catch (e) {
      throw ExchangeErrors.file_unreadable(
        { reason: (e as Error).message },
        `The file is not valid CSV: ${(e as Error).message}`,
      );
    }
    if (rows.length === 0)
      throw ExchangeErrors.file_unreadable(undefined, 'The file is empty: it needs a header line naming the columns.');
    const header = rows[0]!.map((h) => h.trim().toLowerCase());
    const hp = headerProblems(header);
    if (hp.length)
      throw ExchangeErrors.file_unreadable({ header: hp }, `The header line is not right: ${hp.join('; ')}.`);

    // Line numbers: the header is line 1; csv-parse skips empty lines, so count them back in via the raw text.
    const lines = dataLineNumbers(typeof input.csv === 'string' ? input.csv : input.csv.toString('utf8'));
    const records: { line: number; record: Record<string, unknown> }[] = [];
    const widthProblems: { line: number; reasons: string[] }[] = [];
    rows.slice(1).forEach((r, i) => {
      const line = lines[i] ?? i + 2;
      if (r.length !== header.length) {
        widthProblems.push({ line, reasons: [`has ${r.length} fields, the header has ${header.length}`] });
        return;
      }
      records.push({ line, record: Object.fromEntries(header.map((h, k) => [h, r[k]])) });
    });

    const defaultBodyId = input.defaultBody ? (await this.organisation.resolveBody(orgId, input.defaultBody)).id : null;
    const bodyRows = await repo.bodyFacts(
      this.db,
      referencedBodies(
        records.map((r) => r.record),
        defaultBodyId,
      ),
    );
    const bodies = new Map<string, BodyFacts>(
      bodyRows.map((b) => [
        b.id,
        { organisationId: b.organisation_id, status: b.status, primaryId: b.primary_id, path: b.path },
      ]),
    );
    // Policy first: the operator, or a secretary managing every body the file names.
    assertCanImportMembers(
      actor,
      orgId,
      [...bodies.values()].filter((b) => b.organisationId === orgId).map((b) => b.path),
    );
    const cards = records
      .map((r) => (typeof r.record.card_number === 'string' ? r.record.card_number.trim() : ''))
      .filter(Boolean);
    const taken = new Set<string>();
    for (let i = 0; i < cards.length; i += BATCH) {
      for (const c of await repo.takenCards(this.db, orgId, cards.slice(i, i + BATCH))) taken.add(c);
    }
    const rules = await this.statute.rules(orgId);
    progress({ phase: 'validate', done: 0, total: records.length });
    const { good, rejected } = validateRows(records, {
      organisationId: orgId,
      defaultBodyId,
      bodies,
      takenCards: taken,
      candidateStageMonths: rules.candidateStageMonths,
      today: today(),
    });
    const allRejected = [...widthProblems, ...rejected].sort((a, b) => a.line - b.line);
    if (allRejected.length) {
      const lines = describeRejections(allRejected);
      const shown = lines.slice(0, 20).join('\n');
      const more = lines.length > 20 ? `\n… and ${lines.length - 20} more rejected rows` : '';
      throw ExchangeErrors.import_rejected(
        { imported: 0, rejected: allRejected },
        `${allRejected.length} of ${records.length + widthProblems.length} rows were rejected, so nothing was imported:\n${shown}${more}`,
      );
    }
    await this.db.transaction().execute(async (tx) => {
      await liftTimeouts(tx); // batch work: large inserts, no request timeouts
      for (let i = 0; i < good.length; i += BATCH) {
        const chunk = good.slice(i, i + BATCH);
        const ids = chunk.map(() => uuidv7());
        await personRows.insertMany(
          tx,
          orgId,
          chunk.map((g, k) => ({
            id: ids[k]!,
            family_name: g.family_name,
            given_name: g.given_name,
            patronymic: g.patronymic,
            name_ru: g.name_ru,
            sex: g.sex,
            birth_year: g.birth_year,
            social_position: g.social_position,
            status: g.status,
            body_id: g.bodyId,
            enterprise_id: null,
            joined_on: g.joined_on ?? (g.status === 'non_member' ? null : today()),
            candidate_since:
              g.status === 'candidate'
                ? (g.candidate_since ?? g.joined_on ?? today())
                : g.status === 'member'
                  ? g.candidate_since
                  : null,
            card_number: g.card_number,
          })),
        );
        await this.dues?.importAccounts(
          tx,
          orgId,
          chunk.map((g, k) => ({ personId: ids[k]!, paidThrough: g.dues_paid_through, earnings: g.monthly_earnings })),
        );
        progress({ phase: 'import', done: Math.min(good.length, i + BATCH), total: good.length });
      }
      await repo.insertOutbox(tx, 'members.imported', {
        organisationId: orgId,
        count: good.length,
        byPersonId: actor?.personId ?? null,
      });
    });
    return { imported: good.length, rejected: [] };
  }

  /**
   * Writes the members of a body's subtree (default: the whole organisation) as CSV with the import's
   * columns, so an export imports again. Returns the number of rows written.
   */
  async exportMembers(
    actor: Actor | null,
    input: {
      body?: string;
      write: (chunk: string) => void | Promise<void>;
      onProgress?: (p: ExchangeProgress) => void;
    },
  ): Promise<number> {
    const orgId = await this.organisationOf(actor);
    const root = input.body ? await this.organisation.resolveBody(orgId, input.body) : null;
    assertCanExportMembers(actor, orgId, root?.path ?? null);
    await input.write(stringify([[...MEMBER_CSV_COLUMNS]]));
    let after: string | null = null;
    let n = 0;
    for (;;) {
      const page = await repo.exportPage(this.db, orgId, root?.path ?? null, after, BATCH);
      if (page.length === 0) break;
      const dues = this.dues
        ? await this.dues.exchangeFacts(
            orgId,
            page.map((r) => ({ id: r.id, status: r.status, joinedOn: r.joined_on })),
          )
        : new Map<string, { paidThrough: string | null; earnings: string | null }>();
      await input.write(
        stringify(
          page.map((r) => [
            r.family_name,
            r.given_name,
            r.patronymic ?? '',
            r.name_ru ?? '',
            r.sex ?? '',
            r.birth_year ?? '',
            r.social_position,
            r.status,
            r.card_number ?? '',
            r.joined_on ?? '',
            r.body_id ?? '',
            r.candidate_since ?? '',
            dues.get(r.id)?.paidThrough ?? '',
            dues.get(r.id)?.earnings ?? '',
          ]),
        ),
      );
      n += page.length;
      after = page[page.length - 1]!.id;
      input.onProgress?.({ phase: 'export', done: n, total: n });
      if (page.length < BATCH) break;
    }
    return n;
  }

  private async organisationOf(actor: Actor | null): Promise<string> {
    if (actor) return actor.organisationId;
    const id = await repo.firstOrganisationId(this.db);
    if (!id) throw ExchangeErrors.no_organisation();
    return id;
  }
}

/** Line numbers of the data records (after the header), skipping blank lines; quoted newlines are rare and approximated. */
function dataLineNumbers(text: string): number[] {
  const out: number[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let headerSeen = false;
  let inQuote = false;
  let start = 0;
  lines.forEach((l, i) => {
    const wasInQuote = inQuote;
    if (!wasInQuote) start = i + 1;
    for (const ch of l) if (ch === '"') inQuote = !inQuote;
    if (inQuote) return;
    if (!wasInQuote && l.trim() === '') return;
    if (!headerSeen) {
      headerSeen = true;
      return;
    }
    out.push(start);
  });
  return out;
}
