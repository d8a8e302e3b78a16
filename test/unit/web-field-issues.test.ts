// A contract form's field messages (src/web/ui/field-issues.ts): each zod issue said by its kind in the reader's
// language, never zod's own English text nor a contract's; checked against real issues of real contracts.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessage, translateErrors } from '../../src/web/ui/field-issues.js';
import { contractResolver } from '../../src/web/ui/forms.js';
import { checkNewPassword, repeatField } from '../../src/web/modules/auth/new-password.js';
import { ChangePasswordInput } from '../../src/contracts/auth.js';
import { OpenCaseInput } from '../../src/contracts/discipline.js';
import { RecordPaymentInput } from '../../src/contracts/dues.js';
import { SubmitResignationInput } from '../../src/contracts/resignation.js';
import { en } from '../../src/web/i18n/en.js';
import { ru } from '../../src/web/i18n/ru.js';

// A stand-in for i18next's t over a language's dictionary: the plural key by count (one / other, Russian few / many).
function tOf(dict: Record<string, unknown>, lang: 'en' | 'ru') {
  const rules = new Intl.PluralRules(lang);
  return (key: string, options?: { count?: number }): string => {
    const [ns, k] = key.split('.') as [string, string];
    const table = dict[ns] as Record<string, string>;
    const count = options?.count;
    const text = (count !== undefined && table[`${k}_${rules.select(count)}`]) || table[k];
    if (text === undefined) throw new Error(`no message for ${key}`);
    return count === undefined ? text : text.replace('{{count}}', String(count));
  };
}
const tEn = tOf(en as unknown as Record<string, unknown>, 'en');
const tRu = tOf(ru as unknown as Record<string, unknown>, 'ru');

const issuesOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) throw new Error('expected issues');
  return r.error.issues;
};

describe('a zod issue as a field message in the reader’s language', () => {
  it('missing, too short, too long, not a number, out of range, not a date, not an option', () => {
    const schema = z.object({
      name: z.string().min(1),
      code: z.string().min(4).max(6),
      seats: z.number().int().min(1).max(9),
      on: z.iso.date(),
      kind: z.enum(['a', 'b']),
    });
    const say = (input: object, t = tEn) =>
      Object.fromEntries(issuesOf(schema, input).map((i) => [i.path.join('.'), issueMessage(i as never, t as never)]));
    const ok = { name: 'x', code: 'abcd', seats: 3, on: '2031-01-02', kind: 'a' };
    expect(say({ ...ok, name: '' })).toEqual({ name: 'Fill this in.' });
    expect(say({ ...ok, name: undefined })).toEqual({ name: 'Fill this in.' });
    expect(say({ ...ok, code: 'ab' })).toEqual({ code: 'Enter at least 4 characters.' });
    expect(say({ ...ok, code: 'abcdefgh' })).toEqual({ code: 'Enter at most 6 characters.' });
    expect(say({ ...ok, seats: Number.NaN })).toEqual({ seats: 'Enter a number.' });
    expect(say({ ...ok, seats: 1.5 })).toEqual({ seats: 'Enter a whole number.' });
    expect(say({ ...ok, seats: 0 })).toEqual({ seats: 'Enter 1 or more.' });
    expect(say({ ...ok, seats: 10 })).toEqual({ seats: 'Enter 9 or less.' });
    expect(say({ ...ok, on: '2031-13-45' })).toEqual({ on: 'Enter a date.' });
    expect(say({ ...ok, kind: 'c' })).toEqual({ kind: 'Choose one of the options.' });
    expect(say({ ...ok, code: 'ab' }, tRu)).toEqual({ code: 'Введите не меньше 4 знаков.' });
    expect(say({ ...ok, name: '' }, tRu)).toEqual({ name: 'Заполните это поле.' });
  });

  it('a contract’s own English text (a refine, a regex) is never shown: its kind is said instead', () => {
    const values = { reasons: '   ', submittedOn: '2031-01-02' };
    const issues = issuesOf(SubmitResignationInput, values);
    expect(issues[0]!.message).toBe('must not be blank');
    // react-hook-form's errors as the zod resolver leaves them: the issue's code and zod's message
    const errors = { reasons: { type: issues[0]!.code, message: issues[0]!.message } };
    translateErrors(errors, new Map(), tRu as never, values);
    expect(errors.reasons.message).toBe('Заполните это поле.');

    const pay = {
      personId: '00000000-0000-4000-8000-000000000000',
      month: '2031-01',
      earnings: '12,5',
      amount: '1',
      paidOn: '2031-01-02',
    };
    const moneyIssue = issuesOf(RecordPaymentInput, pay)[0]!;
    const errs: Record<string, { type: string; message: string }> = {
      earnings: { type: moneyIssue.code, message: moneyIssue.message },
    };
    translateErrors(errs, new Map(), tEn as never, pay);
    expect(errs.earnings!.message).toBe('Check this field.');
  });

  it('nested fields keep the message said for their path', () => {
    const errors = { votes: { for: { type: 'invalid_type', message: 'Invalid input: expected number' } } };
    translateErrors(errors, new Map([['votes.for', 'Enter a number.']]), tEn as never, { votes: { for: Number.NaN } });
    expect(errors.votes.for.message).toBe('Enter a number.');
  });

  it('a web form’s own check beside a contract (the new password typed twice) says its own message', async () => {
    const schema = ChangePasswordInput.extend(repeatField).superRefine(checkNewPassword);
    const say = (input: object, t = tEn) =>
      Object.fromEntries(issuesOf(schema, input).map((i) => [i.path.join('.'), issueMessage(i as never, t as never)]));
    const ok = { currentPassword: 'old one', newPassword: 'long enough', repeat: 'long enough' };
    expect(schema.safeParse(ok).success).toBe(true);
    expect(say({ ...ok, repeat: 'long enougH' })).toEqual({
      repeat: 'The two new passwords differ. Type the same password twice.',
    });
    expect(say({ ...ok, repeat: '' })).toEqual({ repeat: 'Fill this in.' });
    expect(say({ ...ok, newPassword: 'short', repeat: 'short' })).toEqual({
      newPassword: 'The new password is too short: use at least 8 characters.',
    });
    expect(say({ ...ok, newPassword: 'short', repeat: 'short' }, tRu)).toEqual({
      newPassword: 'Новый пароль слишком короткий: используйте не меньше 8 знаков.',
    });
    // through the form's resolver, as react-hook-form shows it under the field: kept, not "check this field"
    const resolve = contractResolver(schema, tRu as never);
    const res = await resolve({ ...ok, repeat: 'other' }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect((res.errors as Record<string, { message?: string }>).repeat?.message).toBe(
      'Два новых пароля не совпадают. Введите один и тот же пароль дважды.',
    );
  });

  it('a contract form’s field says the contract’s check: an empty charge is to be filled in', async () => {
    const resolve = contractResolver(OpenCaseInput, tRu as never);
    const values = { personId: '00000000-0000-4000-8000-000000000000', chargedOn: '2031-01-02', charge: '  ' };
    const res = await resolve(values, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(Object.keys(res.errors)).toEqual(['charge']);
    expect((res.errors as Record<string, { message?: string }>).charge?.message).toBe('Заполните это поле.');
  });
});
