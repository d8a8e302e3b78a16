// Error codes of sign-in and accounts.
import { defineErrors } from '../../platform/errors.js';

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
  password_too_short: { kind: 'invalid', message: 'The password is too short: use at least 8 characters.' },
  person_not_found: { kind: 'not_found', message: 'There is no such person.' },
  person_has_account: { kind: 'conflict', message: 'This person already has an account.' },
});
