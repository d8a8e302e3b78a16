// Browser journeys through the web app, against one real server with the demo organisation.
// One file on purpose: demo generation takes up to ~30 s, so every journey shares the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LOGINS, journey, signIn, startHarness, type Harness } from './harness.js';
import { committeeJourneys, membershipJourneys } from './membership.js';
import { assemblyJourneys } from './assembly.js';
import { ballotJourneys } from './ballot.js';
import { namesakeJourneys } from './namesakes.js';
import { noticeJourneys } from './meeting-notice.js';
import { phoneJourneys } from './phone.js';
import { languageJourneys } from './language.js';
import { passwordJourneys } from './passwords.js';
import { directionJourneys } from './direction.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 180_000);

afterAll(async () => {
  await h?.close();
});

const PUTILOV_EN = 'Krasny Putilovets';
const PUTILOV_RU = 'Красный путиловец';

/** Searches bodies by name on the organisation page and opens the tree at the first match of `name`. */
async function revealInTree(page: Page, query: string, name: string | RegExp): Promise<void> {
  await page.getByLabel('Search bodies by name').fill(query);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const result = page.locator('.result-list li').filter({ hasText: name }).first();
  await result.waitFor();
  await result.getByRole('button', { name: /Show in tree/ }).click();
}

function focusedTreeItem(page: Page) {
  return page.locator('[role="treeitem"]:focus');
}

describe('web app', () => {
  it('sends a signed-out visitor to sign in, and shows a refused sign-in in the live region', async () => {
    await journey(h, 'signed-out', async (page) => {
      await page.goto('/stats');
      await page.waitForURL(/\/signin\?next=%2Fstats/);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await page.locator('#login').waitFor();
      // the skip link is the first thing a keyboard reaches
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.locator('#login').fill(LOGINS.district);
      await page.locator('#password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const alert = page.locator('#signin-error');
      await expect.poll(async () => (await alert.textContent())?.trim() ?? '').toMatch(/^Sign-in failed\. \S+/);
      expect(await alert.getAttribute('aria-live')).toBe('assertive');
    });
  });

  it('district secretary finds Krasny Putilovets in the tree and sees shop cells, triangle and saturation', async () => {
    await journey(h, 'district-secretary-putilovets', async (page) => {
      await signIn(page, LOGINS.district);
      await page.getByRole('tree').waitFor();
      await revealInTree(page, 'Primary organisation of the Red Putilovite', PUTILOV_EN);

      // the tree opens down to the body and gives it keyboard focus
      const item = focusedTreeItem(page);
      await expect
        .poll(async () => (await item.count()) === 1 && ((await item.textContent()) ?? ''))
        .toContain(PUTILOV_EN);
      expect(Number(await item.getAttribute('aria-level'))).toBeGreaterThan(1);
      expect(await item.getAttribute('tabindex')).toBe('0');
      // every ancestor branch is expanded
      const openAncestors = await item.evaluate((el) => {
        const out: (string | null)[] = [];
        for (
          let p = el.parentElement?.closest('[role="treeitem"]');
          p;
          p = p.parentElement?.closest('[role="treeitem"]')
        ) {
          out.push(p.getAttribute('aria-expanded'));
        }
        return out;
      });
      expect(openAncestors.length).toBeGreaterThan(0);
      expect(openAncestors.every((v) => v === 'true')).toBe(true);

      // Enter opens the body page
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/bodies\/[0-9a-f-]{36}$/);
      await expect.poll(() => page.locator('h1').textContent()).toContain(PUTILOV_EN);
      await expect.poll(() => page.locator('.subtitle').textContent()).toContain(PUTILOV_RU);
      await expect.poll(() => page.locator('nav.breadcrumbs li').count()).toBeGreaterThan(2);

      // shop cells among the sub-bodies
      const sub = page.locator('section[aria-labelledby="sub-h"]');
      await sub.locator('table').waitFor();
      const shopCells = sub.locator('tbody tr').filter({ hasText: 'Shop cell' });
      expect(await shopCells.count()).toBeGreaterThanOrEqual(2);

      // the triangle: management, union committee, party organisation — all set up
      const triangle = page.locator('section[aria-labelledby="triangle-h"]');
      await triangle.waitFor();
      const parts = await triangle.locator('.triangle-part').allTextContents();
      expect(parts).toHaveLength(3);
      expect(parts[0]).toMatch(/^Management/);
      expect(parts[1]).toMatch(/^Union committee/);
      expect(parts[2]).toMatch(/^Party organisation/);
      expect(parts[2]).toContain(PUTILOV_EN);
      expect(parts.join(' ')).not.toContain('Not set up');

      // saturation between 13% and 15%, shown with members of workforce
      const sat = (await page.getByTestId('saturation').textContent()) ?? '';
      const m = /^Saturation (\d+(?:\.\d)?)% \(([\d,]+) of ([\d,]+)\)$/.exec(sat.trim());
      expect(m, sat).not.toBeNull();
      const pct = Number(m![1]);
      expect(pct).toBeGreaterThanOrEqual(13);
      expect(pct).toBeLessThanOrEqual(15);
      const members = Number(m![2]!.replace(/,/g, ''));
      const workforce = Number(m![3]!.replace(/,/g, ''));
      expect(Math.abs((members / workforce) * 100 - pct)).toBeLessThan(0.06);

      // its members list is open to the district secretary, with search
      const list = page.locator('section.members');
      await list.locator('tbody tr').first().waitFor();
      expect(await list.locator('tbody tr').count()).toBeGreaterThan(1);
      await list.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Next' }).click();
      await expect.poll(() => list.getByRole('navigation', { name: 'Pages' }).textContent()).toContain('Page 2 of');
    });
  });

  it('tree follows the WAI-ARIA tree pattern: arrows, Home/End, lazy children, Enter opens the page', async () => {
    await journey(h, 'tree-keyboard', async (page) => {
      await signIn(page, LOGINS.district);
      const first = page.getByRole('treeitem').first();
      await first.waitFor();
      expect(await page.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1);
      await first.focus();
      expect(await first.getAttribute('aria-level')).toBe('1');
      const expandable = (await first.getAttribute('aria-expanded')) !== null;
      expect(expandable).toBe(true);
      if ((await first.getAttribute('aria-expanded')) === 'true') {
        await page.keyboard.press('ArrowLeft');
        await expect.poll(() => first.getAttribute('aria-expanded')).toBe('false');
      }
      // Right opens the branch (children fetched now), Right again moves to the first child
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => first.getAttribute('aria-expanded')).toBe('true');
      await first.locator('[role="group"] > [role="treeitem"]').first().waitFor();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => focusedTreeItem(page).getAttribute('aria-level')).toBe('2');
      const child = await focusedTreeItem(page).getAttribute('aria-labelledby');
      // Down, Up, End, Home
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => focusedTreeItem(page).getAttribute('aria-level')).toBe('1');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => focusedTreeItem(page).getAttribute('aria-labelledby')).toBe(child);
      await page.keyboard.press('End');
      const last = page.locator('[role="treeitem"]').last();
      await expect.poll(() => last.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Home');
      await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
      // Left on a child goes to its parent; Left on an open parent closes it
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => first.getAttribute('aria-expanded')).toBe('false');
      // only one item is in the tab order at any time (roving tabindex)
      expect(await page.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/bodies\/[0-9a-f-]{36}$/);
      await page.locator('h1').waitFor();
    });
  });

  it('a branch the reader closes while the tree is still opening at their body stays closed', async () => {
    await journey(h, 'tree-reveal-race', async (page) => {
      // the reveal's reads of branches below the root are held until the reader has closed the root's branch
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/api/bodies/*/children*', async (route) => {
        await held;
        await route.continue();
      });
      await signIn(page, LOGINS.district);
      const first = page.getByRole('treeitem').first();
      await first.waitFor();
      await expect.poll(() => page.locator('.tree').getAttribute('aria-busy')).toBe('true');
      await first.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => first.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => first.getAttribute('aria-expanded')).toBe('false');
      release();
      await expect.poll(() => page.locator('.tree').getAttribute('aria-busy')).toBe('false');
      // the reveal has finished: the branch stays as the reader left it
      expect(await first.getAttribute('aria-expanded')).toBe('false');
      await page.unroute('**/api/bodies/*/children*');
    });
  });

  it('a rank-and-file member is refused another district’s member list, and sees their own organisation', async () => {
    await journey(h, 'member-refused', async (page) => {
      await signIn(page, LOGINS.member);
      await page.getByLabel('Search bodies by name').fill('Kirov');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const district = page.locator('.result-list li').filter({ hasText: 'District committee' }).first();
      await district.waitFor();
      await district.getByRole('link').first().click();
      await page.waitForURL(/\/bodies\//);
      await expect.poll(() => page.locator('h1').textContent()).toMatch(/Kirov/);
      const refused = page.getByTestId('members-refused');
      await refused.waitFor();
      expect(await refused.getAttribute('role')).toBe('alert');
      const text = (await refused.textContent()) ?? '';
      expect(text).toContain('You may not see this member list.');
      expect(text.replace('You may not see this member list.', '').trim().length).toBeGreaterThan(5);
      expect(await page.locator('section.members table').count()).toBe(0);
      // the rest of the page still works
      await page.locator('section[aria-labelledby="offices-h"]').waitFor();

      // their own primary organisation's members are visible to them
      await page.locator('.site-header .user-name').click();
      await page.waitForURL(/\/persons\//);
      const org = page
        .locator('dt', { hasText: 'Organisation' })
        .locator('xpath=following-sibling::dd')
        .getByRole('link')
        .first();
      await org.click();
      await page.waitForURL(/\/bodies\//);
      await page.locator('section.members tbody tr').first().waitFor();
      expect(await page.getByTestId('members-refused').count()).toBe(0);
    });
  });

  it('switches to Russian: UI text, names and <html lang>, kept on the account after reload', async () => {
    await journey(h, 'russian', async (page) => {
      await signIn(page, LOGINS.putilov);
      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Русский' }).click();
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ru');
      await expect
        .poll(() => page.getByRole('navigation', { name: 'Основная навигация' }).textContent())
        .toContain('Организация');
      expect(await page.getByRole('button', { name: 'Выйти' }).count()).toBe(1);
      await page.reload();
      await page.getByRole('tree', { name: 'Органы организации' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('ru');

      await page.getByLabel('Поиск органа по названию').fill('Primary organisation of the Red Putilovite');
      await page.getByRole('button', { name: 'Найти', exact: true }).click();
      const hit = page.locator('.result-list li').filter({ hasText: PUTILOV_RU }).first();
      await hit.waitFor();
      expect(await hit.textContent()).toContain('Первичная организация');
      await hit.getByRole('link', { name: PUTILOV_RU }).click();
      await expect.poll(() => page.locator('h1').textContent()).toContain(PUTILOV_RU);
      await page.locator('section[aria-labelledby="triangle-h"] h2', { hasText: 'Треугольник' }).waitFor();
      const sat = (await page.getByTestId('saturation').textContent()) ?? '';
      expect(sat).toMatch(/^Прослойка \d+,\d\s?% \(/);
      expect(await page.locator('section[aria-labelledby="sub-h"] tbody').textContent()).toContain('Цеховая ячейка');

      // back to English for whoever signs in as this account next
      await page.getByRole('group', { name: 'Язык' }).getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    });
  });

  it('statistics page shows 1,814 primary organisations in bands 1,254 / 258 / 285 / 17, with a chart', async () => {
    await journey(h, 'stats', async (page) => {
      await signIn(page, LOGINS.cc);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click();
      await page.waitForURL(/\/stats/);
      const table = page.getByTestId('size-bands');
      await table.locator('tbody tr').first().waitFor();
      const counts = await table.locator('tbody tr td.count').allTextContents();
      expect(counts.filter((c) => c !== '0')).toEqual(['1,254', '258', '285', '17']);
      expect((await table.locator('tfoot td.count').textContent())?.trim()).toBe('1,814');
      const chart = page.locator('svg[role="img"]');
      expect(await chart.count()).toBe(1);
      expect(await chart.locator(':scope > title').textContent()).toBe('Primary organisations by size band');
      expect(await chart.locator('rect.chart-bar').count()).toBeGreaterThanOrEqual(4);
    });
  });

  it('reads on a phone: no sideways scrolling on the body page', async () => {
    await journey(
      h,
      'phone',
      async (page) => {
        await signIn(page, LOGINS.cc);
        await page.getByLabel('Search bodies by name').fill('Primary organisation of the Red Putilovite');
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await page.locator('.result-list li').filter({ hasText: PUTILOV_EN }).first().getByRole('link').first().click();
        await page.getByTestId('saturation').waitFor();
        await page.locator('section.members tbody tr').first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(1);
      },
      { viewport: { width: 390, height: 844 } },
    );
  });
});

membershipJourneys(() => h);
assemblyJourneys(() => h);
ballotJourneys(() => h);
namesakeJourneys(() => h);
noticeJourneys(() => h);
phoneJourneys(() => h);
languageJourneys(() => h);
passwordJourneys(() => h);
directionJourneys(() => h);
// last: the review it opens gives every organisation of the district items to decide
committeeJourneys(() => h);
