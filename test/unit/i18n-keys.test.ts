// Translation keys are typed (src/web/i18n/i18next.d.ts): a key that is not in en.ts fails `npm run typecheck`.
// The `@ts-expect-error` lines below are the deliberately broken examples: if the keys stopped being typed, the
// directives would be unused and the typecheck would fail. At run time the same calls show what i18next does.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import type { Translate, TranslationKey } from '../../src/web/i18n/keys.js';
import { rankingOf } from '../../src/web/modules/ballot/BallotBox.js';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
});

describe('typed translation keys', () => {
  it('accepts a key of en.ts, and a plural key by its base name', () => {
    expect(i18n.t('app.signOut')).toBe('Sign out');
    expect(i18n.t('body.sizeMembers', { count: 2, n: '2' })).toBe('2 members');
  });

  it('refuses a key that is not in en.ts (a typo)', () => {
    // @ts-expect-error — 'app.signOutt' is a typo: not a key of en.ts
    expect(i18n.t('app.signOutt')).toBe('app.signOutt');
    // @ts-expect-error — a plural form's base name exists, its misspelling does not
    const bad: TranslationKey = 'body.sizeMember';
    expect(bad).toBe('body.sizeMember');
  });

  it('types the keys a plain helper is given', () => {
    const t: Translate = (key) => i18n.t(key);
    expect(rankingOf({ a: 'x' }, t)).toBe(en.ballots.rankNumbers);
    // @ts-expect-error — a helper's `t` takes only keys of en.ts
    expect(t('ballots.rankNumber')).toBe('ballots.rankNumber');
  });
});
