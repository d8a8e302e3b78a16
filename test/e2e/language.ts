// Language done properly (issue 11, point 13): in Russian, body names in Cyrillic, counts with the right plural
// word ("833 кандидата"), dates as dates; in English, Latin names. Checked on the tree, the Red Putilovite works'
// body page (counts, meetings), the statistics page, a member's person page with history and the meetings list:
// the visible text never holds an ISO date.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LOGINS, journey, screenshot, signIn, type Harness } from './harness.js';

const PUTILOV_EN = 'Krasny Putilovets';
const PUTILOV_RU = 'Красный путиловец';
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

/** The Russian plural category of a whole number (the rules Intl.PluralRules applies). */
function ruCategory(n: number): 'one' | 'few' | 'many' {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return 'one';
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return 'few';
  return 'many';
}

/** Every "<number> <word>" in the text whose word is one of the forms: the form its number asks for. */
function pluralsIn(text: string, forms: Record<'one' | 'few' | 'many', string>) {
  const words = Object.values(forms).join('|');
  const found = [...text.matchAll(new RegExp(`(\\d[\\d\\s\\u00a0\\u202f]*) (${words})(?![а-яё])`, 'g'))];
  return found.map((m) => {
    const n = Number(m[1]!.replace(/[\s\u00a0\u202f]/g, ''));
    return { said: `${m[1]!.trim()} ${m[2]}`, ok: forms[ruCategory(n)] === m[2] };
  });
}

/**
 * The visible text, without the other-language name a body page shows on purpose beside the title (marked with
 * its own lang attribute, class alt-name).
 */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let text = document.body.innerText;
    for (const el of document.querySelectorAll<HTMLElement>('.alt-name[lang]')) text = text.replace(el.innerText, '');
    return text;
  });
}

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await expect.poll(() => page.locator('.loading').count(), { timeout: 20_000 }).toBe(0);
}

async function noIsoDates(page: Page, where: string): Promise<string> {
  await settled(page);
  const text = await visibleText(page);
  expect(text.match(ISO_DATE)?.[0] ?? null, `an ISO date on ${where}`).toBeNull();
  return text;
}

async function putilovId(page: Page): Promise<string> {
  const res = await page.context().request.get(`/api/bodies?q=${encodeURIComponent(PUTILOV_EN)}&limit=50`);
  const hits = (await res.json()) as { items: { id: string; kind: string }[] };
  const po = hits.items.find((b) => b.kind === 'primary_organisation');
  expect(po).toBeTruthy();
  return po!.id;
}

async function setLanguage(page: Page, lang: 'ru' | 'en'): Promise<void> {
  const [group, button] = lang === 'ru' ? ['Language', 'Русский'] : ['Язык', 'English'];
  await page.getByRole('group', { name: group }).getByRole('button', { name: button }).click();
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
}

export function languageJourneys(harness: () => Harness): void {
  describe('language', () => {
    it('language done properly: Cyrillic names, Russian plurals and no ISO dates in Russian; Latin names in English', async () => {
      await journey(harness(), 'language', async (page) => {
        await signIn(page, LOGINS.district);
        const id = await putilovId(page);
        await setLanguage(page, 'ru');
        const shots = process.env.E2E_SHOTS ? (name: string) => screenshot(page, `language-${name}`) : async () => '';

        // The tree
        await page.getByRole('tree', { name: 'Органы организации' }).waitFor();
        const tree = await noIsoDates(page, 'the tree (ru)');
        for (const p of pluralsIn(tree, { one: 'член', few: 'члена', many: 'членов' })) expect(p.ok, p.said).toBe(true);
        await shots('ru-tree');

        // The works' body page: its Russian name, members and candidates with their plural words
        await page.goto(`/bodies/${id}`);
        await expect.poll(() => page.locator('h1').textContent()).toContain(PUTILOV_RU);
        const body = await noIsoDates(page, 'the body page (ru)');
        expect(body).not.toContain(PUTILOV_EN);
        const members = pluralsIn(body, { one: 'член', few: 'члена', many: 'членов' });
        const candidates = pluralsIn(body, { one: 'кандидат', few: 'кандидата', many: 'кандидатов' });
        expect(members.length).toBeGreaterThan(0);
        expect(candidates.length).toBeGreaterThan(0);
        for (const p of [...members, ...candidates]) expect(p.ok, p.said).toBe(true);
        await shots('ru-body');

        // A member's person page with their history
        await page.locator('main a[href^="/persons/"]').first().click();
        await page.waitForURL(/\/persons\//);
        // The URL changes before the person page renders: wait for its heading (the person's name).
        await expect.poll(() => page.locator('h1').textContent()).not.toContain(PUTILOV_RU);
        await noIsoDates(page, 'the person page (ru)');
        expect(await visibleText(page)).not.toContain(PUTILOV_EN);
        await shots('ru-person');

        // Statistics
        await page.goto('/stats');
        await page.getByTestId('size-bands').locator('tbody tr').first().waitFor();
        const stats = await noIsoDates(page, 'the statistics page (ru)');
        const pos = pluralsIn(stats, {
          one: 'первичная организация',
          few: 'первичные организации',
          many: 'первичных организаций',
        });
        expect(pos.length).toBeGreaterThan(0);
        for (const p of pos) expect(p.ok, p.said).toBe(true);
        await shots('ru-stats');

        // Meetings
        await page.goto('/meetings');
        await noIsoDates(page, 'the meetings list (ru)');
        await shots('ru-meetings');

        // English: the same pages, Latin names
        await setLanguage(page, 'en');
        await page.goto(`/bodies/${id}`);
        await expect.poll(() => page.locator('h1').textContent()).toContain(PUTILOV_EN);
        const bodyEn = await noIsoDates(page, 'the body page (en)');
        // Body names (title, sub-bodies, the member list's bodies) in Latin; a meeting's place is free text.
        for (const part of ['h1', 'section[aria-labelledby="sub-h"]', 'section[aria-labelledby="members-h"]'])
          expect(await page.locator(part).first().innerText(), part).not.toContain(PUTILOV_RU);
        expect(bodyEn).toMatch(/\d[\d,]* members?, \d[\d,]* candidates?/);
        expect(bodyEn).not.toMatch(/\b1 (members|candidates)\b/);
        await shots('en-body');
        await page.locator('main a[href^="/persons/"]').first().click();
        await page.waitForURL(/\/persons\//);
        await expect.poll(() => page.locator('h1').textContent()).not.toContain(PUTILOV_EN);
        expect(await noIsoDates(page, 'the person page (en)')).not.toContain(PUTILOV_RU);
        await page.goto('/stats');
        await page.getByTestId('size-bands').locator('tbody tr').first().waitFor();
        const statsEn = await noIsoDates(page, 'the statistics page (en)');
        expect(statsEn).not.toMatch(/\b1 primary organisations\b/);
        expect(statsEn).not.toContain(PUTILOV_RU);
        await page.goto('/meetings');
        await noIsoDates(page, 'the meetings list (en)');
        await shots('en-meetings');
      });
    });
  });
}
