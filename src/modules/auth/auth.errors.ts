// Error codes of sign-in and accounts.
import { defineErrors, sharedErrors } from '../../platform/errors.js';
import { PASSWORD_MIN_LENGTH } from '../../contracts/auth.js';

export const AuthErrors = defineErrors({
  invalid_credentials: {
    kind: 'unauthenticated',
    message: 'The login or the password is wrong. Check both and try again.',
  },
  too_many_attempts: {
    kind: 'rate_limited',
    message: 'Too many failed sign-in attempts. Wait a few minutes and try again.',
  },
  login_taken: { kind: 'conflict', message: 'This login is already used by another account. Choose another.' },
  password_too_short: {
    kind: 'invalid',
    message: `The password is too short: use at least ${PASSWORD_MIN_LENGTH} characters.`,
  },
  password_too_common: {
    kind: 'invalid',
    message: 'This password is one of the most common ones and easy to guess. Choose another.',
  },
  password_same_as_login: { kind: 'invalid', message: 'The password must not be the same as the login.' },
  current_password_wrong: { kind: 'invalid', message: 'The current password is wrong. Check it and try again.' },
  reset_code_invalid: {
    kind: 'invalid',
    message: 'The login or the reset code is wrong, or the code has expired or was already used. Ask for a new code.',
  },
  reset_own_account: {
    kind: 'forbidden',
    message: 'You cannot reset your own password this way: change it on the "Change password" page.',
  },
  person_has_no_account: { kind: 'not_found', message: 'This person has no account to reset.' },
  person_has_account: { kind: 'conflict', message: 'This person already has an account.' },
  ...sharedErrors('person_not_found'),
});
