// Browser journeys of issue 10, point 8 (phones at 360 px) and point 9 (an act is sent once): every page of the app,
// signed in as the demo accounts that see it, at 360 × 740 in English and in Russian, must not scroll sideways —
// nothing wider than the screen, wide tables scrolling inside their own box, nothing cut off; then a live meeting on
// a phone: ballot choices one per line, the board hash after "Check my ballot" wrapped, the live lines following the
// state (no "You are on the list" after the speech ended, no "0 ballots received" after one's ballot was accepted),
// and a double press of a button that sends an act sending one request. Registered from web.test.ts (one demo server).
// Screenshots of every page go to test-results/phone-*.png.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../src/app/server.js';
import { makeBody, makeOrganisation, makePerson } from '../support/factories.js';
import { makeMeeting } from '../support/assembly-factory.js';
import { LOGINS, ROOT, screenshot, signIn, type Harness } from './harness.js';

const PHONE = { width: 360, height: 740 };
type Lang = 'en' | 'ru';

const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) => expect.poll(fn, { timeout, interval: 200 });

/**
 * What sticks out of a 360 px screen: the document's scroll width, every element reaching past the right edge
 * that is not inside a box scrolling sideways by itself, and every element cut off by a box that hides overflow.
 */
async function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out: string[] = [];
    const sw = document.documentElement.scrollWidth;
    if (sw > vw) out.push(`the page is ${sw} px wide`);
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const tid = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id}${cls}${tid ? `[data-testid=${tid}]` : ''}> “${text}”`;
    };
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.position === 'fixed') continue;
      // inside a box that scrolls sideways by itself (a wide table), or cut off by a box that hides overflow
      let box: Element | null = el.parentElement;
      let scrolls = false;
      let clipper: Element | null = null;
      let boxRect: DOMRect | null = null;
      while (box && box !== document.body) {
        const bs = getComputedStyle(box);
        if (bs.overflowX === 'auto' || bs.overflowX === 'scroll') {
          scrolls = true;
          break;
        }
        if ((bs.overflowX === 'hidden' || bs.overflowX === 'clip') && box.getBoundingClientRect().width > 2) {
          clipper = box;
          boxRect = box.getBoundingClientRect();
          break;
        }
        box = box.parentElement;
      }
      // an absolutely placed element escapes a scrolling box that is not its containing block: it counts
      if (scrolls && (cs.position !== 'absolute' || getComputedStyle(box!).position !== 'static')) continue;
      if (clipper && boxRect) {
        // cut off: wider than the box that hides it (text ellipsis is drawn, not an element; 1 px rounding allowed)
        if (r.right > boxRect.right + 1 && r.left < boxRect.right && !el.closest('.visually-hidden'))
          out.push(`${describe(el)} is cut off at ${Math.round(boxRect.right)} px (reaches ${Math.round(r.right)} px)`);
        continue;
      }
      // the outermost offenders only (their children stick out with them)
      const parent = el.parentElement?.getBoundingClientRect();
      if (r.right > vw + 1 && !(parent && parent.right > vw + 1 && !scrolls))
        out.push(`${describe(el)} reaches ${Math.round(r.right)} px`);
    }
    return out.slice(0, 12);
  });
}

/** Waits for the page to settle: a heading, no loading indicator, then a moment for late layout. */
async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page
    .locator('.loading')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

/** The account's language, saved on the account (the app follows it on the next load). */
async function setLanguage(page: Page, lang: Lang): Promise<void> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const res = await page.request.patch('/api/auth/me', {
    data: { locale: lang },
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(res.status()).toBe(200);
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

/** Opens every closed disclosure of the page's main part (forms for acts, the compact menu), one after another. */
async function openDisclosures(page: Page): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const closed = page.locator('button[aria-expanded="false"]:visible');
    if ((await closed.count()) === 0) return;
    await closed.first().click();
    await page.waitForTimeout(150);
  }
}

class Visits {
  readonly problems: string[] = [];
  constructor(private readonly browser: Browser) {}

  async check(page: Page, name: string): Promise<void> {
    await settle(page);
    const found = await sideways(page);
    const shot = `phone-${name}`;
    if (found.length) {
      this.problems.push(`${name} (${page.url()}):\n    ${found.join('\n    ')}`);
      await screenshot(page, `failed-${shot}`);
    } else if (process.env.E2E_SHOTS) await screenshot(page, shot);
  }

  /** Visits the pages at 360 px and checks each, then again with its disclosures open. */
  async visit(page: Page, name: string, url: string, opts: { disclosures?: boolean } = {}): Promise<void> {
    await page.goto(url);
    await this.check(page, name);
    if (opts.disclosures !== false) {
      await openDisclosures(page);
      await this.check(page, `${name}-open`);
    }
  }

  async context(h: { baseUrl: string }): Promise<BrowserContext> {
    const ctx = await this.browser.newContext({ baseURL: h.baseUrl, viewport: PHONE, locale: 'en-GB' });
    ctx.setDefaultTimeout(20_000);
    return ctx;
  }
}

interface Me {
  personId: string;
  scopes: { bodyId: string }[];
}

export function phoneJourneys(harness: () => Harness): void {
  describe('phones at 360 px', () => {
    it('every page of the app fits a 360 px phone, in English and Russian, for each demo account', async () => {
      const h = harness();
      const v = new Visits(h.browser);
      const errors: string[] = [];
      for (const lang of ['en', 'ru'] as const) {
        // signed out: the sign-in page (the language of a new browser)
        {
          const ctx = await h.browser.newContext({
            baseURL: h.baseUrl,
            viewport: PHONE,
            locale: lang === 'ru' ? 'ru-RU' : 'en-GB',
          });
          const page = await ctx.newPage();
          page.on('pageerror', (e) => errors.push(e.message));
          await v.visit(page, `${lang}-signin`, '/signin', { disclosures: false });
          await ctx.close();
        }
        // a body's direction pages: its inbox and digest, the demo drive's directive, its report or dashboard,
        // and the issue form where it may issue
        const directionPages = async (page: Page, bodyId: string): Promise<[string, string][]> => {
          const inbox = await getJson<{
            items: { roundId: string; directiveId: string | null; addressed: boolean; relay: boolean }[];
            can: { issue: boolean };
          }>(page, `/api/direction/inbox?bodyId=${bodyId}`);
          const drive = inbox.items.find((i) => i.directiveId !== null)!;
          return [
            ['direction-inbox', `/direction/bodies/${bodyId}`],
            ['direction-digest', `/direction/bodies/${bodyId}/digest`],
            ['directive', `/direction/directives/${drive.directiveId}?bodyId=${bodyId}`],
            drive.relay
              ? ['direction-dashboard', `/direction/rounds/${drive.roundId}?bodyId=${bodyId}`]
              : ['direction-report', `/direction/rounds/${drive.roundId}/reports/${bodyId}`],
            ...(inbox.can.issue ? [['direction-issue', `/direction/issue?bodyId=${bodyId}`] as [string, string]] : []),
          ];
        };
        const accounts: [string, (page: Page, me: Me) => Promise<[string, string][]>][] = [
          [
            LOGINS.putilov,
            async (page, me) => {
              const po = me.scopes[0]!.bodyId;
              const meetings = await getJson<{ items: { id: string; kind: string }[] }>(
                page,
                `/api/bodies/${po}/meetings?when=all`,
              );
              const m = meetings.items[0]!.id;
              return [
                ['tree', '/'],
                ['body', `/bodies/${po}`],
                ['person', `/persons/${me.personId}`],
                ['stats', '/stats'],
                ['me', '/me'],
                ['worklists', '/worklists'],
                ['meetings', '/meetings'],
                ['meeting', `/meetings/${m}`],
                ['projector', `/meetings/${m}/projector`],
                ['delegate', `/meetings/${m}/delegate`],
                ...(await directionPages(page, po)),
                ['not-found', '/no/such/page'],
              ];
            },
          ],
          [
            LOGINS.member,
            async (_page, me) => [
              ['me', '/me'],
              ['person', `/persons/${me.personId}`],
              ['meetings', '/meetings'],
            ],
          ],
          ['putilov.member', async () => [['me', '/me']]],
          ['applicant', async () => [['me', '/me']]],
          [
            LOGINS.district,
            async (page, me) => [
              ['worklists', '/worklists'],
              ['body', `/bodies/${me.scopes[0]!.bodyId}`],
              ...(await directionPages(page, me.scopes[0]!.bodyId)),
            ],
          ],
          [LOGINS.cc, async () => [['worklists', '/worklists']]],
        ];
        for (const [login, pages] of accounts) {
          const ctx = await v.context(h);
          const page = await ctx.newPage();
          page.on('pageerror', (e) => errors.push(e.message));
          try {
            await signIn(page, login);
            await setLanguage(page, lang);
            const me = await getJson<Me>(page, '/api/auth/me');
            for (const [name, url] of await pages(page, me)) {
              await v.visit(page, `${lang}-${login}-${name}`, url);
              expect(await page.getAttribute('html', 'lang')).toBe(lang);
              if (name === 'meeting') {
                // every tab of the meeting page
                const tabs = page.getByRole('tab');
                const n = await tabs.count();
                expect(n).toBeGreaterThan(1);
                for (let i = 0; i < n; i++) {
                  await tabs.nth(i).click();
                  await v.check(page, `${lang}-${login}-meeting-tab-${i + 1}`);
                  await openDisclosures(page);
                  await v.check(page, `${lang}-${login}-meeting-tab-${i + 1}-open`);
                }
              }
            }
          } finally {
            await setLanguage(page, 'en').catch(() => undefined);
            await ctx.close();
          }
        }
      }
      expect(v.problems, `pages that scroll sideways or cut off content at 360 px:\n${v.problems.join('\n')}`).toEqual(
        [],
      );
      expect(errors, 'uncaught errors in the pages').toEqual([]);
    }, 600_000);

    it('a live meeting on a phone: one choice per line, the board hash wraps, live lines follow the state, a double press sends one act', async () => {
      const h = harness();
      const server = await startServer(
        { dataDir: 'memory://', databaseUrl: undefined, port: 0, host: '127.0.0.1', secureCookies: false },
        { log: () => undefined, webDir: path.join(ROOT, 'dist/web') },
      );
      const contexts: BrowserContext[] = [];
      const v = new Visits(h.browser);
      const password = 'arsenal-1934';
      try {
        const db = server.handle.db;
        const org = await makeOrganisation(db, { name: 'Union of the Vyborg side', preset: 'union-federation' });
        const root = await makeBody(db, org, 'central_committee', null, { name: 'Federation executive' });
        const branch = await makeBody(db, org, 'primary_organisation', root, {
          name: 'Branch of the Arsenal works with a rather long name, as real ones have',
        });
        const people: { id: string; login: string }[] = [];
        for (const [i, [given, family]] of [
          ['Zakhar', 'Zimin'],
          ['Anna', 'Konstantinopolskaya-Vozdvizhenskaya'],
          ['Boris', 'Belov'],
        ].entries()) {
          const p = await makePerson(db, org, branch, { givenName: given!, familyName: family! });
          const login = `phone.${i + 1}`;
          await server.services.auth.createAccount({ personId: p.id, login, password, locale: 'en' });
          people.push({ id: p.id, login });
        }
        const meeting = await makeMeeting(db, {
          body: branch,
          title: 'General assembly of the Arsenal branch on the production plan of the second quarter',
          agenda: ['Report of the bureau on the fulfilment of the production plan', 'Any other business'],
          participants: people,
          present: people,
          roles: [{ person: people[0]!, role: 'chair', how: 'elected' }],
          open: true,
        });
        const url = `/meetings/${meeting.id}`;
        const open = async (login: string, viewport = PHONE) => {
          const ctx = await h.browser.newContext({ baseURL: server.url, viewport, locale: 'en-GB' });
          ctx.setDefaultTimeout(20_000);
          contexts.push(ctx);
          const page = await ctx.newPage();
          await signIn(page, login, password);
          return page;
        };
        const chair = await open(people[0]!.login, { width: 1280, height: 900 });
        const phone = await open(people[1]!.login);
        const chairMe = await getJson<{ csrfToken: string }>(chair, '/api/auth/me');
        const act = async (p: string, body: unknown = {}) => {
          const res = await chair.request.post(p, { data: body, headers: { 'x-csrf-token': chairMe.csrfToken } });
          expect(res.status(), `${p}: ${await res.text()}`).toBeLessThan(300);
          return (await res.json()) as { id: string };
        };

        // --- the floor: ask to speak with a double press (one request), get the floor, the speech ends -------
        await phone.goto(`${url}/delegate`);
        await settle(phone);
        const floorPosts: string[] = [];
        phone.on('request', (r) => {
          if (r.method() === 'POST' && r.url().endsWith(`/api/meetings/${meeting.id}/floor`)) floorPosts.push(r.url());
        });
        const ask = phone.getByRole('button', { name: 'Ask to speak', exact: true });
        await ask.waitFor();
        // two presses in the same moment, before the page has re-rendered
        await ask.evaluate((b: HTMLButtonElement) => {
          b.click();
          b.click();
        });
        await poll(() => phone.getByTestId('my-request').count()).toBe(1);
        await phone.waitForTimeout(500);
        expect(floorPosts, 'requests sent by a double press').toHaveLength(1);
        expect((await phone.getByTestId('form-error').allTextContents()).filter((x) => x.trim())).toEqual([]);
        await v.check(phone, 'live-delegate-waiting');

        const floor = await getJson<{ items: { id: string; personId: string; status: string }[] }>(
          chair,
          `/api/meetings/${meeting.id}/floor`,
        );
        const request = floor.items.find((r) => r.personId === people[1]!.id)!;
        await act(`/api/meetings/${meeting.id}/floor/${request.id}/give`);
        await poll(() => phone.getByText('You have the floor').count()).toBe(1);
        await poll(() => phone.getByTestId('my-request').count()).toBe(0);
        await act(`/api/meetings/${meeting.id}/floor/${request.id}/end`);
        // the speech ended: neither "you have the floor" nor "you are on the list" stays on the phone
        await poll(() => phone.getByText('You have the floor').count()).toBe(0);
        await poll(() => phone.getByTestId('my-request').count()).toBe(0);
        await poll(() => phone.getByRole('button', { name: 'Ask to speak', exact: true }).isEnabled()).toBe(true);
        expect(await phone.getByTestId('floor-controls').textContent()).not.toMatch(/on the list|floor\./);

        // --- a secret ballot: one choice per line, the count includes one's own ballot at once ---------------
        const vote = await act(`/api/meetings/${meeting.id}/votes`, {
          method: 'secret',
          agendaItemId: meeting.items[0]!.id,
          title: 'To approve the report of the bureau on the fulfilment of the production plan',
        });
        await act(`/api/votes/${vote.id}/open`);
        // the ballot is taken on this device only when the voter asks for it here
        const voteHere = phone.getByTestId('vote-here');
        await voteHere.waitFor({ timeout: 30_000 });
        await v.check(phone, 'live-delegate-choose-device');
        await voteHere.click();
        const form = phone.getByTestId('ballot-form');
        await form.waitFor({ timeout: 30_000 });
        await v.check(phone, 'live-delegate-ballot');
        const choices = form.getByRole('radio');
        expect(await choices.count()).toBeGreaterThanOrEqual(3);
        const tops = await choices.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
        expect(new Set(tops).size, `choices on ${new Set(tops).size} lines: ${tops.join(', ')}`).toBe(tops.length);
        await choices.first().check();
        await form.getByRole('button', { name: 'Cast my ballot' }).click();
        await poll(() => phone.getByTestId('receipt-code').count()).toBe(1);
        // "Your ballot was accepted" never beside "0 ballots received"
        await poll(() => phone.getByTestId('live-vote-received').first().textContent(), 5_000).toBe('1');
        await v.check(phone, 'live-delegate-cast');

        // --- closed: "Check my ballot" shows the board's hash, wrapped within the screen ---------------------
        await act(`/api/votes/${vote.id}/close`);
        const check = phone.getByRole('button', { name: 'Check my ballot' });
        await check.waitFor({ timeout: 30_000 });
        await check.click();
        await poll(() => phone.getByTestId('check-outcome').getAttribute('data-ok')).toBe('true');
        await v.check(phone, 'live-delegate-checked');
        // the same pages of the live meeting: the full meeting page (every tab) and the projector, in both languages
        for (const lang of ['en', 'ru'] as const) {
          await setLanguage(phone, lang);
          await v.visit(phone, `live-${lang}-delegate`, `${url}/delegate`);
          const again = phone.getByTestId('receipt-check').getByRole('button');
          if (await again.count()) {
            await again.click();
            await phone.getByTestId('check-outcome').waitFor();
            await v.check(phone, `live-${lang}-delegate-checked`);
          }
          await v.visit(phone, `live-${lang}-meeting`, url);
          const tabs = phone.getByRole('tab');
          for (let i = 0; i < (await tabs.count()); i++) {
            await tabs.nth(i).click();
            await v.check(phone, `live-${lang}-meeting-tab-${i + 1}`);
          }
          await v.visit(phone, `live-${lang}-projector`, `${url}/projector`, { disclosures: false });
        }
        await setLanguage(phone, 'en');
        // the chair's console on a phone too
        const chairPhone = await open(people[0]!.login);
        await v.visit(chairPhone, 'live-chair', url);
        const tabs = chairPhone.getByRole('tab');
        for (let i = 0; i < (await tabs.count()); i++) {
          await tabs.nth(i).click();
          await v.check(chairPhone, `live-chair-tab-${i + 1}`);
          await openDisclosures(chairPhone);
          await v.check(chairPhone, `live-chair-tab-${i + 1}-open`);
        }
        expect(v.problems, `live pages that scroll sideways at 360 px:\n${v.problems.join('\n')}`).toEqual([]);
      } catch (err) {
        for (const [i, ctx] of contexts.entries())
          for (const [j, p] of ctx.pages().entries()) await screenshot(p, `failed-phone-live-${i}-${j}`);
        throw err;
      } finally {
        for (const ctx of contexts) await ctx.close().catch(() => undefined);
        await server.close();
      }
    }, 300_000);
  });
}
