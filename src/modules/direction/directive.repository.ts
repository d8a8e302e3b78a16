// SQL of directives: the directive, its target rules, concretisations down the frozen tree (each moving the due
// dates below it), acknowledgements.
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/executor.js';
import type {
  DirectiveConcretisationTable,
  DirectiveTable,
  TargetRuleTable,
} from '../../platform/db/schema-direction.js';

export type DirectiveRow = Selectable<DirectiveTable> & {
  round_id: string;
  issuer_name: string;
  issuer_name_ru: string | null;
  issuer_path: string;
};
export type ConcretisationRow = Selectable<DirectiveConcretisationTable> & { name: string; name_ru: string | null };
export type TargetRuleRow = Selectable<TargetRuleTable>;

export async function insertDirective(
  ex: Executor,
  d: Insertable<DirectiveTable>,
  targets: Insertable<TargetRuleTable>[],
): Promise<void> {
  await ex.insertInto('directive').values(d).execute();
  if (targets.length > 0) await ex.insertInto('target_rule').values(targets).execute();
}

export async function findDirective(ex: Executor, id: string): Promise<DirectiveRow | null> {
  const r = await sql<DirectiveRow>`
    select d.*, r.id as round_id, b.name as issuer_name, b.name_ru as issuer_name_ru, b.path::text as issuer_path
    from directive d join direction_round r on r.directive_id = d.id join body b on b.id = d.issuer_body_id
    where d.id = ${id}`.execute(ex);
  return r.rows[0] ?? null;
}

export async function directiveOfRound(ex: Executor, roundId: string): Promise<DirectiveRow | null> {
  const r = await sql<DirectiveRow>`
    select d.*, r.id as round_id, b.name as issuer_name, b.name_ru as issuer_name_ru, b.path::text as issuer_path
    from direction_round r join directive d on d.id = r.directive_id join body b on b.id = d.issuer_body_id
    where r.id = ${roundId}`.execute(ex);
  return r.rows[0] ?? null;
}

export async function targetRules(ex: Executor, directiveId: string): Promise<TargetRuleRow[]> {
  return ex.selectFrom('target_rule').selectAll().where('directive_id', '=', directiveId).execute();
}

/** Concretisations made by some bodies (the chain above a node), outermost first. */
export async function concretisationsOf(
  ex: Executor,
  directiveId: string,
  bodyIds: string[],
): Promise<ConcretisationRow[]> {
  if (bodyIds.length === 0) return [];
  const r = await sql<ConcretisationRow>`
    select c.*, b.name, b.name_ru from directive_concretisation c join body b on b.id = c.body_id
    where c.directive_id = ${directiveId} and c.body_id = any(${bodyIds}::uuid[]) order by b.depth`.execute(ex);
  return r.rows;
}

export async function insertConcretisation(ex: Executor, row: Insertable<DirectiveConcretisationTable>): Promise<void> {
  await ex.insertInto('directive_concretisation').values(row).execute();
}

/**
 * A relay's new deadline for its frozen subtree: every node below it (and it) is due then, except where a
 * concretisation further down set an earlier one (kept: the deepest wins, and it is never later than this).
 */
export async function setDueBelow(ex: Executor, roundId: string, path: string, dueAt: Date): Promise<void> {
  await sql`
    update round_body set due_at = ${dueAt}
    where round_id = ${roundId} and path <@ ${path}::ltree and due_at > ${dueAt}`.execute(ex);
}

/** Children of a node with their acknowledgement, and how many addressees below each have acknowledged. */
export async function acknowledgements(
  ex: Executor,
  roundId: string,
  parentId: string,
): Promise<
  {
    body_id: string;
    name: string;
    name_ru: string | null;
    relay: boolean;
    ack_at: Date | null;
    expected: number;
    acknowledged: number;
  }[]
> {
  const r = await sql<never>`
    select rb.body_id, b.name, b.name_ru, rb.relay, rb.ack_at,
           coalesce(sum(p.expected), 0)::int as expected, coalesce(sum(p.acknowledged), 0)::int as acknowledged
    from round_body rb join body b on b.id = rb.body_id
    left join round_progress p on p.round_id = rb.round_id and p.body_id = rb.body_id
    where rb.round_id = ${roundId} and rb.parent_id = ${parentId}
    group by rb.body_id, b.name, b.name_ru, rb.relay, rb.ack_at
    order by (rb.ack_at is null) desc, b.name limit 2000`.execute(ex);
  return r.rows;
}

/**
 * A body and its organs (bureau, secretariat…: bodies of the given kinds directly under it), of one organisation:
 * the bodies whose adopted motions can found the body's directives.
 */
export async function bodyWithOrgans(
  ex: Executor,
  organisationId: string,
  bodyId: string,
  organKinds: readonly string[],
): Promise<{ id: string; kind: string; name: string; name_ru: string | null }[]> {
  return ex
    .selectFrom('body')
    .select(['id', 'kind', 'name', 'name_ru'])
    .where('organisation_id', '=', organisationId)
    .where((w) =>
      w.or([w('id', '=', bodyId), w.and([w('parent_id', '=', bodyId), w('kind', 'in', organKinds as never[])])]),
    )
    .orderBy('path')
    .execute();
}
