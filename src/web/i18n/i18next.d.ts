// Typed translation keys: `t('…')` accepts only keys of en.ts (a plural key by its base name, with `count`),
// so a typo fails `npm run typecheck`. test/unit/i18n-keys.typetest.ts proves it.
import type { en } from './en.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
