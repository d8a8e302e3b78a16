// The new password typed twice. A form that sends a contract's input with a new password (ChangePasswordInput,
// RedeemResetCodeInput) is checked by that contract's schema extended with the form's own field, the repetition:
// it must be filled in and match; and the new password is said too short under itself, before the server's policy
// refuses it, by the contract's own PASSWORD_MIN_LENGTH. Each message in the reader's language (saying).
import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../../../contracts/auth.js';
import { saying } from '../../ui/field-issues.js';

/** The field a form adds to a contract's input: the new password again. */
export const repeatField = { repeat: z.string().min(1) };

/** The form's checks of the new password and its repetition (a superRefine of the extended contract schema). */
export function checkNewPassword(v: { newPassword: string; repeat: string }, ctx: z.RefinementCtx): void {
  if (v.newPassword && [...v.newPassword].length < PASSWORD_MIN_LENGTH)
    ctx.addIssue({ code: 'custom', path: ['newPassword'], ...saying('password.tooShort', PASSWORD_MIN_LENGTH) });
  if (v.repeat && v.newPassword !== v.repeat)
    ctx.addIssue({ code: 'custom', path: ['repeat'], ...saying('password.mismatch') });
}
