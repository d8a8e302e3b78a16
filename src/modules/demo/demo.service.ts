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
import {
  CAMPAIGN_INDICATORS,
  CAMPAIGN_RULES,
  CAMPAIGN_TEXT,
  MEMBERSHIP_INDICATORS,
  campaignReports,
  membershipReports,
} from './rules/direction-demo.js';
import { DISTRICTS } from './rules/places.js';
import { mulberry32 } from './rules/prng.js';
import { DirectionDefinitionsService } from '../direction/definitions.service.js';
import { DirectiveService } from '../direction/directive.service.js';
import { ReportService } from '../direction/report.service.js';
import { RollupService } from '../direction/rollup.service.js';
import { DirectionSeedService } from '../direction/seed.service.js';
import { MotionService } from '../ballot/motion.service.js';
import type { CreateIndicatorInput } from '../../contracts/direction.js';
import type { RuleExpr } from '../../contracts/direction-expr.js';

/** Steps of the demo's direction phase (progress). */
const DIRECTION_STEPS = 4;

/** The first day of the month `back` months before the month of `now` (YYYY-MM-DD). */
function monthStart(now: number, back: number): string {
  const d = new Date(now);
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));
  return m.toISOString().slice(0, 10);
}
import * as repo from './demo.repository.js';
import { liftTimeouts } from '../../platform/db/busy.js';
import { emptyDatabase } from '../../platform/db/first-start.js';
import { killPoint, smallDemoForTests } from '../../platform/kill-point.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './rules/demo-plan.js';

export interface LoadProgress {
  phase: 'plan' | 'organisation' | 'persons' | 'accounts' | 'analyse' | 'dues' | 'meetings' | 'direction' | 'done';
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
    // Direction: the 1929 production-conference drive in progress and twelve monthly membership reports.
    opts.onProgress?.({ phase: 'direction', done: 0, total: DIRECTION_STEPS });
    await this.seedDirection(loaded.organisationId, (done) =>
      opts.onProgress?.({ phase: 'direction', done, total: DIRECTION_STEPS }),
    );
    opts.onProgress?.({ phase: 'done', done: loaded.persons, total: loaded.persons });
    return loaded;
  }

  /**
   * The city committee issues the production-conference drive (a decision of its bureau), each district
   * concretises it, about half the organisations have reported (the Vyborgsky district's deadline has passed, so
   * some are late; a few were returned); the Moskovsky district files a summary that overstates its
   * organisations' raw reports. And the monthly membership report of the last twelve months. Directives and
   * concretisations go through the services; the reports are a history loaded in bulk, then recomputed.
   */
  private async seedDirection(organisationId: string, onStep: (done: number) => void): Promise<void> {
    const setting = await repo.directionSetting(this.db, organisationId);
    if (!setting) return;
    const rng = mulberry32(DEMO_SEED + 13);
    const records = new RecordsService(this.db);
    const definitions = new DirectionDefinitionsService(this.db);
    const directives = new DirectiveService(
      this.db,
      this.statute,
      records,
      new MotionService(this.db, new AssemblyAccess(this.db), this.statute),
      definitions,
    );
    const reports = new ReportService(this.db, definitions, this.statute);
    const rollups = new RollupService(this.db, definitions, directives);
    const seed = new DirectionSeedService(this.db);
    const actor = (personId: string, body: { id: string; path: string }): Actor => ({
      accountId: '',
      personId,
      organisationId,
      login: '',
      displayName: '',
      locale: 'ru',
      scopes: [{ bodyId: body.id, path: body.path, title: 'secretary' }],
      homePath: null,
      csrfToken: '',
    });
    const cityActor = actor(setting.city.secretary, setting.city);
    const define = async (list: readonly Record<string, unknown>[]) => {
      const out: Record<string, string> = {};
      for (const i of list) {
        const blank = {
          unit: null,
          unitRu: null,
          decimals: null,
          minValue: null,
          maxValue: null,
          toleranceAbs: null,
          toleranceRel: null,
        };
        const ind = await definitions.createIndicator(cityActor, { ...blank, ...i } as CreateIndicatorInput);
        out[ind.code] = ind.id;
      }
      return out;
    };
    const campaignIds = await define(CAMPAIGN_INDICATORS);
    const membershipIds = await define(MEMBERSHIP_INDICATORS);
    const campaignForm = await definitions.createForm(cityActor, {
      name: 'Production conference report',
      nameRu: 'Отчёт о производственном совещании',
      requiresProtocol: false,
      committeeSummary: true,
      items: Object.values(campaignIds).map((id) => ({
        indicatorId: id,
        required: id === campaignIds.conferences_held,
      })),
      rules: CAMPAIGN_RULES.map((r) => ({ ...r, expr: r.expr as RuleExpr })),
    });
    // a campaign's form: the report gives the protocol of the meeting that took the item up (issued from the app)
    await definitions.createForm(cityActor, {
      name: 'Production conference report with the meeting’s protocol',
      nameRu: 'Отчёт о производственном совещании с протоколом собрания',
      requiresProtocol: true,
      committeeSummary: true,
      items: Object.values(campaignIds).map((id) => ({
        indicatorId: id,
        required: id === campaignIds.conferences_held,
      })),
      rules: CAMPAIGN_RULES.map((r) => ({ ...r, expr: r.expr as RuleExpr })),
    });
    const membershipForm = await definitions.createForm(cityActor, {
      name: 'Monthly membership report',
      nameRu: 'Ежемесячный отчёт о составе организации',
      requiresProtocol: false,
      committeeSummary: false,
      items: Object.values(membershipIds).map((id) => ({ indicatorId: id, required: true })),
      rules: [],
    });
    onStep(1);

    const day = 86_400_000;
    const now = Date.now();
    const dateIn = (days: number) => new Date(now + days * day).toISOString().slice(0, 10);
    const directive = await directives.issue(cityActor, {
      issuerBodyId: setting.city.id,
      ...CAMPAIGN_TEXT,
      addressing: { kind: 'kinds', kinds: ['primary_organisation'] },
      deadline: dateIn(14),
      expiryDays: 60,
      splitMode: 'at_least',
      formId: campaignForm.id,
      targets: [
        { indicatorId: campaignIds.conferences_held!, mode: 'per_addressee', value: 1, sense: 'at_least' },
        { indicatorId: campaignIds.proposals_made!, mode: 'per_member', value: 0.25, sense: 'at_least' },
      ],
      source: { kind: 'decision', takenOn: dateIn(-12), votes: { for: 9, against: 0, abstained: 0 } },
    });
    const keyOf = (name: string) => DISTRICTS.find((d) => name.startsWith(d.en))?.key ?? name;
    for (const [i, d] of setting.districts.entries()) {
      const name = d.name.replace(/ committee$/, '');
      await directives.concretise(actor(d.secretary, d), directive.id, {
        bodyId: d.id,
        text: `${name}: conferences at every works of the district, the largest first; the district committee’s instructors attend.`,
        textRu: `${name}: совещания на всех предприятиях района, начиная с крупнейших; присутствуют инструкторы райкома.`,
        deadline: dateIn(7 + (i % 7)),
        source: { kind: 'decision', takenOn: dateIn(-9), votes: { for: 7, against: 0, abstained: 0 } },
      });
    }
    const vyborgsky = setting.districts.find((d) => keyOf(d.name) === 'vyborgsky');
    // as the history has it: the Vyborgsky committee's deadline has passed, so its late organisations show as late
    if (vyborgsky) await seed.setDueOfSubtree(directive.roundId, vyborgsky.id, new Date(now - 3 * day));
    onStep(2);

    const districtKey = new Map(setting.districts.map((d) => [d.id, keyOf(d.name)]));
    const pos = setting.primaries.map((p) => ({
      id: p.id,
      members: p.members,
      districtKey: districtKey.get(p.district_id)!,
    }));
    const secretaryOf = new Map(setting.primaries.map((p) => [p.id, p.secretary]));
    const planned = campaignReports(rng, pos, new Set(setting.journeyBodies), new Set(['kirovsky']));
    await seed.loadReports(
      directive.roundId,
      planned.map((r) => ({
        bodyId: r.bodyId,
        values: r.values,
        submittedAt: new Date(now - r.daysAgo * day - rng.int(1, 10) * 3_600_000),
        state: r.state,
        reason: r.reason,
        byPersonId: secretaryOf.get(r.bodyId) ?? null,
      })),
    );
    // two districts file their own summaries: the Vasileostrovsky committee's agrees with its organisations', the
    // Moskovsky committee's overstates the proposals (the centre sees both figures side by side)
    for (const [key, factor] of [
      ['vasileostrovsky', 1],
      ['moskovsky', 1.3],
    ] as const) {
      const d = setting.districts.find((x) => keyOf(x.name) === key);
      if (!d) continue;
      const node = await rollups.node(actor(d.secretary, d), directive.roundId, d.id);
      const raw = (code: string) => node.figures.find((f) => f.code === code)?.descendants ?? 0;
      await reports.save(
        actor(d.secretary, d),
        directive.roundId,
        d.id,
        {
          version: 0,
          scope: 'summary',
          values: {
            conferences_held: raw('conferences_held'),
            workers_attending: Math.round(raw('workers_attending') * (factor === 1 ? 1 : 1.1)),
            attendance_share: Math.round(raw('attendance_share') * 10) / 10,
            proposals_made: Math.round(raw('proposals_made') * factor),
            proposals_adopted: Math.min(
              Math.round(raw('proposals_made') * factor),
              Math.round(raw('proposals_adopted') * (factor === 1 ? 1 : 1.45)),
            ),
            remarks: null,
          },
          text: null,
          meetingId: null,
          agendaItemId: null,
        },
        true,
      );
    }
    onStep(3);

    const schedule = await definitions.createSchedule(cityActor, {
      issuerBodyId: setting.city.id,
      formId: membershipForm.id,
      frequency: 'monthly',
      bodyKinds: ['primary_organisation'],
      dueDays: 10,
      expiryDays: 90,
      startsOn: monthStart(now, 12),
      endsOn: null,
    });
    for (let m = 12; m >= 1; m--) {
      const month = monthStart(now, m);
      const { roundId } = await directives.openPeriod(null, schedule.id, month);
      const dueAt = new Date((await rollups.node(cityActor, roundId, setting.city.id)).dueAt).getTime();
      const dues = await repo.duesOfMonth(this.db, organisationId, month);
      const monthly = membershipReports(rng, pos, m, (id) => dues.get(id) ?? null);
      await seed.loadReports(
        roundId,
        monthly.map((r) => ({
          bodyId: r.bodyId,
          values: r.values,
          submittedAt: new Date(Math.min(now - 3_600_000, dueAt + r.daysAgo * day - rng.int(1, 20) * 3_600_000)),
          state: r.state,
          reason: null,
          byPersonId: secretaryOf.get(r.bodyId) ?? null,
        })),
      );
    }
    onStep(DIRECTION_STEPS);
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
