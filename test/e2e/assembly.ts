// Browser journey of issue 4 (live assemblies): several people at once, each in their own browser context —
// the district secretary convenes a district conference and sets its roles, a projector shows the hall code
// and the quorum, delegates check in on phones, ask to speak and send an anonymous note (sent without any
// cookie), the chair gives the floor and answers the note, the stenographer records, the chair closes, the
// secretary generates, approves and seals the protocol and downloads its PDF. Registered from web.test.ts so
// that it shares its one demo server.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { LOGINS, PASSWORD, screenshot, signIn, type Harness } from './harness.js';

interface Delegate {
  login: string;
  personId: string;
  familyName: string;
  cardNumber: string;
}

interface Session {
  name: string;
  ctx: BrowserContext;
  page: Page;
  errors: string[];
}

const PHONE = { width: 360, height: 740 };

/** Opens a signed-in browser context (one person's device); pages' uncaught errors are collected. */
async function session(
  h: Harness,
  all: Session[],
  name: string,
  login: string,
  viewport = { width: 1280, height: 900 },
): Promise<Session> {
  const ctx = await h.browser.newContext({ baseURL: h.baseUrl, viewport, locale: 'en-GB' });
  ctx.setDefaultTimeout(20_000);
  const page = await ctx.newPage();
  const s: Session = { name, ctx, page, errors: [] };
  page.on('pageerror', (e) => s.errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  all.push(s);
  await signIn(page, login);
  return s;
}

/** Who the delegates are (person id, family name, card number), read through the API as each of them. */
async function delegatesOf(h: Harness, logins: string[]): Promise<Delegate[]> {
  const ctx = await h.browser.newContext({ baseURL: h.baseUrl });
  try {
    const out: Delegate[] = [];
    for (const login of logins) {
      const res = await ctx.request.post('/api/auth/login', { data: { login, password: PASSWORD } });
      expect(res.status(), `sign-in of ${login}`).toBe(200);
      const me = (await res.json()) as { personId: string };
      const p = await ctx.request.get(`/api/persons/${me.personId}`);
      expect(p.status()).toBe(200);
      const detail = (await p.json()) as { person: { familyName: string; cardNumber: string | null } };
      expect(detail.person.cardNumber, `${login} has a card`).toBeTruthy();
      out.push({
        login,
        personId: me.personId,
        familyName: detail.person.familyName,
        cardNumber: detail.person.cardNumber!,
      });
    }
    return out;
  } finally {
    await ctx.close();
  }
}

/** Polls until the value matches (the live stream and the server take a moment; vitest's default is 1 s). */
function poll<T>(fn: () => Promise<T> | T, timeout = 20_000) {
  return expect.poll(fn, { timeout, interval: 200 });
}

async function text(page: Page, testId: string): Promise<string> {
  const l = page.getByTestId(testId);
  return (await l.count()) ? ((await l.first().textContent()) ?? '').trim() : '';
}

/** Opens a tab of the meeting page's controls. */
async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tablist', { name: 'Meeting controls' }).getByRole('tab', { name, exact: true }).click();
}

/** Fails with what a panel's error region says, if anything. */
async function noError(page: Page): Promise<void> {
  const errs = (await page.getByTestId('form-error').allTextContents()).map((s) => s.trim()).filter(Boolean);
  expect(errs, 'error messages on the page').toEqual([]);
}

export function assemblyJourneys(harness: () => Harness): void {
  describe('assemblies', () => {
    it('a district conference, live: convene, roles, projector, check-in on phones, floor, transcript, anonymous note, protocol sealed', async () => {
      const h = harness();
      const token = Date.now().toString(36);
      const title = `District party conference ${token}`;
      const [chair, member, v1, v2, v3] = await delegatesOf(h, [
        LOGINS.putilov,
        'putilov.member',
        'veteran.1',
        'veteran.2',
        'veteran.3',
      ]);
      const sessions: Session[] = [];
      try {
        // --- the district secretary convenes the conference of the Kirovsky district ---------------------
        const conv = await session(h, sessions, 'convener', LOGINS.district);
        const page = conv.page;
        await page.getByLabel('Search bodies by name').fill('Kirov');
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        const district = page.locator('.result-list li').filter({ hasText: 'District committee' }).first();
        await district.waitFor();
        await district.getByRole('link').first().click();
        await page.waitForURL(/\/bodies\//);
        const section = page.getByTestId('body-meetings');
        await section.getByRole('button', { name: 'Convene a meeting' }).click();
        const form = section.getByTestId('convene-form');
        await form.getByLabel('Kind of meeting').selectOption('conference');
        await form.getByLabel('Title', { exact: true }).fill(title);
        await form.getByLabel('Date and time').fill('2031-05-14T10:00');
        await form.getByLabel('Place', { exact: true }).fill('Palace of Culture of the Kirov works, great hall');
        await form.getByLabel('Item 1: title').fill('Report of the district committee');
        await form.getByLabel('Item 1: reporter (optional)').fill('Secretary of the district committee');
        await form.getByRole('button', { name: 'Add an agenda item' }).click();
        // the new row's title field has the focus
        await poll(() => page.evaluate(() => document.activeElement?.closest('li')?.textContent ?? '')).toContain(
          'Item 2',
        );
        await page.keyboard.type('Elections of the district committee');
        for (const d of [chair, member, v1, v2, v3]) {
          const search = form.getByRole('searchbox', { name: 'Delegates' });
          await search.fill(d!.cardNumber);
          await search.press('Enter');
          await form.locator('.picker-list button').filter({ hasText: d!.familyName }).first().click();
        }
        await poll(() => form.getByTestId('chosen-delegates').locator('li').count()).toBe(5);
        await form.getByLabel('Notice to participants (optional)').fill('Delegates bring their party cards.');
        await form.getByRole('button', { name: 'Convene', exact: true }).click();
        await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
        const meetingId = page.url().split('/').pop()!;
        await poll(() => page.locator('h1').textContent()).toBe(title);
        expect(await text(page, 'meeting-status')).toBe('Convened');
        expect(await page.getByTestId('agenda').locator('li').count()).toBeGreaterThanOrEqual(2);
        expect(await page.getByTestId('calendar-link').getAttribute('href')).toBe(
          `/api/meetings/${meetingId}/calendar.ics`,
        );

        // roles: chair (elected) from the participants, secretary and stenographer
        await openTab(page, 'Chair console');
        const roles = page.getByTestId('roles-editor');
        const pick = async (role: string, d: Delegate) => {
          await roles.getByLabel('Role', { exact: true }).selectOption(role);
          const who = roles.getByRole('searchbox', { name: 'Person' });
          await who.fill(d.familyName);
          await who.press('Enter');
          await roles.locator('.picker-list button').filter({ hasText: d.familyName }).first().click();
        };
        await pick('chair', chair!);
        await roles.getByLabel('How').selectOption('appointed');
        await pick('secretary', v3!);
        await pick('stenographer', v3!);
        await roles.getByRole('button', { name: 'Save roles' }).click();
        await poll(() => roles.locator('.act-done').textContent()).toBe('Roles saved.');
        await noError(page);
        await poll(() => roles.getByTestId('roles-list').locator('li').count()).toBe(3);

        // --- the projector: a second screen, no site chrome -------------------------------------------
        const proj = await session(h, sessions, 'projector', LOGINS.district, { width: 1600, height: 900 });
        await proj.page.goto(`/meetings/${meetingId}/projector`);
        await proj.page.getByTestId('projector').waitFor();
        expect(await proj.page.locator('.site-header').count()).toBe(0);
        await poll(() => text(proj.page, 'projector-title')).toBe(title);
        await poll(() => text(proj.page, 'projector-hall-code')).toMatch(/^\S{4,}$/);
        const hall = await text(proj.page, 'projector-hall-code');
        const qr = proj.page.locator('svg.qr');
        await poll(() => qr.getAttribute('data-qr')).toBe(
          `${h.baseUrl}/meetings/${meetingId}/delegate?hall=${encodeURIComponent(hall)}`,
        );
        await poll(() => proj.page.getByTestId('projector-quorum').getAttribute('data-reached')).toBe('false');
        await poll(() => text(proj.page, 'projector-present')).toBe('0');

        // --- three delegates check in on their phones with the hall code -----------------------------------
        const phones: Record<string, Session> = {};
        for (const d of [member!, v1!, v2!]) {
          const s = await session(h, sessions, `phone-${d.login}`, d.login, PHONE);
          phones[d.login] = s;
          await s.page.goto(`/meetings/${meetingId}/delegate?hall=${encodeURIComponent(hall)}`);
          const checkIn = s.page.getByTestId('hall-checkin');
          expect(await checkIn.getByLabel('Hall code').inputValue()).toBe(hall);
          await checkIn.getByRole('button', { name: 'Check in' }).click();
          await s.page.getByTestId('delegate-present').waitFor();
          expect(await text(s.page, 'delegate-present')).toBe('You are checked in (Voting voice).');
          const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, 'no sideways scrolling on a 360 px phone').toBeLessThanOrEqual(1);
        }
        // 3 of 5 is more than half: the projector shows the quorum reached, live
        await poll(() => text(proj.page, 'projector-present')).toBe('3');
        await poll(() => proj.page.getByTestId('projector-quorum').getAttribute('data-reached')).toBe('true');
        expect(await text(proj.page, 'projector-quorum-state')).toBe('reached');

        // --- the chair opens the meeting -------------------------------------------------------------------
        const ch = await session(h, sessions, 'chair', chair!.login);
        // through "My meetings": the conference is listed among the upcoming ones
        await ch.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
        const listed = ch.page.getByTestId('upcoming-meetings').getByTestId('meeting-item').filter({ hasText: title });
        await listed.waitFor();
        expect(await listed.textContent()).toContain('Kirovsky');
        await listed.getByRole('link', { name: title, exact: true }).click();
        await ch.page.waitForURL(`**/meetings/${meetingId}`);
        await openTab(ch.page, 'Chair console');
        await ch.page.getByTestId('session-controls').getByRole('button', { name: 'Open the meeting' }).click();
        await poll(() => text(ch.page, 'meeting-status')).toBe('In session');
        await noError(ch.page);
        await poll(() => text(proj.page, 'projector-item')).toBe('1. Report of the district committee');

        // a delegate asks to speak on the phone; the chair gives the floor; the projector shows the speaker
        const mp = phones[member!.login]!.page;
        await poll(() => text(mp, 'current-item')).toContain('Report of the district');
        await mp.getByRole('button', { name: 'Ask to speak', exact: true }).click();
        await mp.getByTestId('my-request').waitFor();
        const queue = ch.page.getByTestId('floor-queue');
        const request = queue.getByTestId('floor-request').filter({ hasText: member!.familyName });
        await request.waitFor({ timeout: 15_000 });
        // a second delegate asks to speak; the chair moves them up with the keyboard
        const v2p = phones[v2!.login]!.page;
        await v2p.getByRole('button', { name: 'Ask to speak', exact: true }).click();
        await poll(() => text(v2p, 'my-request')).toBe('You are number 2 on the list (Speech).');
        await poll(() => queue.getByTestId('floor-request').count()).toBe(2);
        await queue.getByRole('button', { name: new RegExp(`^Move ${v2!.familyName}.* up$`) }).focus();
        await ch.page.keyboard.press('Enter');
        await poll(() => queue.getByTestId('floor-request').first().textContent()).toContain(v2!.familyName);
        // the focus stays with the moved request (now first: on its "down" button)
        await poll(() => ch.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(
          new RegExp(`^Move ${v2!.familyName}.* down$`),
        );
        await poll(() => text(v2p, 'my-request')).toBe('You are number 1 on the list (Speech).');
        await request.getByRole('button', { name: /Give the floor/ }).click();
        await poll(() => text(proj.page, 'projector-speaker')).toContain(member!.familyName);
        await proj.page.getByTestId('countdown').waitFor();
        await poll(() => text(mp, 'current-speaker')).toContain(member!.familyName);
        await poll(() => text(proj.page, 'projector-queue')).toContain(v2!.familyName);

        // --- the stenographer records the speech and a remark -------------------------------------------------
        const st = await session(h, sessions, 'stenographer', v3!.login);
        await st.page.goto(`/meetings/${meetingId}`);
        await openTab(st.page, 'Stenographer');
        const steno = st.page.getByTestId('stenographer');
        await poll(() => steno.getByRole('radio', { name: /^Speech: / }).count()).toBe(1);
        const speech = `Comrades, the rolling mill fulfilled the plan ahead of time (${token}).`;
        await steno.getByLabel('Text', { exact: true }).fill(speech);
        await steno.getByLabel('Text', { exact: true }).press('Enter');
        await poll(() => steno.getByTestId('transcript-entry').count()).toBe(1);
        await steno.getByRole('button', { name: '(Laughter)' }).click();
        await poll(() => steno.getByTestId('transcript-entry').count()).toBe(2);
        const entries = await steno.getByTestId('transcript-entry').allTextContents();
        expect(entries[0]).toContain(member!.familyName);
        expect(entries[0]).toContain(speech);
        expect(entries[1]).toContain('(Laughter)');
        await noError(st.page);

        // --- an anonymous question note from veteran.1's phone: sent with no cookie at all ----------------
        const vp = phones[v1!.login]!.page;
        const noteForm = vp.getByTestId('note-form');
        await poll(() => text(vp, 'notes-remaining')).toMatch(/^You can send [1-9]\d* more anonymous notes?\.$/);
        expect(await noteForm.getByRole('checkbox', { name: 'Sign with my name' }).isChecked()).toBe(false);
        const question = `Why is the canteen closed on the night shift? (${token})`;
        await noteForm.getByLabel('Your question').fill(question);
        const sent: Request[] = [];
        vp.on('request', (r) => {
          if (r.method() === 'POST' && new URL(r.url()).pathname === `/api/meetings/${meetingId}/anonymous-notes`)
            sent.push(r);
        });
        const before = await text(vp, 'notes-remaining');
        await noteForm.getByRole('button', { name: 'Send the note' }).click();
        await poll(() => text(vp, 'note-sent')).toBe('Sent anonymously.');
        expect(sent).toHaveLength(1);
        const headers = await sent[0]!.allHeaders();
        expect(headers['cookie'], 'the anonymous note carries no cookie').toBeUndefined();
        expect(headers['x-csrf-token']).toBeUndefined();
        const body = JSON.parse(sent[0]!.postData() ?? '{}') as Record<string, unknown>;
        expect(Object.keys(body).sort()).toEqual(['addressedTo', 'text', 'token']);
        await poll(() => text(vp, 'notes-remaining')).not.toBe(before);
        await poll(() => text(proj.page, 'projector-notes')).toBe('1');

        // the chair sees it as Anonymous and answers; the answer enters the transcript
        await openTab(ch.page, 'Notes');
        const note = ch.page.getByTestId('note').filter({ hasText: question });
        await note.waitFor({ timeout: 15_000 });
        expect(await note.getByTestId('note-author').textContent()).toBe('Anonymous');
        const answer = `The canteen opens at night from Monday (${token}).`;
        await note.getByLabel('Answer (enters the transcript)').fill(answer);
        await note.getByRole('button', { name: 'Answer', exact: true }).click();
        await poll(() => ch.page.getByTestId('note').filter({ hasText: question }).textContent()).toContain(answer);
        await noError(ch.page);
        await poll(async () => (await steno.getByTestId('transcript-entry').allTextContents()).join('\n')).toContain(
          answer,
        );

        // --- the chair closes the meeting; the secretary generates, approves and seals the protocol ----------
        await openTab(ch.page, 'Chair console');
        await ch.page.getByTestId('floor-queue').getByRole('button', { name: 'End', exact: true }).click();
        await poll(() => text(proj.page, 'projector-speaker')).toBe('Nobody has the floor');
        await ch.page.getByTestId('session-controls').getByRole('button', { name: 'Close the meeting' }).click();
        await poll(() => text(ch.page, 'meeting-status')).toBe('Closed');
        await noError(ch.page);

        await openTab(st.page, 'Protocol');
        const protocol = st.page.getByTestId('protocol-panel');
        await protocol.getByLabel('Language of the protocol').selectOption('en');
        await protocol.getByRole('button', { name: 'Generate the protocol' }).click();
        const textarea = protocol.getByLabel('Protocol', { exact: true });
        await textarea.waitFor({ timeout: 60_000 });
        const generated = await textarea.inputValue();
        expect(generated).toContain(title);
        expect(generated).toContain('Report of the district committee');
        await textarea.fill(`${generated}\n\nEdited by the secretary (${token}).`);
        await protocol.getByRole('button', { name: 'Save', exact: true }).click();
        await poll(() => text(st.page, 'protocol-status')).toContain('version 2');
        await protocol.getByRole('button', { name: 'Approve', exact: true }).click();
        await poll(() => text(st.page, 'protocol-status')).toMatch(/^Approved/);
        await protocol.getByRole('button', { name: 'Seal', exact: true }).click();
        await poll(() => text(st.page, 'protocol-status')).toMatch(/^Sealed/);
        expect(await text(st.page, 'seal-hash')).toMatch(/^[0-9a-f]{64}$/);
        await noError(st.page);
        expect(await textarea.inputValue()).toContain(`Edited by the secretary (${token}).`);

        const href = (await protocol.getByTestId('protocol-pdf').getAttribute('href'))!;
        expect(href).toBe(`/api/meetings/${meetingId}/protocol.pdf`);
        const pdf = await st.page.request.get(href);
        expect(pdf.status()).toBe(200);
        expect(pdf.headers()['content-type']).toContain('application/pdf');
        const bytes = await pdf.body();
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(bytes.length).toBeGreaterThan(1024);

        for (const s of sessions) expect(s.errors, `uncaught errors in ${s.name}`).toEqual([]);
        if (process.env.E2E_SHOTS) for (const s of sessions) await screenshot(s.page, `ok-assembly-${s.name}`);
      } catch (err) {
        const shots: string[] = [];
        for (const s of sessions) shots.push(await screenshot(s.page, `failed-assembly-${s.name}`));
        if (err instanceof Error) err.message += `\n(screenshots: ${shots.join(', ')})`;
        throw err;
      } finally {
        for (const s of sessions) await s.ctx.close().catch(() => undefined);
      }
    }, 600_000);
  });
}
