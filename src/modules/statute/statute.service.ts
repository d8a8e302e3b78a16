// Statute use cases: the version in force, the history of versions, adopting a version, and
// founding an organisation (organisation + statute v1 + root body in one transaction).
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/client.js';
import type { Executor } from '../../platform/db/executor.js';
import type { Actor } from '../../platform/actor.js';
import { StatuteRules, StatuteVersion, type AdoptStatuteInput, type StatutePreset } from '../../contracts/statute.js';
import { PRESETS } from './rules/presets.js';
import { todayIso } from './rules/dates.js';
import { StatuteErrors } from './statute.errors.js';
import { assertCanAdoptStatute } from './statute.policy.js';
import * as repo from './statute.repository.js';
import { bodyRows } from '../organisation/body-rows.service.js';

export interface CreateOrganisationInput {
  name: string;
  nameRu?: string | null;
  preset: StatutePreset;
  /** Overrides of the preset's rules (validated as a whole). */
  rules?: Partial<StatuteRules>;
  effectiveFrom: string;
  adoptedBy: string;
  rootName?: string;
  rootNameRu?: string | null;
}

export interface CreatedOrganisation {
  organisationId: string;
  statuteVersionId: string;
  rootBodyId: string;
  rootPath: string;
}

export interface OrganisationRecord {
  id: string;
  name: string;
  nameRu: string | null;
}

function toVersion(row: repo.StatuteVersionRow): StatuteVersion {
  const rules = typeof row.rules === 'string' ? (JSON.parse(row.rules) as unknown) : row.rules;
  return StatuteVersion.parse({
    id: row.id,
    version: row.version,
    preset: row.preset,
    effectiveFrom: row.effective_from,
    adoptedBy: row.adopted_by,
    rules,
  });
}

/** Freezes a parsed version through and through: one object is shared by every reader of the process. */
function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** Parsed versions kept (a version is never changed once adopted): more than any organisation has. */
const PARSED_VERSIONS = 256;

/**
 * The statute as other modules' services read it (StatuteService provides it): the version or the rules in force on
 * `onDate` (default today). Inside a write transaction pass the transaction as `ex` (ADR 0013).
 */
export interface StatuteSource {
  inForce(organisationId: string, onDate?: string, ex?: Executor): Promise<StatuteVersion>;
  rules(organisationId: string, onDate?: string, ex?: Executor): Promise<StatuteRules>;
}

export class StatuteService implements StatuteSource {
  /**
   * Versions already read and parsed, by id. Which version is in force is still read every time, in the caller's
   * transaction (ADR 0013); only the parse of an immutable row is saved.
   */
  private readonly parsed = new Map<string, StatuteVersion>();

  constructor(private readonly db: Database) {}

  /**
   * The version whose effective date is the latest on or before `onDate` (default today). Inside a write
   * transaction, pass it as `ex`: a read there never takes a second connection (ADR 0013).
   */
  async inForce(organisationId: string, onDate: string = todayIso(), ex: Executor = this.db): Promise<StatuteVersion> {
    const head = await repo.versionIdInForce(ex, organisationId, onDate);
    if (!head) throw StatuteErrors.statute_not_found({ organisationId, onDate });
    const known = this.parsed.get(head.id);
    if (known) return known;
    const row = await repo.versionById(ex, head.id);
    if (!row) throw StatuteErrors.statute_not_found({ organisationId, onDate });
    const version = deepFreeze(toVersion(row));
    if (this.parsed.size >= PARSED_VERSIONS) this.parsed.delete(this.parsed.keys().next().value!);
    this.parsed.set(head.id, version);
    return version;
  }

  /** The rules in force (shortcut for other services); `ex`: the caller's open transaction, if any. */
  async rules(organisationId: string, onDate?: string, ex?: Executor): Promise<StatuteRules> {
    return (await this.inForce(organisationId, onDate, ex)).rules;
  }

  async versions(organisationId: string): Promise<StatuteVersion[]> {
    return (await repo.listVersions(this.db, organisationId)).map(toVersion);
  }

  async organisation(organisationId: string): Promise<OrganisationRecord> {
    const row = await repo.findOrganisation(this.db, organisationId);
    if (!row) throw StatuteErrors.organisation_not_found({ organisationId });
    return { id: row.id, name: row.name, nameRu: row.name_ru };
  }

  /** Adopts a new statute version for the actor's organisation; returns it (with its number). */
  async adopt(actor: Actor, input: AdoptStatuteInput): Promise<StatuteVersion> {
    assertCanAdoptStatute(actor);
    const rules = StatuteRules.parse(input.rules);
    const orgId = actor.organisationId;
    return this.db.transaction().execute(async (tx) => {
      if (!(await repo.lockOrganisation(tx, orgId)))
        throw StatuteErrors.organisation_not_found({ organisationId: orgId });
      const latest = await repo.latestVersion(tx, orgId);
      if (latest && input.effectiveFrom < latest.effective_from) {
        throw StatuteErrors.statute_date_before_current({ latestEffectiveFrom: latest.effective_from });
      }
      const roots = await repo.rootKinds(tx, orgId);
      const missing = roots.filter((k) => !(rules.rootKinds as string[]).includes(k));
      if (missing.length > 0) throw StatuteErrors.statute_root_kind_missing({ missing });
      const row = {
        id: uuidv7(),
        organisation_id: orgId,
        version: (latest?.version ?? 0) + 1,
        preset: latest?.preset ?? 'custom',
        effective_from: input.effectiveFrom,
        adopted_by: input.adoptedBy,
      };
      await repo.insertVersion(tx, { ...row, rules: JSON.stringify(rules) });
      await repo.insertOutbox(tx, 'statute.adopted', {
        organisationId: orgId,
        version: row.version,
        effectiveFrom: row.effective_from,
        byPersonId: actor.personId,
      });
      return toVersion({ ...row, rules });
    });
  }

  /** Founds an organisation: the organisation, statute version 1 and its root body, in one transaction. */
  async createOrganisation(input: CreateOrganisationInput): Promise<CreatedOrganisation> {
    const rules = StatuteRules.parse({ ...PRESETS[input.preset], ...input.rules });
    const organisationId = uuidv7();
    const statuteVersionId = uuidv7();
    const rootBodyId = uuidv7();
    // The root's materialised path: its id's hex without dashes (see organisation/rules/path.ts).
    const rootPath = rootBodyId.replace(/-/g, '');
    await this.db.transaction().execute(async (tx) => {
      await repo.insertOrganisation(tx, { id: organisationId, name: input.name, name_ru: input.nameRu ?? null });
      await repo.insertVersion(tx, {
        id: statuteVersionId,
        organisation_id: organisationId,
        version: 1,
        preset: input.preset,
        effective_from: input.effectiveFrom,
        adopted_by: input.adoptedBy,
        rules: JSON.stringify(rules),
      });
      await bodyRows.insertRoot(tx, {
        id: rootBodyId,
        organisation_id: organisationId,
        path: rootPath,
        kind: rules.rootKinds[0]!,
        name: input.rootName ?? 'Central Committee',
        name_ru: input.rootNameRu ?? (input.rootName ? null : 'Центральный комитет'),
      });
      await repo.insertOutbox(tx, 'organisation.created', { organisationId, rootBodyId, preset: input.preset });
    });
    return { organisationId, statuteVersionId, rootBodyId, rootPath };
  }
}
