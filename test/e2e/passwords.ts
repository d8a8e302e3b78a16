// Passwords (issue 11, point 6): the Red Putilovite secretary issues a one-time reset code on a veteran's page, the
// veteran sets a new password with it from the sign-in page and is signed in, then changes it back on the "Change
// password" page reached from the header (so the demo password holds again for the other journeys).
import { describe, expect, it } from 'vitest';
import { LOGINS, PASSWORD, journey, openFromHeader, signIn, type Harness } from './harness.js';

const WHO = 'veteran.2';
const TEMPORARY = 'a new password for the veteran';

export function passwordJourneys(harness: () => Harness) {
  describe('passwords', () => {
    it('reset code journey: a manager issues a code once, the person sets a new password with it, then changes it', async () => {
      const h = harness();
      let personId = '';
      await journey(h, 'password-who', async (page) => {
        await signIn(page, WHO);
        personId = await page.evaluate(
          async () => ((await (await fetch('/api/auth/me')).json()) as { personId: string }).personId,
        );
      });
      let code = '';
      await journey(h, 'password-reset-issue', async (page) => {
        await signIn(page, LOGINS.putilov);
        await page.goto(`/persons/${personId}`);
        const panel = page.getByTestId('reset-password');
        await panel.getByRole('button', { name: 'Reset password' }).click();
        const value = panel.getByTestId('reset-code-value');
        await value.waitFor();
        code = (await value.textContent())?.trim() ?? '';
        expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}$/);
        await expect.poll(async () => (await panel.textContent()) ?? '').toMatch(/shown only once/);
        await expect.poll(async () => (await panel.textContent()) ?? '').toContain(WHO);
        await panel.getByRole('button', { name: 'Done, hide the code' }).click();
        expect(await panel.getByTestId('reset-code-value').count()).toBe(0);
        expect((await panel.textContent()) ?? '').not.toContain(code);
      });
      await journey(h, 'password-reset-redeem', async (page) => {
        await page.goto('/signin');
        await page.getByRole('button', { name: 'I have a reset code' }).click();
        const form = page.getByTestId('reset-code-form');
        await form.getByLabel('Login').fill(WHO);
        await form.getByLabel('Reset code').fill('WRONG-WRONG-WRONG');
        await form.getByLabel('New password', { exact: true }).fill(TEMPORARY);
        await form.getByLabel('New password again').fill(TEMPORARY);
        await form.getByRole('button', { name: 'Set the new password and sign in' }).click();
        await expect
          .poll(async () => (await page.locator('#reset-error').textContent())?.trim() ?? '')
          .toMatch(/reset code is wrong/);
        await form.getByLabel('Reset code').fill(code.toLowerCase());
        await form.getByRole('button', { name: 'Set the new password and sign in' }).click();
        await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
        await page.locator('.site-header .user-name').waitFor({ state: 'attached' });

        await openFromHeader(page, 'Change password');
        await page.waitForURL(/\/account\/password$/);
        const change = page.getByTestId('change-password');
        await change.getByLabel('Current password').fill(TEMPORARY);
        await change.getByLabel('New password', { exact: true }).fill('password123');
        await change.getByLabel('New password again').fill('password123');
        await change.getByRole('button', { name: 'Change password' }).click();
        await expect
          .poll(async () => (await change.getByTestId('form-error').textContent()) ?? '')
          .toMatch(/most common/);
        await change.getByLabel('Current password').fill(TEMPORARY);
        await change.getByLabel('New password', { exact: true }).fill(PASSWORD);
        await change.getByLabel('New password again').fill(PASSWORD);
        await change.getByRole('button', { name: 'Change password' }).click();
        await change.getByTestId('password-changed').waitFor();
      });
      await journey(h, 'password-restored', async (page) => {
        await signIn(page, WHO, PASSWORD);
      });
    }, 180_000);
  });
}
