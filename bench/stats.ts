// Statistics and worklists on the demo organisation (city of 1,814 primary organisations), served by a real
// `antaeus serve` child process on PGlite (a temporary folder) and PostgreSQL (a scratch database).
//
// Figures, per database (one JSON object each):
//  - whole-organisation statistics as an ordinary member: GET /api/stats/size-bands and GET /api/stats/body/{root},
//    one request at a time (p50/p95/max), and the statistics page (both at once, as the page asks);
//  - the worklists page of the secretary of the Central Committee (the whole organisation): every worklist the page
//    asks for at once (the page's load time) and each one alone (p50); and the Party Control Commission's page as
//    its chair sees it (the appeals before it);
//  - another user's simple request (GET /api/auth/me) alone (the raw baseline of this run) and while the ordinary
//    member keeps 10 statistics requests in flight (the ratio of the two p95s is `interference_ratio_p95`); the
//    statistics requests' answers are counted by status (429: refused by the per-account limit of expensive reads).
//
// Usage: tsx bench/stats.ts [--db pglite|postgres] [--samples 40]
import { parseArgs } from 'node:util';
import { createServices } from '../src/app/compose.js';
import { DemoService, DEMO_PASSWORD } from '../src/modules/demo/demo.service.js';
import { benchDatabase, emit, percentile, round, rssOf, serve, type Session } from './lib.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', multiple: true },
    samples: { type: 'string', default: '40' },
  },
});
const SAMPLES = Number(values.samples);
const kinds = (values.db?.length ? values.db : ['pglite', 'postgres']) as ('pglite' | 'postgres')[];
const log = (line: string) => process.stderr.write(`[stats] ${line}\n`);

async function login(base: string, who: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: who, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${who} → ${res.status}`);
  const me = (await res.json()) as { personId: string; csrfToken: string };
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { personId: me.personId, cookie, csrf: me.csrfToken };
}

/** One GET; returns its status and time (ms). Any status other than 200 and 429 is an error of the run. */
async function get(base: string, url: string, who: Session): Promise<{ status: number; ms: number }> {
  const t = performance.now();
  const send = () => fetch(base + url, { headers: { cookie: who.cookie } });
  // a keep-alive socket the server closed just as it was reused: the GET is simply sent again
  const res = await send().catch(() => send());
  await res.arrayBuffer();
  const ms = performance.now() - t;
  if (res.status !== 200 && res.status !== 429) throw new Error(`GET ${url} → ${res.status}`);
  return { status: res.status, ms };
}

function summary(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  return { n: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), max: round(s[s.length - 1]!) };
}

async function sequential(n: number, fn: () => Promise<{ ms: number; status: number }>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await fn();
    if (r.status !== 200) throw new Error(`sequential request answered ${r.status}`);
    times.push(r.ms);
  }
  return summary(times);
}

/** A page's load: every request at once; the page is loaded when the last answers. */
async function pageLoad(base: string, urls: string[], who: Session, n: number) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const rs = await Promise.all(urls.map((u) => get(base, u, who)));
    times.push(performance.now() - t);
    rs.forEach((r, j) => {
      if (r.status !== 200) throw new Error(`${urls[j]} → ${r.status} during a page load`);
    });
  }
  // each request alone (one at a time): what it costs without the others queued before it
  const alone: Record<string, number> = {};
  for (const u of urls) {
    const ts: number[] = [];
    for (let i = 0; i < n; i++) ts.push((await get(base, u, who)).ms);
    alone[u.replace(/[0-9a-f-]{36}/g, ':id')] = summary(ts).p50;
  }
  return {
    page: summary(times),
    alone,
  };
}

async function measure(kind: 'pglite' | 'postgres') {
  const { handle, env, cleanup } = await benchDatabase(kind, 'stats');
  const services = createServices(handle);
  const t0 = performance.now();
  const demo = await new DemoService(handle.db, services.statute).generateDemo();
  const buildS = round((performance.now() - t0) / 1000, 1);
  const ccc = await handle.db
    .selectFrom('body')
    .select('id')
    .where('organisation_id', '=', demo.organisationId)
    .where('kind', '=', 'control_commission')
    .executeTakeFirstOrThrow();
  await handle.close();
  log(`${kind}: demo of ${demo.persons} persons in ${buildS} s`);

  const { child, url: base } = await serve(env);
  try {
    const member = await login(base, 'member');
    const other = await login(base, 'putilov.member');
    const secretary = await login(base, 'cc.secretary');
    // the Party Control Commission's worklist is its chair's: the appeals before it (a seat, not a scope)
    const chair = await login(base, 'control.chair');
    const root = demo.rootBodyId;
    const bands = `/api/stats/size-bands`;
    const body = `/api/stats/body/${root}`;
    const check = (await (await fetch(base + bands, { headers: { cookie: member.cookie } })).json()) as {
      total: number;
    };
    if (check.total !== 1814) throw new Error(`size bands total ${check.total}, expected 1814`);

    // warm up (first query plans, the statute cache)
    for (let i = 0; i < 3; i++) {
      await get(base, bands, member);
      await get(base, body, member);
    }
    const sizeBands = await sequential(SAMPLES, () => get(base, bands, member));
    const bodyStats = await sequential(SAMPLES, () => get(base, body, member));
    const statsPage = await pageLoad(base, [bands, body], member, Math.max(5, SAMPLES / 4));

    const worklists = (id: string) => [
      `/api/admission/bodies/${id}/confirmations`,
      `/api/appeals?bodyId=${id}`,
      `/api/admission/bodies/${id}/candidates-due`,
      `/api/discipline/cases?bodyId=${id}`,
      `/api/dues/arrears?bodyId=${id}&limit=50&offset=0`,
      `/api/review-items/mine?limit=200`,
      `/api/transfers/unregistered?bodyId=${id}&limit=200`,
    ];
    await pageLoad(base, worklists(root), secretary, 1); // warm up
    const ccPage = await pageLoad(base, worklists(root), secretary, 5);
    const cccPage = await pageLoad(base, [`/api/appeals?bodyId=${ccc.id}`], chair, 5);

    // another user's simple request: alone, then while the member keeps 10 statistics requests in flight
    const me = '/api/auth/me';
    const alone = await sequential(SAMPLES, () => get(base, me, other));
    const statuses: Record<string, number> = {};
    let stop = false;
    const hammer = Array.from({ length: 10 }, async (_, i) => {
      while (!stop) {
        // a connection reset (the server's keep-alive timer fires late while PGlite holds its event loop) is counted
        const r = await get(base, i % 2 ? body : bands, member).catch(() => ({ status: 'reset' }));
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        // a refused request is retried at once: the load stays 10 in flight from this one account
      }
    });
    await new Promise((r) => setTimeout(r, 200));
    const underLoad = await sequential(SAMPLES, () => get(base, me, other));
    stop = true;
    await Promise.all(hammer);

    emit({
      scenario: 'stats',
      db: kind,
      members_and_candidates: demo.persons,
      bodies: demo.bodies,
      build_s: buildS,
      whole_size_bands_ms: sizeBands,
      whole_body_stats_ms: bodyStats,
      stats_page_ms: statsPage.page,
      cc_worklists_page_ms: ccPage.page,
      cc_worklists_alone_p50_ms: ccPage.alone,
      control_commission_worklists_page_ms: cccPage.page,
      control_commission_worklists_alone_p50_ms: cccPage.alone,
      other_user_alone_ms: alone,
      other_user_under_10_stats_ms: underLoad,
      interference_ratio_p95: round(underLoad.p95 / alone.p95),
      stats_under_load_statuses: statuses,
      server_rss_mb: round(rssOf(child.pid!), 1),
    });
  } finally {
    child.kill();
    await new Promise((r) => child.once('exit', r));
    await cleanup();
  }
}

for (const kind of kinds) await measure(kind);
