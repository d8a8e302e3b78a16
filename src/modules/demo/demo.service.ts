// Generates the demo organisation (and synthetic ones for benchmarks) with a bulk loader:
// plan in rules/ (pure, seeded), then a few large inserts in one transaction.
// The first start of a database (the demo, `init`) completes or starts over (ADR 0018): it marks the database
// 'building' before its first write and 'complete' after its last; a later first start finding the mark still
// 'building' empties the database and begins again.
import { hashPassword } from '../../platform/crypto/password.js';
import { uuidv7 } from 'uuidv7';
import type { Database, DbHandle } from '../../platform/db/client.js';
import { StatuteService } from '../statute/statute.service.js';
import { PRESETS } from '../statute/rules/presets.js';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_SEED, planDemo } from './rules/demo-plan.js';
import { planSynthetic, type SyntheticOptions } from './rules/synthetic-plan.js';
import { personBatches, personCount } from './rules/persons.js';
import { bodyRows } from './rules/rows.js';
import type { OrganisationPlan } from './rules/plan-types.js';
import type { StatutePreset } from '../../contracts/statute.js';
import { DuesService } from '../dues/dues.service.js';
import { RecordsService } from '../records/records.service.js';
import { DemoErrors } from './demo.errors.js';
import { AssemblyAccess } from '../assembly/assembly.service.js';
import { ProtocolService } from '../assembly/protocol.service.js';
import { SealService } from '../records/seal.service.js';
import { sha256Hex } from '../records/rules/seal.js';
import type { Actor } from '../../platform/actor.js';
import { DEMO_MEETINGS, demoMeetingRows } from './rules/meetings.js';
import * as repo from './demo.repository.js';
import { liftTimeouts } from '../../platform/db/busy.js';
import { emptyDatabase } from '../../platform/db/first-start.js';
import { killPoint, smallDemoForTests } from '../../platform/kill-point.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './rules/demo-plan.js';

export interface LoadProgress {
  phase: 'plan' | 'organisation' | 'persons' | 'accounts' | 'analyse' | 'dues' | 'meetings' | 'done';
  done: number;
  total: number;
}
export type ProgressFn = (p: LoadProgress) => void;

export interface LoadResult {
  organisationId: string;
  rootBodyId: string;
  bodies: number;
  persons: number;
  offices: number;
  accounts: { login: string; personId: string; role: string }[];
  ms: number;
}

/** Months of dues payments in the demo register. */
export const DEMO_DUES_MONTHS = 6;

/**
 * The database's first start: 'empty' (nothing set up), 'interrupted' (a demo or `init` began and did not finish:
 * the next one starts over), 'complete' (an organisation is set up, or one predates the mark).
 */
export type SetupState = 'empty' | 'interrupted' | 'complete';

/** Runs a first start while no other process sets up the same database (see withSetupLock). */
export type SetupLock = <T>(fn: () => Promise<T>) => Promise<T>;

export interface FirstStartHooks {
  /** Called once the first start begins, with true when it empties an interrupted one first. */
  onStart?: (startingOver: boolean) => void;
}

export class DemoService {
  private readonly setupLock: SetupLock;

  constructor(
    private readonly db: Database,
    private readonly statute: StatuteService,
    opts: { setupLock?: SetupLock } = {},
  ) {
    this.setupLock = opts.setupLock ?? ((fn) => fn());
  }

  /** Where the database's first start stands (see SetupState). */
  async setupState(): Promise<SetupState> {
    const mark = await repo.installation(this.db);
    if (mark) return mark.state === 'complete' ? 'complete' : 'interrupted';
    return (await repo.anyOrganisation(this.db)) ? 'complete' : 'empty';
  }

  /** True when the database holds a complete organisation (the demo or any other). */
  async hasOrganisation(): Promise<boolean> {
    return (await this.setupState()) === 'complete';
  }

  /**
   * Runs `work` as the database's first start: refused when an organisation is complete; an interrupted first
   * start is emptied away first (in the same transaction that writes the new 'building' mark); the mark turns
   * 'complete' only after `work` has returned.
   */
  private firstStart<T>(
    kind: 'demo' | 'init',
    refusal: () => Error,
    hooks: FirstStartHooks,
    work: () => Promise<T>,
  ): Promise<T> {
    return this.setupLock(async () => {
      const state = await this.setupState();
      if (state === 'complete') throw refusal();
      await this.db.transaction().execute(async (tx) => {
        await liftTimeouts(tx);
        if (state === 'interrupted') await emptyDatabase(tx);
        await repo.beginInstallation(tx, kind);
      });
      hooks.onStart?.(state === 'interrupted');
      const result = await work();
      killPoint(`${kind}:complete`);
      await repo.completeInstallation(this.db);
      return result;
    });
  }

  /** Generates the demo organisation into an empty database (or one an interrupted first start left). */
  async generateDemo(opts: { seed?: number; onProgress?: ProgressFn } & FirstStartHooks = {}): Promise<LoadResult> {
    return this.firstStart(
      'demo',
      () => DemoErrors.organisation_exists(),
      opts,
      () =>
        this.buildDemo({
          ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
          onProgress: (p) => {
            killPoint(`demo:${p.phase}`); // test-only (ADR 0018)
            opts.onProgress?.(p);
          },
        }),
    );
  }

  private async buildDemo(opts: { seed?: number; onProgress: ProgressFn }): Promise<LoadResult> {
    opts.onProgress?.({ phase: 'plan', done: 0, total: 1 });
    const plan = planDemo(opts.seed ?? DEMO_SEED, { small: smallDemoForTests() });
    const roles = new Map<string, string>(DEMO_ACCOUNTS.map((a) => [a.login, a.role]));
    const loaded = await this.load(plan, {
      rootName: DEMO_ORGANISATION.rootName,
      rootNameRu: DEMO_ORGANISATION.rootNameRu,
      password: DEMO_PASSWORD,
      roles,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    // Dues register: the last 6 months of payments for most members, a few percent in arrears (dues module).
    // Six months show arrears past the statute's limit (3) while keeping a fresh demo well under 30 s.
    opts.onProgress?.({ phase: 'dues', done: 0, total: loaded.persons });
    await new DuesService(this.db, this.statute, new RecordsService(this.db)).seedDemoPayments(
      loaded.organisationId,
      DEMO_DUES_MONTHS,
    );
    // Sealed past meetings (a shop cell, the bureau, a general assembly in March 1927): protocols generated,
    // approved and sealed through the protocol service, so `antaeus verify` has a chain to check.
    opts.onProgress?.({ phase: 'meetings', done: 0, total: DEMO_MEETINGS.length });
    await this.seedPastMeetings(loaded.organisationId, (done) =>
      opts.onProgress?.({ phase: 'meetings', done, total: DEMO_MEETINGS.length }),
    );
    opts.onProgress?.({ phase: 'done', done: loaded.persons, total: loaded.persons });
    return loaded;
  }

  /** Inserts the demo's past meetings with their record, then generates, approves and seals each protocol. */
  private async seedPastMeetings(organisationId: string, onMeeting: (done: number) => void): Promise<void> {
    const setting = await repo.demoMeetingSetting(this.db, organisationId);
    if (!setting) return;
    const records = new RecordsService(this.db);
    const protocols = new ProtocolService(this.db, new AssemblyAccess(this.db), new SealService(this.db), this.statute);
    const secretary = setting.people.secretary!;
    // The organisation's secretary keeps the protocols (manages the organisation's subtree).
    const actor: Actor = {
      accountId: '',
      personId: secretary.id,
      organisationId,
      login: 'putilov.secretary',
      displayName: secretary.familyName,
      locale: 'ru',
      scopes: [{ bodyId: setting.po.id, path: setting.po.path, title: 'secretary' }],
      homePath: setting.po.path,
      csrfToken: '',
    };
    let done = 0;
    for (const plan of DEMO_MEETINGS) {
      const bodyId = plan.body === 'po' ? setting.po.id : plan.body === 'bureau' ? setting.bureauId : setting.cell.id;
      const { rows, decisions, mustAttend } = demoMeetingRows(plan, {
        organisationId,
        bodyId,
        people: setting.people,
        newId: uuidv7,
        hash: sha256Hex,
      });
      const meetingId = rows.meeting.id;
      await this.db.transaction().execute(async (tx) => {
        await repo.insertDemoMeeting(tx, rows);
        const voting = await repo.insertDemoParticipants(tx, {
          meetingId,
          organisationId,
          source:
            plan.entitled === 'offices'
              ? { kind: 'offices', bodyId }
              : { kind: 'subtree', path: plan.body === 'cell' ? setting.cell.path : setting.po.path },
          presentPercent: plan.presentPercent,
          checkedInAt: plan.openedAt,
          salt: plan.key,
          mustAttend,
        });
        for (const d of decisions)
          await records.decision(tx, {
            organisationId,
            bodyId,
            takenOn: plan.startsAt.slice(0, 10),
            process: 'assembly',
            entityId: d.itemId,
            outcome: d.outcome,
            votes: { for: Math.max(0, voting - d.against - d.abstained), against: d.against, abstained: d.abstained },
            recordedBy: actor,
            assemblyId: meetingId,
          });
      });
      const draft = await protocols.generate(actor, meetingId, { lang: 'ru' });
      const approved = await protocols.approve(actor, meetingId, { version: draft.version });
      await protocols.seal(actor, meetingId, { version: approved.version });
      onMeeting(++done);
    }
  }

  /**
   * Founds an organisation from a statute preset into an empty database, optionally with a first
   * administrator (a person holding the statute's first managing office in the root body).
   * The account itself is created by the caller through the auth service (password rules live there).
   */
  async initOrganisation(
    input: {
      name: string;
      nameRu?: string | null;
      preset: StatutePreset;
      effectiveFrom?: string;
      adoptedBy?: string;
      administrator?: { familyName: string; givenName: string };
      /** The caller's last step of the founding (e.g. the administrator's account), before it counts as complete. */
      finish?: (founded: FoundedOrganisation) => Promise<void>;
    } & FirstStartHooks,
  ): Promise<FoundedOrganisation> {
    return this.firstStart(
      'init',
      () => DemoErrors.database_not_empty(),
      input,
      async () => {
        const founded = await this.found(input);
        await input.finish?.(founded);
        return founded;
      },
    );
  }

  private async found(input: {
    name: string;
    nameRu?: string | null;
    preset: StatutePreset;
    effectiveFrom?: string;
    adoptedBy?: string;
    administrator?: { familyName: string; givenName: string };
  }): Promise<FoundedOrganisation> {
    const today = new Date().toISOString().slice(0, 10);
    const created = await this.statute.createOrganisation({
      name: input.name,
      nameRu: input.nameRu ?? null,
      preset: input.preset,
      effectiveFrom: input.effectiveFrom ?? today,
      adoptedBy: input.adoptedBy ?? 'Founding congress',
      ...rootLabel(input.preset),
    });
    killPoint('init:organisation'); // test-only (ADR 0018)
    let administratorPersonId: string | null = null;
    if (input.administrator) {
      const rules = await this.statute.rules(created.organisationId, input.effectiveFrom ?? today);
      administratorPersonId = uuidv7();
      await this.db.transaction().execute(async (tx) => {
        await repo.insertAdministrator(tx, {
          personId: administratorPersonId!,
          organisationId: created.organisationId,
          familyName: input.administrator!.familyName,
          givenName: input.administrator!.givenName,
          officeId: uuidv7(),
          rootBodyId: created.rootBodyId,
          title: rules.managingOffices[0]!,
          startsOn: input.effectiveFrom ?? today,
        });
        await repo.insertOutbox(tx, 'organisation.administrator', {
          organisationId: created.organisationId,
          personId: administratorPersonId,
        });
      });
      killPoint('init:administrator'); // test-only (ADR 0018)
    }
    return { organisationId: created.organisationId, rootBodyId: created.rootBodyId, administratorPersonId };
  }

  /** Generates a synthetic organisation (benchmarks); may share the database with others. */
  async generateSynthetic(opts: SyntheticOptions & { onProgress?: ProgressFn }): Promise<LoadResult> {
    const plan = planSynthetic(opts);
    return this.load(plan, {
      rootName: 'Central Committee',
      rootNameRu: 'Центральный комитет',
      roles: new Map(),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
  }

  private async load(
    plan: OrganisationPlan,
    opts: {
      rootName: string;
      rootNameRu: string;
      password?: string;
      roles: Map<string, string>;
      onProgress?: ProgressFn;
    },
  ): Promise<LoadResult> {
    const started = performance.now();
    const progress = opts.onProgress ?? (() => {});
    const total = personCount(plan);
    progress({ phase: 'organisation', done: 0, total });
    const created = await this.statute.createOrganisation({
      name: plan.organisation.name,
      nameRu: plan.organisation.nameRu,
      preset: plan.organisation.preset,
      effectiveFrom: plan.organisation.effectiveFrom,
      adoptedBy: plan.organisation.adoptedBy,
      rootName: opts.rootName,
      rootNameRu: opts.rootNameRu,
    });
    const orgId = created.organisationId;
    const bodies = bodyRows(plan, created.rootBodyId);
    const bodyIds = bodies.map((b) => b.id);
    const entIds = plan.enterprises.map((e) => e.id);
    const logins: Record<string, string> = {};
    let persons = 0;
    let offices = 0;
    const hashes = opts.password
      ? await Promise.all([...opts.roles.keys()].map(() => hashPassword(opts.password!)))
      : [];
    try {
      await this.db.transaction().execute(async (tx) => {
        await liftTimeouts(tx); // batch work: large inserts, no request timeouts
        await repo.insertEnterprises(tx, orgId, plan.enterprises);
        await repo.insertBodies(tx, orgId, bodies.slice(1));
        for (const batch of personBatches(plan, repo.CHUNK)) {
          await repo.insertPersons(
            tx,
            orgId,
            batch.persons.map(({ body, enterprise, ...p }) => ({
              ...p,
              bodyId: bodyIds[body]!,
              enterpriseId: enterprise === null ? null : entIds[enterprise]!,
            })),
          );
          await repo.insertOffices(
            tx,
            batch.offices.map(({ body, ...o }) => ({ ...o, bodyId: bodyIds[body]! })),
          );
          if (batch.outsiders?.length)
            await repo.insertPersons(
              tx,
              orgId,
              batch.outsiders.map(({ enterprise, login: _login, ...o }) => ({
                ...o,
                status: 'non_member' as const,
                bodyId: null,
                enterpriseId: enterprise === null ? null : entIds[enterprise]!,
                joinedOn: null,
                candidateSince: null,
                cardNumber: null,
              })),
            );
          Object.assign(logins, batch.logins);
          persons += batch.persons.length;
          offices += batch.offices.length;
          progress({ phase: 'persons', done: persons, total });
        }
        progress({ phase: 'accounts', done: persons, total });
        const accounts = [...opts.roles.keys()].map((login, i) => ({
          id: uuidv7(),
          personId: logins[login]!,
          login,
          passwordHash: hashes[i]!,
          locale: 'en',
        }));
        await repo.insertAccounts(tx, accounts);
        await repo.insertOutbox(tx, 'demo.generated', {
          organisationId: orgId,
          seed: plan.seed,
          persons,
          bodies: bodies.length,
        });
      });
    } catch (e) {
      await repo.deleteOrganisation(this.db, orgId).catch(() => {});
      throw e;
    }
    progress({ phase: 'analyse', done: persons, total });
    await repo.analyse(this.db);
    progress({ phase: 'done', done: persons, total });
    return {
      organisationId: orgId,
      rootBodyId: created.rootBodyId,
      bodies: bodies.length,
      persons,
      offices,
      accounts: [...opts.roles.entries()].map(([login, role]) => ({ login, role, personId: logins[login]! })),
      ms: Math.round(performance.now() - started),
    };
  }
}

export interface FoundedOrganisation {
  organisationId: string;
  rootBodyId: string;
  administratorPersonId: string | null;
}

/** The root body's name in the preset's own words (e.g. 'Federation executive'), when it has one. */
function rootLabel(preset: StatutePreset): { rootName?: string; rootNameRu?: string } {
  const rules = PRESETS[preset];
  const label = rules.kindLabels[rules.rootKinds[0]!];
  return label ? { rootName: label.en, rootNameRu: label.ru } : {};
}

/** Builds a synthetic organisation (e.g. 1,000,000 members in 50,000 bodies) for benchmarks. */
export async function generateSynthetic(
  handle: DbHandle,
  opts: SyntheticOptions & { onProgress?: ProgressFn },
): Promise<LoadResult> {
  return new DemoService(handle.db, new StatuteService(handle.db)).generateSynthetic(opts);
}
