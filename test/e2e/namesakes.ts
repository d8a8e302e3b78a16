// Namesakes (issue 10, point 5): two "Tsvetkov Dmitrii" in two shop cells of the Red Putilovite works are delegates
// to a district conference; at the desk, a search by "Dmitrii Tsvetkov" lists both told apart (patronymic, shop
// cell, card), and checking in the one from the second cell records exactly that one — in English and in Russian.
import { describe, expect, it } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { LOGINS, journey, signIn, type Harness } from './harness.js';

interface BodyHit {
  id: string;
  name: string;
  nameRu: string | null;
  kind: string;
}

function poll<T>(fn: () => Promise<T> | T, timeout = 20_000) {
  return expect.poll(fn, { timeout, interval: 200 });
}

async function apiJson<T>(req: APIRequestContext, csrf: string, method: 'GET' | 'POST', path: string, data?: unknown) {
  const res = await req.fetch(path, {
    method,
    headers: { 'x-csrf-token': csrf },
    ...(data === undefined ? {} : { data }),
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

async function setLanguage(page: Page, label: 'Русский' | 'English'): Promise<void> {
  await page
    .getByRole('group', { name: label === 'Русский' ? 'Language' : 'Язык' })
    .getByRole('button', { name: label })
    .click();
  await poll(() => page.getAttribute('html', 'lang')).toBe(label === 'Русский' ? 'ru' : 'en');
}

export function namesakeJourneys(harness: () => Harness): void {
  describe('namesakes', () => {
    it('the desk tells two "Tsvetkov Dmitrii" apart and checks in the one chosen (English and Russian)', async () => {
      const h = harness();
      const token = Date.now().toString(36).toUpperCase();
      await journey(h, 'namesakes-desk', async (page) => {
        await signIn(page, LOGINS.district);
        const req = page.context().request;
        const me = await apiJson<{ csrfToken: string }>(req, '', 'GET', '/api/auth/me');
        const csrf = me.csrfToken;
        const call = <T>(method: 'GET' | 'POST', path: string, data?: unknown) =>
          apiJson<T>(req, csrf, method, path, data);

        // Two shop cells of the works and the district committee (the district secretary manages all three).
        const works = await call<{ items: BodyHit[] }>('GET', '/api/bodies?q=Krasny%20Putilovets&limit=50');
        const cells = works.items.filter((b) => b.kind === 'shop_cell').slice(0, 2);
        expect(cells).toHaveLength(2);
        const districts = await call<{ items: BodyHit[] }>('GET', '/api/bodies?q=Kirov&limit=50');
        const district = districts.items.find((b) => b.kind === 'district_committee')!;
        expect(district).toBeTruthy();

        const make = (cell: BodyHit, patronymic: string, ru: string, card: string) =>
          call<{ person: { id: string } }>('POST', '/api/persons', {
            familyName: 'Tsvetkov',
            givenName: 'Dmitrii',
            patronymic,
            nameRu: ru,
            socialPosition: 'worker',
            status: 'member',
            bodyId: cell.id,
            cardNumber: card,
          });
        const first = (await make(cells[0]!, 'Ivanovich', 'Цветков Дмитрий Иванович', `NS-${token}-1`)).person.id;
        const second = (await make(cells[1]!, 'Petrovich', 'Цветков Дмитрий Петрович', `NS-${token}-2`)).person.id;
        const meeting = await call<{ id: string }>('POST', `/api/bodies/${district.id}/meetings`, {
          kind: 'conference',
          title: `Namesakes conference ${token}`,
          startsAt: '2031-06-01T09:00:00Z',
          place: 'House of Culture',
          agenda: [{ title: 'Report' }],
          delegateIds: [first, second],
        });

        await page.goto(`/meetings/${meeting.id}`);
        await page
          .getByRole('tablist', { name: 'Meeting controls' })
          .getByRole('tab', { name: 'Desk', exact: true })
          .click();
        const desk = page.getByTestId('participants');
        await desk.getByLabel('Find a participant by name').fill('Dmitrii Tsvetkov');
        await desk.getByRole('button', { name: 'Search', exact: true }).click();
        const rows = desk.getByTestId('participant-row');
        await poll(() => rows.count()).toBe(2);
        const texts = (await rows.allTextContents()).sort();
        // Both named in full, each with their own shop cell and card: nobody can take one for the other.
        expect(texts[0]).toContain('Tsvetkov Dmitrii Ivanovich');
        expect(texts[0]).toContain(cells[0]!.name);
        expect(texts[0]).toContain(`card NS-${token}-1`);
        expect(texts[1]).toContain('Tsvetkov Dmitrii Petrovich');
        expect(texts[1]).toContain(cells[1]!.name);
        expect(texts[1]).toContain(`card NS-${token}-2`);

        const target = rows.filter({ hasText: 'Petrovich' });
        await target.getByRole('button', { name: /Check in — Tsvetkov Dmitrii Petrovich/ }).click();
        await poll(() => target.textContent()).toContain('Present since');
        const present = await call<{ items: { personId: string }[] }>(
          'GET',
          `/api/meetings/${meeting.id}/participants?present=yes&q=Tsvetkov`,
        );
        expect(present.items.map((p) => p.personId)).toEqual([second]);

        // In Russian: the Cyrillic full names, the cells' Russian names and the card in Russian.
        await setLanguage(page, 'Русский');
        try {
          await poll(async () => (await rows.allTextContents()).join(' | ')).toContain('Цветков Дмитрий Петрович');
          const ru = (await rows.allTextContents()).sort();
          expect(ru.join(' | ')).toContain('Цветков Дмитрий Иванович');
          expect(ru.join(' | ')).toContain(`п/б № NS-${token}-2`);
          if (cells[1]!.nameRu) expect(ru.join(' | ')).toContain(cells[1]!.nameRu);
        } finally {
          await setLanguage(page, 'English');
        }
      });
    });
  });
}
