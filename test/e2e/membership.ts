// Browser journeys of issue 3 (membership): admission from application to full member with a
// card, and a discipline case whose appeal the district committee upholds. Registered from
// web.test.ts so that every journey shares its one demo server.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { LOGINS, fieldSays, journey, screenshot, signIn, type Harness } from './harness.js';

const PUTILOV_SEARCH = 'Primary organisation of the Red Putilovite';
const PUTILOV = /Putilov/;

/** YYYY-MM-DD, `days` days from today (negative: in the past). */
function day(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function openNav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

async function openMe(page: Page): Promise<void> {
  await openNav(page, 'My membership');
  await page.waitForURL(/\/me$/);
  await page.getByTestId('my-status').waitFor();
}

/** Opens the worklists of the scope whose name matches `scope` (when the person has several). */
async function openWorklists(page: Page, scope?: RegExp): Promise<void> {
  await openNav(page, 'Worklists');
  await page.waitForURL(/\/worklists/);
  await page.locator('h1', { hasText: 'Worklists' }).waitFor();
  const picker = page.getByLabel('Worklists of');
  if (scope && (await picker.count()) > 0) {
    const options = await picker.locator('option').allTextContents();
    const values = await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const i = options.findIndex((o) => scope.test(o));
    if (i >= 0) await picker.selectOption(values[i]!);
  }
  await page.locator('section.worklist').first().waitFor();
}

/** Waits until a form's act is done, or fails with what the error region says. */
async function submitAndWait(form: Locator, button: string): Promise<void> {
  await form.getByRole('button', { name: button, exact: true }).click();
  const done = form.locator('.act-done');
  const err = form.getByTestId('form-error');
  await expect
    .poll(
      async () => {
        // count() never waits: reading a missing element's text would stall each poll for the default timeout.
        const e = (await err.count()) ? ((await err.first().textContent()) ?? '').trim() : '';
        if (e) return `error: ${e}`;
        if ((await form.count()) === 0) return 'done';
        const d = (await done.count()) ? ((await done.first().textContent()) ?? '').trim() : '';
        return d ? 'done' : 'pending';
      },
      { timeout: 20_000 },
    )
    .toBe('done');
}

async function fillDecision(form: Locator, takenOn: string, votes: [number, number, number], reasons: string) {
  await form.getByLabel('Date of the decision').fill(takenOn);
  await form.getByLabel('For', { exact: true }).fill(String(votes[0]));
  await form.getByLabel('Against', { exact: true }).fill(String(votes[1]));
  await form.getByLabel('Abstained', { exact: true }).fill(String(votes[2]));
  await form.getByLabel('Reasons', { exact: true }).fill(reasons);
}

async function cardNumberOf(h: Harness, login: string): Promise<string> {
  let card = '';
  await journey(h, `card-of-${login}`, async (page) => {
    await signIn(page, login);
    await openMe(page);
    card = ((await page.getByTestId('my-card-number').textContent()) ?? '').trim();
  });
  expect(card).toMatch(/\w/);
  return card;
}

async function personIdOf(page: Page): Promise<string> {
  const href = (await page.getByRole('link', { name: 'My full record' }).getAttribute('href')) ?? '';
  return href.split('/').pop()!;
}

/** The applicant applies to the Red Putilovite organisation naming the three veterans (by card number). */
async function apply(page: Page, appliedOn: string, cards: string[], fullMembership: boolean): Promise<void> {
  await openMe(page);
  if (fullMembership) {
    await page.getByRole('button', { name: 'Apply for full membership' }).first().click();
  }
  const form = page.getByTestId('apply-form');
  await form.getByLabel('Organisation').fill(PUTILOV_SEARCH);
  await form.getByLabel('Organisation').press('Enter');
  await form.locator('.picker-list button').filter({ hasText: PUTILOV }).first().click();
  await form.getByLabel('Applying to become').selectOption(fullMembership ? 'member' : 'candidate');
  await form.getByLabel('Date of the application').fill(appliedOn);
  await form.getByLabel('Statement (optional)').fill('I ask to be admitted to the Party. I work in the rolling mill.');
  for (const card of cards) {
    const rec = form.getByRole('searchbox', { name: 'Recommenders' });
    await rec.fill(card);
    await rec.press('Enter');
    await form.locator('.picker-list button').filter({ hasText: card }).first().click();
  }
  expect(await form.locator('.chosen-list li').count()).toBe(cards.length);
  await submitAndWait(form, 'Apply');
}

async function recommend(h: Harness, login: string, on: string, round: number): Promise<void> {
  await journey(h, `recommend-${login}-${round}`, async (page) => {
    await signIn(page, login);
    await openMe(page);
    const item = page
      .getByTestId('recommendation-request')
      .filter({ hasText: /Smirnov|Смирнов/ })
      .filter({
        has: page.getByTestId('recommendation-form'),
      });
    const form = item.first().getByTestId('recommendation-form');
    await form
      .getByLabel('Your recommendation (or why you decline)')
      .fill(`I have known him at the works for years; I recommend him (${login}).`);
    await form.getByLabel('Date', { exact: true }).fill(on);
    await submitAndWait(form, 'Confirm recommendation');
  });
}

async function primaryDecides(h: Harness, takenOn: string, round: number): Promise<void> {
  await journey(h, `po-decides-${round}`, async (page) => {
    await signIn(page, LOGINS.putilov);
    await openWorklists(page, PUTILOV);
    const section = page.getByTestId('wl-applications');
    const item = section
      .getByTestId('application-item')
      .filter({ hasText: /Smirnov|Смирнов/ })
      .first();
    const form = item.getByTestId('decide-application-form');
    await form.waitFor();
    await fillDecision(form, takenOn, [212, 3, 5], 'Admitted: a good worker, recommended by three old members.');
    await submitAndWait(form, 'Record decision');
  });
}

async function districtConfirms(h: Harness, takenOn: string, round: number): Promise<void> {
  await journey(h, `district-confirms-${round}`, async (page) => {
    await signIn(page, LOGINS.district);
    await openWorklists(page, /Kirov|Narv/);
    const section = page.getByTestId('wl-confirmations');
    const item = section
      .getByTestId('confirmation-item')
      .filter({ hasText: /Smirnov|Смирнов/ })
      .first();
    const form = item.getByTestId('confirm-application-form');
    await form.waitFor();
    await fillDecision(form, takenOn, [9, 0, 0], 'Confirmed by the bureau of the district committee.');
    await submitAndWait(form, 'Record confirmation');
  });
}

export function membershipJourneys(harness: () => Harness): void {
  describe('membership', () => {
    it('application → recommendations → decision → confirmation → candidate → full member with card', async () => {
      const h = harness();
      const cards = [
        await cardNumberOf(h, 'veteran.1'),
        await cardNumberOf(h, 'veteran.2'),
        await cardNumberOf(h, 'veteran.3'),
      ];
      // Candidate: applied two years and two months ago, decided two years ago.
      await journey(h, 'apply-candidate', async (page) => {
        await signIn(page, 'applicant');
        await openMe(page);
        expect(await page.getByTestId('my-status').textContent()).toMatch(/Non-member|Sympathiser/);
        // someone never in the party has no charges or penalties sections (once the page has loaded)
        await page.getByTestId('admission').waitFor();
        expect(await page.getByTestId('penalties').count()).toBe(0);
        expect(await page.getByTestId('my-cases').count()).toBe(0);
        // two recommenders named at first: told how many more the statute asks for, then names the third later
        await apply(page, day(-790), cards.slice(0, 2), false);
        await expect
          .poll(() => page.getByTestId('apply-form').locator('.act-done').textContent())
          .toContain('one more recommender');
        const application = page.getByTestId('application').first();
        await application.waitFor();
        expect(await application.textContent()).toContain('Collecting recommendations');
        await expect
          .poll(() => application.getByTestId('recommendations-needed').textContent())
          .toBe('One more recommender is needed. Name a member who knows your work.');
        const nameForm = application.getByTestId('name-recommender-form');
        const search = nameForm.getByRole('searchbox', { name: 'Recommenders' });
        await search.fill(cards[2]!);
        await search.press('Enter');
        await nameForm.locator('.picker-list button').filter({ hasText: cards[2]! }).first().click();
        await submitAndWait(nameForm, 'Name this recommender');
        await expect
          .poll(() => application.getByTestId('recommendations-needed').textContent())
          .toBe('Waiting for 3 named recommenders to answer.');
        await screenshot(page, 'recommender-named-later');
      });
      for (const login of ['veteran.1', 'veteran.2', 'veteran.3']) await recommend(h, login, day(-780), 1);
      await primaryDecides(h, day(-730), 1);
      await districtConfirms(h, day(-720), 1);
      await journey(h, 'now-candidate', async (page) => {
        await signIn(page, 'applicant');
        await openMe(page);
        await expect.poll(() => page.getByTestId('my-status').textContent()).toBe('Candidate');
      });

      // Full membership, after the stage ended: applied half a year ago.
      await journey(h, 'apply-member', async (page) => {
        await signIn(page, 'applicant');
        await apply(page, day(-180), cards, true);
      });
      for (const login of ['veteran.1', 'veteran.2', 'veteran.3']) await recommend(h, login, day(-175), 2);
      await primaryDecides(h, day(-150), 2);
      await districtConfirms(h, day(-140), 2);

      await journey(h, 'full-member-card', async (page) => {
        await signIn(page, 'applicant');
        await openMe(page);
        await expect.poll(() => page.getByTestId('my-status').textContent()).toBe('Member');
        const card = ((await page.getByTestId('my-card-number').textContent()) ?? '').trim();
        expect(card).toMatch(/\w/);
        expect(card).not.toBe('—');
        const link = page.getByTestId('card-pdf');
        expect(await link.textContent()).toBe('Download card (PDF)');
        const href = (await link.getAttribute('href'))!;
        const res = await page.request.get(href);
        expect(res.status()).toBe(200);
        expect(res.headers()['content-type']).toContain('application/pdf');
        const body = await res.body();
        expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      });
    }, 600_000);

    it('a discipline case whose appeal the district committee upholds: the penalty is annulled', async () => {
      const h = harness();
      const token = `case ${Date.now().toString(36)}`;
      let memberId = '';
      await journey(h, 'member-id', async (page) => {
        await signIn(page, 'putilov.member');
        await openMe(page);
        memberId = await personIdOf(page);
      });
      expect(memberId).toMatch(/^[0-9a-f-]{36}$/);

      await journey(h, 'secretary-charges', async (page) => {
        await signIn(page, LOGINS.putilov);
        await page.goto(`/persons/${memberId}`);
        const actions = page.getByTestId('person-actions');
        await actions.getByRole('button', { name: 'Bring a charge' }).click();
        const form = actions.getByTestId('charge-form');
        // the contract's own check (OpenCaseInput: a charge is required) speaks under the field, in the reader's
        // language, before anything is sent; the live region says how many fields need attention
        const chargeField = form.locator('textarea');
        await form.getByRole('button', { name: 'Bring charge', exact: true }).click();
        await expect.poll(() => chargeField.getAttribute('aria-invalid')).toBe('true');
        expect((await fieldSays(chargeField)).message).toBe('Fill this in.');
        expect((await form.getByTestId('form-error').textContent())?.trim()).toBe(
          'One field needs attention: see the message under it.',
        );
        expect(await form.getByLabel('Charged on').getAttribute('aria-invalid')).toBeNull();
        await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Русский' }).click();
        await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ru');
        await form.getByRole('button', { name: 'Предъявить обвинение', exact: true }).click();
        await expect.poll(async () => (await fieldSays(chargeField)).message).toBe('Заполните это поле.');
        expect(await chargeField.getAttribute('aria-invalid')).toBe('true');
        await page.getByRole('group', { name: 'Язык' }).getByRole('button', { name: 'English' }).click();
        await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
        await form
          .getByLabel('Charge', { exact: true })
          .fill(`Absent from three general assemblies without excuse (${token}).`);
        // filled in, the field is no longer marked
        await expect.poll(() => chargeField.getAttribute('aria-invalid')).toBeNull();
        expect((await fieldSays(chargeField)).message).toBe('');
        await form.getByLabel('Charged on').fill(day(-20));
        await submitAndWait(form, 'Bring charge');
      });

      await journey(h, 'member-answers', async (page) => {
        await signIn(page, 'putilov.member');
        await openMe(page);
        const form = page.getByTestId('my-case').filter({ hasText: token }).getByTestId('answer-form');
        await form.getByLabel('Written answer').fill('I was on the night shift each time; the shop chief can confirm.');
        await form.getByLabel('Date', { exact: true }).fill(day(-18));
        await submitAndWait(form, 'Send answer');
      });

      await journey(h, 'secretary-hears-and-decides', async (page) => {
        await signIn(page, LOGINS.putilov);
        await openWorklists(page, PUTILOV);
        const item = () => page.getByTestId('wl-charges').getByTestId('charge-item').filter({ hasText: token });
        const hearing = item().getByTestId('hearing-form');
        // a hearing dated in the future is refused: what happened and what to do, in the live region, never a code
        await hearing.getByLabel('Date of the hearing').fill(day(30));
        await hearing.getByLabel('Notes of the hearing').fill('Dated wrongly.');
        await hearing.getByRole('button', { name: 'Record hearing', exact: true }).click();
        const error = hearing.getByTestId('form-error');
        await expect
          .poll(async () => ((await error.textContent()) ?? '').trim())
          .toBe('The date of an act cannot be in the future. Give today’s date or an earlier one.');
        expect(await error.getAttribute('role')).toBe('alert');
        expect(await error.getAttribute('aria-live')).toBe('assertive');
        await hearing.getByLabel('Date of the hearing').fill(day(-15));
        await hearing.getByLabel('Notes of the hearing').fill('The member spoke; the shop chief did not confirm.');
        await submitAndWait(hearing, 'Record hearing');
        const decide = item().getByTestId('decide-case-form');
        await decide.waitFor();
        await decide.getByLabel('Penalty').selectOption('severe_reprimand_with_record');
        await fillDecision(decide, day(-14), [150, 40, 12], 'Repeated absence; the explanation was not confirmed.');
        await submitAndWait(decide, 'Record decision');
      });

      await journey(h, 'member-appeals', async (page) => {
        await signIn(page, 'putilov.member');
        await openMe(page);
        const myCase = page.getByTestId('my-case').filter({ hasText: token });
        await expect
          .poll(() => myCase.getByTestId('case-outcome').textContent())
          .toBe('Severe reprimand with an entry in the record');
        const form = myCase.getByTestId('appeal-form');
        await form.getByLabel('Grounds of the appeal').fill('The night-shift rota proves I was at work.');
        await form.getByLabel('Date', { exact: true }).fill(day(-10));
        await submitAndWait(form, 'Lodge appeal');
      });

      await journey(h, 'district-upholds', async (page) => {
        await signIn(page, LOGINS.district);
        await openWorklists(page, /Kirov|Narv/);
        const item = page
          .getByTestId('wl-appeals')
          .getByTestId('appeal-item')
          .filter({ hasText: 'The night-shift rota proves I was at work.' })
          .first();
        const form = item.getByTestId('decide-appeal-form');
        await form.getByLabel('Outcome').selectOption('upheld');
        await fillDecision(form, day(-5), [7, 1, 1], 'The rota shows the member was at work: the penalty is annulled.');
        await submitAndWait(form, 'Record decision');
      });

      await journey(h, 'member-sees-annulled', async (page) => {
        await signIn(page, 'putilov.member');
        await openMe(page);
        const penalties = page.getByTestId('penalties');
        await penalties.getByTestId('penalty').first().waitFor();
        await expect.poll(() => penalties.getByTestId('penalty-annulled').count()).toBeGreaterThan(0);
        expect(await penalties.textContent()).toContain('Severe reprimand with an entry in the record');
        // every severe reprimand of this member is annulled, and the case is no longer open
        const severe = penalties
          .getByTestId('penalty')
          .filter({ hasText: 'Severe reprimand with an entry in the record' });
        expect(await severe.count()).toBeGreaterThan(0);
        expect(await severe.filter({ hasNot: page.getByTestId('penalty-annulled') }).count()).toBe(0);
        expect(await page.getByTestId('my-case').filter({ hasText: token }).count()).toBe(0);
      });
    }, 400_000);

    it('an appeal goes to the last instance: the district dismisses, the control commission’s chair upholds', async () => {
      const h = harness();
      const token = `last instance ${Date.now().toString(36)}`;
      let memberId = '';
      await journey(h, 'last-member-id', async (page) => {
        await signIn(page, 'putilov.member');
        await openMe(page);
        memberId = await personIdOf(page);
      });
      await journey(h, 'last-secretary-charges-and-decides', async (page) => {
        await signIn(page, LOGINS.putilov);
        await page.goto(`/persons/${memberId}`);
        const actions = page.getByTestId('person-actions');
        await actions.getByRole('button', { name: 'Bring a charge' }).click();
        const charge = actions.getByTestId('charge-form');
        await charge.getByLabel('Charge', { exact: true }).fill(`Left a shift meeting early (${token}).`);
        await charge.getByLabel('Charged on').fill(day(-40));
        await submitAndWait(charge, 'Bring charge');
        await openWorklists(page, PUTILOV);
        const item = () => page.getByTestId('wl-charges').getByTestId('charge-item').filter({ hasText: token });
        const hearing = item().getByTestId('hearing-form');
        await hearing.getByLabel('Date of the hearing').fill(day(-35));
        await hearing.getByLabel('Notes of the hearing').fill('The member did not answer in writing.');
        await submitAndWait(hearing, 'Record hearing');
        const decide = item().getByTestId('decide-case-form');
        await decide.waitFor();
        await decide.getByLabel('Penalty').selectOption('reprimand');
        await fillDecision(decide, day(-34), [120, 30, 10], 'Left the meeting before the vote.');
        await submitAndWait(decide, 'Record decision');
      });
      await journey(h, 'last-member-appeals', async (page) => {
        await signIn(page, 'putilov.member');
        await openMe(page);
        const myCase = page.getByTestId('my-case').filter({ hasText: token });
        const form = myCase.getByTestId('appeal-form');
        await form.getByLabel('Grounds of the appeal').fill(`The shift foreman sent me to the furnace (${token}).`);
        await form.getByLabel('Date', { exact: true }).fill(day(-30));
        await submitAndWait(form, 'Lodge appeal');
      });
      await journey(h, 'last-district-dismisses', async (page) => {
        await signIn(page, LOGINS.district);
        await openWorklists(page, /Kirov|Narv/);
        const item = page.getByTestId('wl-appeals').getByTestId('appeal-item').filter({ hasText: token }).first();
        const form = item.getByTestId('decide-appeal-form');
        await form.getByLabel('Outcome').selectOption('dismissed');
        await fillDecision(form, day(-3), [6, 2, 1], 'The foreman does not confirm it.');
        await submitAndWait(form, 'Record decision');
      });
      await journey(h, 'last-member-escalates', async (page) => {
        await signIn(page, 'putilov.member');
        await openMe(page);
        const myCase = page.getByTestId('my-case').filter({ hasText: token });
        await expect.poll(() => myCase.getByTestId('case-state').textContent()).toMatch(/dismissed/i);
        const form = myCase.locator('form', { hasText: 'Appeal to the control commission' });
        await form.getByLabel('Grounds of the appeal').fill(`The furnace log shows my name at that hour (${token}).`);
        await submitAndWait(form, 'Lodge appeal');
      });
      await journey(h, 'last-control-commission-upholds', async (page) => {
        await signIn(page, 'control.chair');
        await openWorklists(page);
        // the commission's own worklist: the appeal has reached those who decide it
        await expect.poll(() => page.locator('.subtitle').textContent()).toMatch(/Control Commission/);
        const item = page.getByTestId('wl-appeals').getByTestId('appeal-item').filter({ hasText: token }).first();
        await item.waitFor();
        expect(await item.textContent()).toContain('Control commission');
        const form = item.getByTestId('decide-appeal-form');
        await form.getByLabel('Outcome').selectOption('upheld');
        await fillDecision(form, day(0), [5, 0, 0], 'The furnace log confirms the member: the reprimand is annulled.');
        await submitAndWait(form, 'Record decision');
        await screenshot(page, 'control-commission-decided');
      });
      await journey(h, 'last-member-sees-annulled', async (page) => {
        await signIn(page, 'putilov.member');
        await openMe(page);
        // the case is closed in the member's favour: no longer among the open ones, its reprimand annulled
        await expect.poll(() => page.getByTestId('my-case').filter({ hasText: token }).count()).toBe(0);
        const penalties = page.getByTestId('penalties');
        const reprimands = penalties.getByTestId('penalty').filter({ hasText: /^Reprimand/ });
        await expect.poll(() => reprimands.count()).toBeGreaterThan(0);
        expect(await reprimands.filter({ hasNot: page.getByTestId('penalty-annulled') }).count()).toBe(0);
      });
    }, 400_000);

    it('a secretary records a dues payment from the scale; paying the same month twice is refused', async () => {
      const h = harness();
      let memberId = '';
      await journey(h, 'dues-member-id', async (page) => {
        await signIn(page, 'putilov.member');
        await openMe(page);
        memberId = await personIdOf(page);
      });
      await journey(h, 'dues-payment', async (page) => {
        await signIn(page, LOGINS.putilov);
        await page.goto(`/persons/${memberId}`);
        const dues = page.getByTestId('dues');
        await dues.getByRole('button', { name: 'Record a payment' }).click();
        const form = dues.getByTestId('payment-form');
        const month = new Date().toISOString().slice(0, 7);
        const pay = async () => {
          await form.getByLabel('Month', { exact: true }).fill(month);
          await form.getByLabel('Monthly earnings').fill('271.00');
          await form.getByRole('button', { name: 'Compute from the scale' }).click();
          await expect.poll(() => form.getByLabel('Amount paid').inputValue()).toMatch(/^\d+(\.\d+)?$/);
          await form.getByLabel('Paid on').fill(day(0));
        };
        await pay();
        await submitAndWait(form, 'Record payment');
        await expect.poll(async () => (await dues.locator('tbody tr').count()) > 0).toBe(true);
        // the same month again: refused, the server's message in the live region
        await pay();
        await form.getByRole('button', { name: 'Record payment', exact: true }).click();
        const error = form.getByTestId('form-error');
        await expect.poll(async () => ((await error.textContent()) ?? '').trim()).toMatch(/\S/);
        expect(await error.getAttribute('aria-live')).toBe('assertive');
      });
    }, 300_000);

    it('the member’s page shows their history (audit trail): admission, the case and the appeal', async () => {
      const h = harness();
      await journey(h, 'history-applicant', async (page) => {
        await signIn(page, 'applicant');
        await openMe(page);
        const history = page.getByTestId('history');
        await history.locator('.timeline li').first().waitFor();
        expect(await history.textContent()).toMatch(/Admission/);
      });
      await journey(h, 'history-member', async (page) => {
        await signIn(page, 'putilov.member');
        await openMe(page);
        const history = page.getByTestId('history');
        await history.locator('.timeline li').first().waitFor();
        expect(await history.textContent()).toMatch(/Discipline/);
        expect(await history.textContent()).toMatch(/Appeal/);
      });
    });

    it('the membership pages in English and Russian (screenshots in test-results/)', async () => {
      const h = harness();
      const shots: [string, string, string][] = [
        ['applicant', '/me', 'me'],
        ['putilov.member', '/me', 'me-member'],
        [LOGINS.putilov, '/worklists', 'worklists-po'],
        [LOGINS.district, '/worklists', 'worklists-district'],
      ];
      for (const [login, path, name] of shots) {
        await journey(h, `shots-${name}`, async (page) => {
          await signIn(page, login);
          for (const lang of ['en', 'ru'] as const) {
            if (lang === 'ru') {
              await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Русский' }).click();
              await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ru');
            }
            await page.goto(path);
            await page.locator('h1').waitFor();
            await page
              .locator('[role="status"].loading')
              .first()
              .waitFor({ state: 'detached' })
              .catch(() => undefined);
            await page.waitForTimeout(500);
            await screenshot(page, `membership-${name}-${lang}`);
          }
          await page.getByRole('group', { name: 'Язык' }).getByRole('button', { name: 'English' }).click();
          await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
        });
      }
    }, 300_000);
  });
}

/** A committee's officer (issue 11, point 12): tree and statistics at their district, a membership review opened. */
export function committeeJourneys(harness: () => Harness): void {
  describe('a committee at work', () => {
    it('a district secretary’s tree and statistics open at the district; a review is opened from the worklists', async () => {
      const h = harness();
      await journey(h, 'district-home', async (page) => {
        await signIn(page, LOGINS.district);
        // the tree opens at the secretary's own district, focused
        const focused = page.locator('[role="treeitem"]:focus');
        await expect.poll(async () => ((await focused.count()) ? await focused.textContent() : '')).toMatch(/Kirov/);
        await openNav(page, 'Statistics');
        await page.waitForURL(/\/stats/);
        await expect.poll(() => page.locator('.results-count').textContent()).toMatch(/Kirov/);
        expect(await page.locator('.results-count').textContent()).not.toContain('(the whole organisation)');
        // the whole organisation stays one link away
        await page.getByTestId('stats-whole').click();
        await expect.poll(() => page.locator('.results-count').textContent()).toContain('(the whole organisation)');
      });
      await journey(h, 'district-opens-review', async (page) => {
        await signIn(page, LOGINS.district);
        await openWorklists(page, /Kirov|Narv/);
        const reviews = page.getByTestId('committee-reviews');
        await reviews.getByRole('button', { name: 'Open a membership review' }).click();
        const form = reviews.getByTestId('open-review-form');
        await form.getByLabel(/^Title/).fill('Verification of party documents, Narva gate');
        await form.getByLabel('Deadline').fill(day(60));
        await submitAndWait(form, 'Open the review');
        expect(await form.locator('.act-done').textContent()).toMatch(
          /^The review is open: [\d,]+ members and candidates/,
        );
        const opened = reviews.getByTestId('committee-review').filter({ hasText: 'Narva gate' });
        await opened.waitFor();
        await opened.getByRole('button', { name: 'Progress by organisation' }).click();
        await opened.locator('table caption').waitFor();
        expect(await opened.locator('tbody tr').count()).toBeGreaterThan(1);
        await reviews.screenshot({ path: 'test-results/committee-review-opened.png' }).catch(() => undefined);
      });
    }, 300_000);
  });
}
