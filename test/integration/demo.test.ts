// The full demo generated through the bulk loader, checked through the statistics SQL and the HTTP API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDb, type TestDb } from '../support/db.js';
import { buildHttpApp, createServices, type Services } from '../../src/app/compose.js';
import { DemoService, DEMO_ACCOUNTS, DEMO_PASSWORD, type LoadResult } from '../../src/modules/demo/demo.service.js';
import { AppError } from '../../src/platform/errors.js';
import { DISTRICTS } from '../../src/modules/demo/rules/places.js';

describe.each(DB_KINDS)('demo organisation on %s', (kind) => {
  let db: TestDb;
  let services: Services;
  let demo: DemoService;
  let result: LoadResult;
  const phases = new Set<string>();

  beforeAll(async () => {
    db = await openTestDb(kind);
    services = createServices(db);
    demo = new DemoService(db.db, services.statute);
    result = await demo.generateDemo({ onProgress: (p) => phases.add(p.phase) });
    console.log(`[${kind}] demo generated in ${result.ms} ms: ${result.persons} persons, ${result.bodies} bodies`);
  }, 180_000);
  afterAll(async () => db?.close());

  it('reports progress and produces the seeds’ size bands through the statistics SQL', async () => {
    expect([...phases]).toEqual(expect.arrayContaining(['organisation', 'persons', 'done']));
    const r = await services.stats.sizeBands(null);
    expect(r.body.kind).toBe('central_committee');
    expect(r.total).toBe(1814);
    expect(r.bands.map((b) => [b.band, b.count])).toEqual([
      ['3-49', 1254],
      ['50-100', 258],
      ['101-1000', 285],
      ['over-1000', 17],
    ]);
    expect(r.belowMinimum).toBe(0);
  });

  it('has the Red Putilovite works at 13–15% saturation and the city at about 5%', async () => {
    const put = await services.organisation.resolveBody(
      result.organisationId,
      'Primary organisation of the Red Putilovite works (Krasny Putilovets, later Kirov works)',
    );
    const s = await services.stats.bodyStats(null, put.id);
    expect(s.primaryOrganisations).toBe(1);
    expect(s.sizeBands.bands.find((b) => b.band === 'over-1000')!.count).toBe(1);
    expect(s.saturation!.ratio).toBeGreaterThanOrEqual(0.13);
    expect(s.saturation!.ratio).toBeLessThanOrEqual(0.15);
    expect(s.bySocialPosition[0]!.socialPosition).toBe('worker');

    const city = await services.organisation.resolveBody(result.organisationId, 'Leningrad city committee');
    const c = await services.stats.bodyStats(null, city.id);
    expect(c.primaryOrganisations).toBe(1814);
    expect(c.saturation!.ratio).toBeGreaterThan(0.045);
    expect(c.saturation!.ratio).toBeLessThan(0.055);
    expect(c.candidates / (c.members + c.candidates)).toBeGreaterThan(0.15);
  });

  it('signs in every demo account and serves statistics to them (and only to the signed in)', async () => {
    const app = buildHttpApp(services);
    expect((await app.request('/api/stats/size-bands')).status).toBe(401);
    for (const a of DEMO_ACCOUNTS) {
      const login = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: a.login, password: DEMO_PASSWORD }),
      });
      expect(login.status, a.login).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const res = await app.request('/api/stats/size-bands', { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { total: number }).total).toBe(1814);
    }
  });

  it('carries the production-conference drive in progress and twelve monthly membership reports', async () => {
    const city = await services.organisation.resolveBody(result.organisationId, 'Leningrad city committee');
    const secretary = await db.db
      .selectFrom('account')
      .innerJoin('office', 'office.person_id', 'account.person_id')
      .select(['account.person_id'])
      .where('account.login', '=', 'city.secretary')
      .where('office.body_id', '=', city.id)
      .executeTakeFirstOrThrow();
    const actor = {
      accountId: '',
      personId: secretary.person_id,
      organisationId: result.organisationId,
      login: 'city.secretary',
      displayName: '',
      locale: 'en',
      scopes: [{ bodyId: city.id, path: city.path, title: 'secretary' }],
      homePath: null,
      csrfToken: '',
    };
    const inbox = await services.directives.inbox(actor, city.id);
    const drive = inbox.items.find((i) => i.directiveId !== null)!;
    expect(drive.title).toBe('The production-conference drive (1929)');
    expect(inbox.items.filter((i) => i.scheduleId !== null)).toHaveLength(12);
    const node = await services.rollups.node(actor, drive.roundId, city.id);
    const c = node.completeness;
    expect(c.expected).toBe(1814);
    // reported by part of the organisations; some late, a few returned, some approved
    expect(c.reported).toBeGreaterThan(500);
    expect(c.reported).toBeLessThan(1300);
    expect(c.late).toBeGreaterThan(0);
    expect(c.returned).toBeGreaterThan(0);
    expect(c.approved).toBeGreaterThan(0);
    // every district concretised it; one district's own summary disagrees with its organisations' raw reports
    expect(node.children).toHaveLength(DISTRICTS.length);
    expect(node.children.every((d) => d.relay)).toBe(true);
    const flagged = node.children.filter((d) => d.figures.some((f) => f.discrepant));
    expect(flagged.map((d) => d.bodyName)).toEqual(['Moskovsky district committee']);
    const agreeing = node.children.find((d) => d.bodyName.startsWith('Vasileostrovsky'))!;
    expect(agreeing.figures.find((f) => f.code === 'proposals_made')!.summary).not.toBeNull();
    // the stored figures are those the reports make
    const stored = await services.rollups.stored(drive.roundId);
    await services.rollups.recompute(drive.roundId);
    expect(await services.rollups.stored(drive.roundId)).toEqual(stored);
    // the monthly reports: most organisations each month, dues collected summed up the tree
    const month = inbox.items.filter((i) => i.scheduleId !== null).at(-1)!;
    const m = await services.rollups.node(actor, month.roundId, city.id);
    expect(m.completeness.reported / m.completeness.expected).toBeGreaterThan(0.85);
    expect(m.figures.find((f) => f.code === 'dues_collected')!.total).toBeGreaterThan(0);
  });

  it('refuses to generate the demo into a database that holds an organisation, leaving it unchanged', async () => {
    const before = await db.db
      .selectFrom('person')
      .select(db.db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const err = await demo.generateDemo().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('organisation_exists');
    const after = await db.db
      .selectFrom('person')
      .select(db.db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
