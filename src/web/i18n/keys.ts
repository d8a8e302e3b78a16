// The translation keys as a type (see i18next.d.ts): for helpers that take `t` without React, so tests can
// pass a stand-in while the app passes i18next's own `t`, and a typo in a key still fails the typecheck.
import type { ParseKeys } from 'i18next';

/** Every key of en.ts; a plural key by its base name (`x` for `x_one` / `x_other`). */
export type TranslationKey = ParseKeys<'translation'>;

/** The part of i18next's `t` a plain helper needs. */
export type Translate = (key: TranslationKey, options?: { count?: number }) => string;
