// Browser journey of issue 10, point 4: convening gives the notice. The secretary of the Red Putilovite organisation
// convenes a general assembly (a start sooner than the statute's notice days is refused first, with a message that
// says what to do); a rank-and-file member then signs in on another device and finds the meeting on their Meetings
// page — not yet open — with its agenda, place, notice date and a calendar file that downloads. Registered from
// web.test.ts so that it shares its one demo server.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { journey, LOGINS, openFromHeader, signIn, type Harness } from './harness.js';

/** A datetime-local value `days` from now at 18:00 (the browser's clock and zone are the machine's). */
function localStart(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T18:00`;
}

export function noticeJourneys(harness: () => Harness): void {
  describe('meeting notice', () => {
    it('a member sees a convened general assembly on their Meetings page with its agenda and calendar file', async () => {
      const h = harness();
      const title = `General assembly on the plan ${Date.now().toString(36)}`;
      const place = 'Club of the Red Putilovite works, great hall';
      let meetingId = '';

      await journey(h, 'notice-secretary-convenes', async (page) => {
        await signIn(page, LOGINS.putilov);
        const me = (await (await page.request.get('/api/auth/me')).json()) as { homeBodyId: string };
        await page.goto(`/bodies/${me.homeBodyId}`);
        const section = page.getByTestId('body-meetings');
        await section.getByRole('button', { name: 'Convene a meeting' }).click();
        const form = section.getByTestId('convene-form');
        await form.getByLabel('Kind of meeting').selectOption('general_assembly');
        await form.getByLabel('Title', { exact: true }).fill(title);
        await form.getByLabel('Place', { exact: true }).fill(place);
        await form.getByLabel('Item 1: title').fill('Fulfilment of the production plan');
        await form.getByRole('button', { name: 'Add an agenda item' }).click();
        await form.getByLabel('Item 2: title').fill('Admission of candidates');
        // tomorrow is too soon for a general assembly (the statute asks for 3 days' notice): refused, saying why
        await form.getByLabel('Date and time').fill(localStart(1));
        await form.getByRole('button', { name: 'Convene', exact: true }).click();
        await expect
          .poll(async () => (await form.getByTestId('form-error').allTextContents()).join(' '), { timeout: 20_000 })
          .toMatch(/3 days' notice.*mark the meeting urgent/);
        expect(page.url()).not.toMatch(/\/meetings\//);
        // ten days ahead respects the notice
        await form.getByLabel('Date and time').fill(localStart(10));
        await form.getByRole('button', { name: 'Convene', exact: true }).click();
        await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/, { timeout: 60_000 });
        meetingId = page.url().split('/').pop()!;
        await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe(title);
        expect((await page.locator('.subtitle').getByTestId('meeting-status').textContent())?.trim()).toBe('Convened');
        await page.getByTestId('notice-given').waitFor();
      });

      await journey(
        h,
        'notice-member-sees-meeting',
        async (page) => {
          await signIn(page, 'putilov.member');
          await openFromHeader(page, 'Meetings');
          await page.waitForURL(/\/meetings$/);
          const item = page.getByTestId('meeting-item').filter({ hasText: title });
          await item.waitFor();
          expect(await page.getByText('No upcoming or open meetings').count()).toBe(0);
          expect(await item.textContent()).toContain(place);
          expect(await item.getByTestId('meeting-agenda').locator('li').allTextContents()).toEqual([
            'Fulfilment of the production plan',
            'Admission of candidates',
          ]);
          expect((await item.getByTestId('meeting-notice-date').textContent())?.trim()).toMatch(/^Notice given /);
          const link = item.getByTestId('meeting-calendar-link');
          expect(await link.getAttribute('href')).toBe(`/api/meetings/${meetingId}/calendar.ics`);
          const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
          const ics = await readFile((await download.path())!, 'utf8');
          expect(ics).toContain('BEGIN:VEVENT');
          expect(ics).toContain(`UID:${meetingId}@antaeus`);
          expect(ics.replace(/\r\n /g, '')).toContain('Fulfilment of the production plan');
          // the meeting's own page opens from the list
          await item.getByRole('link', { name: title, exact: true }).click();
          await page.waitForURL(new RegExp(`/meetings/${meetingId}$`));
          await expect.poll(() => page.getByTestId('agenda').locator('li').count(), { timeout: 20_000 }).toBe(2);
        },
        { viewport: { width: 360, height: 740 } },
      );
    }, 180_000);
  });
}
