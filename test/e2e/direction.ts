// Browser journey of issue 13 (direction): the city committee issues a campaign to three primary organisations of
// the Kirovsky district on a form requiring the meeting's protocol and asking for a committee's summary; the
// district concretises it; each organisation's secretary convenes its meeting from the inbox (the campaign's item
// first), the meeting is held (chair, open, close, protocol generated and approved — through the API from the
// page, as assembly's own journey drives those screens) and the report is filed in the report form, pre-filled
// with the meeting — two on time, the third after the district's deadline has passed (time passing is simulated in
// the harness's database while the server is down); the district returns one report with a comment, it is
// corrected, the district approves the three from its worklist and files a summary that disagrees; the city's
// dashboard shows completeness (2 on time, 1 late), the aggregate and the discrepancy, and drills down through the
// district to one organisation's raw report.
// Registered from web.test.ts so that it shares its one demo server.
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORD, screenshot, signIn, type Harness } from './harness.js';
import { setDueOfSubtree } from '../../src/modules/direction/round.repository.js';

const PHONE = { width: 360, height: 740 };

interface Scope {
  bodyId: string;
  bodyName: string;
}

/** The body of a secretary's one office, read through the API. */
async function scopeOf(browser: Browser, baseUrl: string, login: string): Promise<Scope & { personId: string }> {
  const ctx = await browser.newContext({ baseURL: baseUrl });
  try {
    const res = await ctx.request.post('/api/auth/login', { data: { login, password: PASSWORD } });
    expect(res.status(), `sign-in of ${login}`).toBe(200);
    const me = (await res.json()) as { personId: string; scopes: Scope[] };
    return { ...me.scopes[0]!, personId: me.personId };
  } finally {
    await ctx.close();
  }
}

/** A call to the API from the signed-in page's session (its cookie and CSRF token). */
async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const res = await page.request.fetch(path, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** Holds a convened meeting as its body's secretary: chair, open (the first item taken up), close, protocol. */
async function holdMeeting(page: Page, meetingId: string, chairId: string): Promise<void> {
  const url = `/api/meetings/${meetingId}`;
  await api(page, 'PUT', `${url}/roles`, { roles: [{ personId: chairId, role: 'chair' }] });
  let m = await api<{ revision: number }>(page, 'GET', url);
  await api(page, 'POST', `${url}/open`, { revision: m.revision });
  m = await api<{ revision: number }>(page, 'GET', url);
  await api(page, 'POST', `${url}/close`, { revision: m.revision });
  const draft = await api<{ version: number }>(page, 'POST', `${url}/protocol`, { lang: 'en' });
  await api(page, 'POST', `${url}/protocol/approve`, { version: draft.version });
}

function dayIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function open(h: Harness, login: string, viewport = { width: 1280, height: 900 }) {
  const ctx: BrowserContext = await h.browser.newContext({ baseURL: h.baseUrl, viewport, locale: 'en-GB' });
  ctx.setDefaultTimeout(20_000);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await signIn(page, login);
  return { ctx, page, errors };
}

/** The figures of a dashboard's completeness card by their labels: { Expected: '3', Reported: '3', 'On time': … }. */
async function completeness(page: Page): Promise<Record<string, string>> {
  return page
    .locator('section.card[aria-labelledby="compl-h"] dl.direction-numbers > div')
    .evaluateAll((divs) =>
      Object.fromEntries(divs.map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent])),
    );
}

/** What a report page says beside its first submission: 'on time' or 'late' ('' before it is submitted). */
async function timeliness(page: Page): Promise<string> {
  const fact = page.locator('dl.facts > div').filter({ has: page.locator('dt', { hasText: 'First submitted' }) });
  if ((await fact.count()) === 0) return '';
  return ((await fact.locator('dd .badge').textContent()) ?? '').trim();
}

/** The warnings beside a body in a dashboard's table of the level below ([] or ['late']). */
function lateOf(page: Page, po: Scope): Promise<string[]> {
  return page.getByTestId('rollup-child').filter({ hasText: po.bodyName }).locator('.badge-warn').allTextContents();
}

/** No sideways scroll at a phone's width. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

export function directionJourneys(getH: () => Harness) {
  describe('direction', () => {
    it('city issues a campaign; district concretises; three organisations meet and report; district returns, approves and files a disagreeing summary; city drills down', async () => {
      const h = getH();
      const TITLE = `Production conferences ${Date.now().toString(36)}`;
      const ITEM = 'On the production conference of the works';
      const city = await scopeOf(h.browser, h.baseUrl, 'city.secretary');
      const district = await scopeOf(h.browser, h.baseUrl, 'district.secretary');
      const pos = await Promise.all(
        ['putilov.secretary', 'kirovsky.po2.secretary', 'kirovsky.po3.secretary'].map(async (login) => ({
          login,
          ...(await scopeOf(h.browser, h.baseUrl, login)),
        })),
      );
      const sessions: { ctx: BrowserContext; page: Page; errors: string[]; name: string }[] = [];
      const session = async (name: string, login: string, viewport?: { width: number; height: number }) => {
        const s = { name, ...(await open(h, login, viewport)) };
        sessions.push(s);
        return s;
      };
      try {
        // ---- the city issues the campaign to the three organisations, on the form requiring the protocol
        const c = await session('city', 'city.secretary');
        let page = c.page;
        await page.goto(`/direction/bodies/${city.bodyId}`);
        await page.getByRole('link', { name: 'Issue a directive' }).click();
        // a page opened by a link starts at its top: the definitions page from the middle of the issue form, and back
        const defs = page.getByRole('link', { name: 'Indicators and report forms: define a new one' });
        await defs.scrollIntoViewIfNeeded();
        expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
        await defs.click();
        await page.waitForURL(/\/direction\/definitions\?bodyId=/);
        await expect.poll(() => page.getByTestId('indicator-list').count()).toBe(1);
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
        await page.goBack();
        await page.waitForURL(/\/direction\/issue\?bodyId=/);
        const form = page.getByTestId('issue-form');
        await form.getByLabel('Title (English)').fill(TITLE);
        await form.getByLabel('Title (Russian)').fill('Производственные совещания');
        await form.getByLabel('Text (English)').fill('Hold a general meeting on the production conference and report.');
        await form
          .getByLabel('Text (Russian)')
          .fill('Провести общее собрание о производственном совещании и отчитаться.');
        await form.getByLabel('Addressed to').selectOption('bodies');
        for (const po of pos) {
          await form.getByLabel('Add a body').fill(po.bodyName);
          await form.getByLabel('Add a body').press('Enter');
          await form.locator('.picker-list button').filter({ hasText: po.bodyName }).first().click();
        }
        await expect.poll(() => form.locator('.chosen-list li').count()).toBe(3);
        await form.getByLabel('Deadline', { exact: true }).fill(dayIn(10));
        await form.getByLabel('With a meeting in every primary organisation (a campaign)').check();
        const camp = form.getByTestId('campaign-fields');
        await camp.getByLabel('Meet by').fill(dayIn(7));
        await camp.getByLabel('Kind of meeting').selectOption('general_assembly');
        await camp.getByLabel('Agenda item (English)').fill(ITEM);
        await camp.getByLabel('Agenda item (Russian)').fill('О производственном совещании завода');
        await expect.poll(() => form.getByText('must require the protocol of the meeting').count()).toBe(1);
        await form
          .getByLabel('Report form')
          .selectOption({ label: 'Production conference report with the meeting’s protocol' });
        await form.getByRole('button', { name: 'Add a target' }).click();
        await form.getByLabel('For', { exact: true }).fill('9');
        await form.getByRole('button', { name: 'Issue the directive' }).click();
        await page.waitForURL(/\/direction\/directives\/[0-9a-f-]+\?bodyId=/);
        const directiveId = new URL(page.url()).pathname.split('/').pop()!;
        const directive = await api<{ roundId: string }>(page, 'GET', `/api/direction/directives/${directiveId}`);
        const roundId = directive.roundId;
        if (process.env.E2E_SHOTS) await screenshot(page, 'direction-issued');

        // ---- the district concretises it for its subtree
        const d = await session('district', 'district.secretary');
        page = d.page;
        await page.goto(`/direction/bodies/${district.bodyId}`);
        await page.getByTestId('inbox-item').filter({ hasText: TITLE }).getByRole('link', { name: TITLE }).click();
        await page.waitForURL(/\/direction\/directives\//);
        await page.getByText('Concretise for our subtree').first().click();
        await page.getByLabel('Text (English)').fill('Kirovsky: the largest works first; the instructors attend.');
        await page.getByLabel('Text (Russian)').fill('Кировский: сначала крупнейшие заводы; присутствуют инструкторы.');
        await page.getByLabel('Deadline', { exact: true }).fill(dayIn(8));
        await page.getByLabel('For', { exact: true }).fill('7');
        await page.getByRole('button', { name: 'Concretise', exact: true }).click();
        await expect.poll(() => page.getByText('Kirovsky: the largest works first').count()).toBeGreaterThan(0);

        // ---- each organisation convenes its meeting from the inbox, holds it and reports
        for (const [i, po] of pos.entries()) {
          const s = await session(po.login, po.login, i === 2 ? PHONE : undefined);
          const p = s.page;
          await p.goto(`/direction/bodies/${po.bodyId}`);
          const item = p.getByTestId('inbox-item').filter({ hasText: TITLE });
          await item.getByRole('link', { name: 'Campaign meeting' }).click();
          await p.waitForURL(/\/direction\/campaigns\//);
          const conv = p.getByTestId('campaign-convene');
          await conv.getByLabel('Place').fill('Red corner of the works');
          await conv.getByLabel(/urgent/i).check();
          await conv.getByRole('button', { name: 'Convene the meeting' }).click();
          await p.waitForURL(/\/meetings\/[0-9a-f-]+$/);
          const meetingId = new URL(p.url()).pathname.split('/').pop()!;
          const m = await api<{ agenda: { title: string }[] }>(p, 'GET', `/api/meetings/${meetingId}`);
          expect(m.agenda[0]!.title).toBe(ITEM);
          await expect.poll(() => p.getByText(ITEM).count()).toBeGreaterThan(0);

          // the report form before the meeting is closed says what is missing
          await p.goto(`/direction/rounds/${roundId}/reports/${po.bodyId}`);
          await expect
            .poll(() => p.getByTestId('protocol-missing').textContent())
            .toContain('The meeting is not closed yet.');
          if (i === 2) expect(await fitsWidth(p)).toBe(true);
          // the organisation may not open its district's dashboard: the link is not offered
          expect(await p.getByRole('link', { name: 'Dashboard above' }).count()).toBe(0);

          await holdMeeting(p, meetingId, po.personId);
          if (i === 2) {
            // the district follows its dashboard live: two reports in, both on time
            const dp = d.page;
            await dp.goto(`/direction/rounds/${roundId}?bodyId=${district.bodyId}`);
            await expect
              .poll(() => completeness(dp))
              .toMatchObject({ Expected: '3', Reported: '2', 'On time': '2', Late: '0' });
            await expect.poll(() => dp.locator('.direction-live').textContent()).toBe('Updates live');
            // Time passes: the third organisation has held its meeting, but the district's deadline goes by before
            // it files the report. A deadline is a day (its end in the statute's zone) and no deadline in the past
            // may be set, so the days are simulated: with the server stopped, the district's concretised deadline
            // — its concretisation's and that of every report below it, as concretising set them — is moved to
            // this moment, after the first two reports and before the third. The city's own deadline and the
            // round's expiry stay ahead, so entry is still open and the report is accepted late.
            await h.offline(async (db) => {
              await setDueOfSubtree(db, roundId, district.bodyId, new Date());
            });
            // the district's page, not reloaded, follows the restarted server again
            await expect.poll(() => dp.locator('.direction-live').textContent()).toBe('Updates live');
          }
          await p.reload();
          await expect.poll(() => p.getByTestId('protocol-missing').count()).toBe(0);
          await p.locator('[name="conferences_held"]').fill('1');
          await p.locator('[name="workers_attending"]').fill(String(100 * (i + 1)));
          await p.getByRole('button', { name: 'Submit', exact: true }).click();
          await expect.poll(() => p.locator('.direction-page .subtitle').textContent()).toContain('Submitted');
          // the first two report before the district's deadline, the third after it: the report page says which
          await expect.poll(() => timeliness(p)).toBe(i === 2 ? 'late' : 'on time');
          if (process.env.E2E_SHOTS) await screenshot(p, `direction-report-${i}`);
        }

        // ---- the district's dashboard, open since before the restart, counts the late report as it comes in
        page = d.page;
        await expect
          .poll(() => completeness(page))
          .toMatchObject({ Expected: '3', Reported: '3', 'On time': '2', Late: '1' });
        const third = pos[2]!;
        await expect.poll(() => lateOf(page, third)).toEqual(['late']);
        for (const po of pos.slice(0, 2)) expect(await lateOf(page, po)).toEqual([]);

        // ---- the district returns the second organisation's report with a comment; it is corrected
        const second = pos[1]!;
        await page.goto(`/direction/rounds/${roundId}/reports/${second.bodyId}`);
        await page.getByText('Return with a comment').first().click();
        await page
          .getByRole('textbox', { name: 'Comment' })
          .fill('The attendance is not what the protocol says: correct it.');
        await page.getByRole('button', { name: 'Return the report' }).click();
        await expect.poll(() => page.locator('.direction-page .subtitle').textContent()).toContain('Returned');
        const sp = sessions.find((s) => s.name === second.login)!.page;
        await sp.goto(`/direction/rounds/${roundId}/reports/${second.bodyId}`);
        await expect
          .poll(() => sp.getByText('The attendance is not what the protocol says').count())
          .toBeGreaterThan(0);
        await sp.locator('[name="workers_attending"]').fill('150');
        await sp.getByRole('button', { name: 'Submit', exact: true }).click();
        await expect.poll(() => sp.locator('.direction-page .subtitle').textContent()).toContain('Submitted');

        // ---- the district approves the three from its worklist, and files a summary that disagrees
        await page.goto(`/direction/rounds/${roundId}?bodyId=${district.bodyId}`);
        const work = page.getByTestId('approval-worklist');
        // the late report is marked late in the worklist, the two on time are not
        const lateInWork = (po: Scope) =>
          work.locator('li').filter({ hasText: po.bodyName }).locator('.badge-warn').allTextContents();
        await expect.poll(() => lateInWork(third)).toEqual(['late']);
        for (const po of pos.slice(0, 2)) expect(await lateInWork(po)).toEqual([]);
        await work.getByRole('button', { name: 'Approve 3 reports' }).click();
        await expect.poll(() => work.textContent()).toContain('No report below awaits approval.');
        const summary = page.getByTestId('summary-form');
        await summary.locator('[name="conferences_held"]').fill('3');
        await summary.locator('[name="workers_attending"]').fill('2000');
        await summary.getByRole('button', { name: 'File the summary' }).click();
        await expect.poll(() => summary.textContent()).toContain('Summary filed.');
        if (process.env.E2E_SHOTS) await screenshot(page, 'direction-district');

        // ---- the campaign's progress by level at the district
        await page.getByRole('link', { name: 'Campaign progress' }).click();
        const node = page.getByTestId('progress-node');
        await expect.poll(() => node.locator('td').allTextContents()).toEqual(['3', '3', '3', '0', '3', '3', '1 / 1']);

        // ---- the city's dashboard: completeness, the aggregate and the discrepancy, down to one raw report
        page = c.page;
        await page.goto(`/direction/rounds/${roundId}?bodyId=${city.bodyId}`);
        // completeness: 3 expected, 3 reported — 2 on time, 1 late — and 3 approved
        await expect
          .poll(() => completeness(page))
          .toMatchObject({ Expected: '3', Reported: '3', 'On time': '2', Late: '1', Returned: '0', Approved: '3' });
        // the aggregate of the raw reports (100 + 150 + 300) beside the district's summary (2,000), flagged
        const districtRow = page.getByTestId('rollup-child').filter({ hasText: district.bodyName });
        await expect.poll(() => districtRow.textContent()).toContain('550');
        const said = (await districtRow.textContent()) ?? '';
        expect(said).toContain('differs');
        expect(said).toContain('Summary: 2,000');
        const row = page.getByTestId('rollup-child').filter({ hasText: district.bodyName });
        await row.getByRole('link').first().click();
        await page.waitForURL(new RegExp(`bodyId=${district.bodyId}`));
        // the district's level seen by the city: the same figures, the late organisation marked late
        await expect
          .poll(() => completeness(page))
          .toMatchObject({ Expected: '3', Reported: '3', 'On time': '2', Late: '1' });
        await expect.poll(() => lateOf(page, third)).toEqual(['late']);
        for (const po of pos.slice(0, 2)) expect(await lateOf(page, po)).toEqual([]);
        await page
          .getByTestId('rollup-child')
          .filter({ hasText: second.bodyName })
          .getByRole('link', { name: second.bodyName })
          .click();
        await page.waitForURL(new RegExp(`/reports/${second.bodyId}`));
        await expect.poll(() => page.locator('.direction-page .subtitle').textContent()).toContain('Approved');
        expect(await page.locator('table').first().textContent()).toContain('150');
        // the city may open the level above the organisation's report
        expect(await page.getByRole('link', { name: 'Dashboard above' }).count()).toBe(1);
        if (process.env.E2E_SHOTS) await screenshot(page, 'direction-city-drill');

        for (const s of sessions) expect(s.errors, `uncaught errors in ${s.name}'s page`).toEqual([]);
      } catch (err) {
        for (const s of sessions) await screenshot(s.page, `failed-direction-${s.name}`);
        throw err;
      } finally {
        for (const s of sessions) await s.ctx.close().catch(() => undefined);
      }
    }, 300_000);
  });
}
