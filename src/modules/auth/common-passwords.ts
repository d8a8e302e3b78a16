// Loads the list of common passwords shipped with the app (common-passwords.txt, next to this file), once.
import { readFileSync } from 'node:fs';
import { parseCommonPasswords } from './rules/password-policy.js';

let list: ReadonlySet<string> | null = null;

export function commonPasswords(): ReadonlySet<string> {
  list ??= parseCommonPasswords(readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8'));
  return list;
}
