// Plurals by the language's rules: a sentence that counts something ("5 notes", "833 кандидата") has a form for
// each plural category of the language (English one/other; Russian one/few/many/other, Intl.PluralRules), and
// the web app passes `count` when it asks for it. Keys whose number agrees with no noun (ordinals, numbers after
// a colon, bounds, percentages) are listed below, each with the reason.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { ru } from '../../src/web/i18n/ru.js';
import type { TranslationKey } from '../../src/web/i18n/keys.js';

const root = path.resolve(import.meta.dirname, '../..');

function flat(o: object, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else if (v && typeof v === 'object') flat(v as object, `${prefix}${k}.`, out);
  }
  return out;
}

const EN = flat(en);
const RU = flat(ru);
const CATEGORIES = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] } as const;
const SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Placeholders that hold words, names, dates, times or codes, never a count. Any other placeholder is a number. */
const TEXT_PLACEHOLDERS = new Set([
  'name',
  'title',
  'holder',
  'date',
  'time',
  'from', // dates of a term or stage (the pager's numbers are exempt below)
  'to',
  'on',
  'notBefore',
  'endsOn',
  'latestEffectiveFrom',
  'deadline',
  'q',
  'login',
  'zone',
  'code',
  'kind',
  'voice',
  'by',
  'choice',
  'hash',
  'role',
  'state',
  'band',
  'currency',
  'cardNumber',
  'guestsText', // a pluralised phrase (meetings.guestsN)
  'roundsText', // ballots.roundsN
  'validText', // ballots.validBallotsN
]);

/** Keys with a number that agrees with no noun in either language, and why. */
const NO_AGREEMENT: Record<string, string> = {
  'errorCodeWith.dues_amount_mismatch': 'an amount of money',
  'password.codeHint': 'a date and time, not a count',
  'forms.fieldAtLeast': 'a bound ("Enter 1 or more"), no noun',
  'forms.fieldAtMost': 'a bound ("Enter 40 or less"), no noun',
  'errorCodeWith.body_has_members': 'a count in parentheses',
  'errorCodeWith.body_has_children': 'a count in parentheses',
  'body.statuteMinimum': 'after a colon',
  'body.showAll': 'no noun ("Show all 12", "Показать все (12)")',
  'body.saturationValue': 'a percentage and "x of y"',
  'pager.range': 'numbers of rows, "1–50 of 833"',
  'pager.page': 'a page number',
  'person.cardShort': 'a card number',
  'stats.bandLabel': 'bounds of a band',
  'stats.bandOpen': 'a bound',
  'stats.bandBelow': 'a bound',
  'forms.voteSummary': 'tallies named by their choice ("за 5")',
  'dues.quoteResult': 'a percentage and an amount',
  'meetings.entitledCount': 'after a colon in Russian, no noun in English',
  'meetings.itemTitle': 'an ordinal',
  'meetings.itemReporter': 'an ordinal',
  'meetings.removeItem': 'an ordinal',
  'meetings.takeUp': 'an ordinal',
  'meetings.quorumRequired': 'after "Quorum"',
  'meetings.extend': 'an abbreviated unit ("+5 min")',
  'meetings.notesAnsweredCount': 'after a colon in Russian, no noun in English',
  'meetings.protocolVersion': 'an ordinal',
  'meetings.inQueueAt': 'an ordinal',
  'meetings.waitingCount': 'after a colon in Russian, no noun in English',
  'meetings.quorumOthers': 'no noun ("2 consultative"); guests are pluralised apart (meetings.guestsN)',
  'ballots.electedTitle': '"n of seats" in parentheses',
  'ballots.validInvalid': 'after colons',
  'ballots.countsLine': 'tallies after their choice',
  'ballots.voidTurnout': 'a percentage',
  'ballots.needed': 'no noun ("3 needed", "нужно 3")',
  'ballots.castLine': 'after colons and "of"',
  'ballots.transcriptSummary': 'a quota after "quota"; rounds and ballots are pluralised apart',
  'ballots.supporters': 'after a colon',
  'ballots.supportNeeded': 'no noun',
  'ballots.motionN': 'an ordinal',
  'ballots.amendmentN': 'an ordinal',
  'direction.targetN': 'an ordinal',
  'directionDefs.ruleN': 'an ordinal',
  'direction.savedVersion': 'a version number',
  'direction.acksTitle': 'after a colon, "n of total"',
  'direction.between': 'bounds of a value',
  'direction.atLeast': 'a bound',
  'direction.atMost': 'a bound',
  'direction.targetRule.per_addressee.at_least': 'a target value, "at least 2 per addressed body"',
  'direction.targetRule.per_addressee.at_most': 'a target value',
  'direction.targetRule.per_member.at_least': 'a target value',
  'direction.targetRule.per_member.at_most': 'a target value',
};

function numberPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)]
    .map((m) => m[1]!)
    .filter((p) => !TEXT_PLACEHOLDERS.has(p));
}

/** Base keys (without plural suffix) whose text, in either language, names a number. */
function countingKeys(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const table of [EN, RU]) {
    for (const [key, text] of Object.entries(table)) {
      const names = numberPlaceholders(text);
      if (names.length) out.set(key.replace(SUFFIX, ''), names);
    }
  }
  return out;
}

function webSources(dir = path.join(root, 'src/web'), out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'i18n') webSources(p, out);
    } else if (/\.tsx?$/.test(p)) out.push(p);
  }
  return out;
}

describe('plurals in the translations', () => {
  it('every key whose text contains a number has the plural forms of each language (or is listed as agreeing with no noun)', () => {
    const keys = countingKeys();
    expect(keys.size).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const [base, names] of keys) {
      if (base in NO_AGREEMENT) {
        if (EN[base] === undefined) problems.push(`${base}: listed in NO_AGREEMENT but is a plural; remove it`);
        continue;
      }
      for (const [lang, table] of [
        ['en', EN],
        ['ru', RU],
      ] as const) {
        if (table[base] !== undefined)
          problems.push(`${lang} ${base} (${names.join(', ')}): a number without plural forms`);
        for (const c of CATEGORIES[lang])
          if (table[`${base}_${c}`] === undefined) problems.push(`${lang} ${base}_${c}: missing`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
    for (const key of Object.keys(NO_AGREEMENT)) expect(keys.has(key), `${key} names no number any more`).toBe(true);
  });

  it('every plural in English has exactly the English categories and the same key in Russian has all four', () => {
    const bases = new Set(
      Object.keys(EN)
        .filter((k) => SUFFIX.test(k))
        .map((k) => k.replace(SUFFIX, '')),
    );
    expect(bases.size).toBeGreaterThan(30);
    for (const base of bases) {
      expect(
        Object.keys(EN)
          .filter((k) => k.replace(SUFFIX, '') === base && SUFFIX.test(k))
          .sort(),
        base,
      ).toEqual(CATEGORIES.en.map((c) => `${base}_${c}`).sort());
      for (const c of CATEGORIES.ru) expect(RU[`${base}_${c}`], `ru ${base}_${c}`).toBeTypeOf('string');
    }
  });

  it('the web app passes count wherever it asks for a plural, and asks only for keys that exist', () => {
    const bases = new Set(
      Object.keys(EN)
        .filter((k) => SUFFIX.test(k))
        .map((k) => k.replace(SUFFIX, '')),
    );
    const problems: string[] = [];
    for (const file of webSources()) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)) {
        const key = m[1]!;
        const where = `${path.relative(root, file)}: ${key}`;
        if (bases.has(key)) {
          // The options object of this call: up to the closing parenthesis of t(…).
          let depth = 0;
          let end = m.index;
          for (let i = m.index + 1; i < src.length; i++) {
            if (src[i] === '(') depth++;
            else if (src[i] === ')' && --depth === 0) {
              end = i;
              break;
            }
          }
          if (!/\bcount\s*[:,}]/.test(src.slice(m.index, end)))
            problems.push(`${where}: a plural asked for without count`);
        } else if (EN[key] === undefined && !Object.keys(EN).some((k) => k.startsWith(`${key}.`))) {
          problems.push(`${where}: no such key`);
        }
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('plurals rendered', () => {
  async function translator(lng: 'en' | 'ru') {
    const i = i18next.createInstance();
    await i.init({
      resources: { en: { translation: en }, ru: { translation: ru } },
      lng,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
    return i.t.bind(i);
  }
  // One set of options for every key (i18next types each key's interpolation values; the expected texts below
  // show each sentence got the values it names), hence the widened signature.
  const say = (t: Awaited<ReturnType<typeof translator>>, key: TranslationKey, count: number, more: object = {}) =>
    (t as (k: TranslationKey, o: object) => string)(key, { count, n: String(count), ...more });

  it('Russian chooses one, few and many by the number’s ending', async () => {
    const t = await translator('ru');
    const notes = [1, 2, 5, 21, 833].map((n) => say(t, 'meetings.notesCounter', n, { answered: '0' }));
    expect(notes).toEqual([
      '1 записка, отвечено: 0',
      '2 записки, отвечено: 0',
      '5 записок, отвечено: 0',
      '21 записка, отвечено: 0',
      '833 записки, отвечено: 0',
    ]);
    expect([1, 2, 5, 21, 833].map((n) => say(t, 'body.sizeCandidates', n))).toEqual([
      '1 кандидат',
      '2 кандидата',
      '5 кандидатов',
      '21 кандидат',
      '833 кандидата',
    ]);
    expect([1, 2, 5, 11, 21].map((n) => say(t, 'body.sizeMembers', n))).toEqual([
      '1 член',
      '2 члена',
      '5 членов',
      '11 членов',
      '21 член',
    ]);
    expect([1, 3, 1814].map((n) => say(t, 'stats.summary', n))).toEqual([
      '1 первичная организация',
      '3 первичные организации',
      '1814 первичных организаций',
    ]);
    expect(say(t, 'ballots.pluralityHelp', 1)).toBe('Отметьте не более 1 кандидата.');
    expect(say(t, 'ballots.pluralityHelp', 3)).toBe('Отметьте не более 3 кандидатов.');
    expect(say(t, 'meetings.guestsN', 2)).toBe('2 гостя');
  });

  it('English says one note and 833 candidates', async () => {
    const t = await translator('en');
    expect([1, 2, 5, 21, 833].map((n) => say(t, 'meetings.notesCounter', n, { answered: '0' }))).toEqual([
      '1 note, 0 answered',
      '2 notes, 0 answered',
      '5 notes, 0 answered',
      '21 notes, 0 answered',
      '833 notes, 0 answered',
    ]);
    expect(say(t, 'body.sizeCandidates', 1)).toBe('1 candidate');
    expect(say(t, 'body.sizeCandidates', 833)).toBe('833 candidates');
    expect(say(t, 'stats.summary', 1)).toBe('1 primary organisation');
    expect(say(t, 'stats.barLabel', 1, { band: '3–14' })).toBe('3–14: 1 primary organisation');
    expect(say(t, 'ballots.seated', 1, { total: '1' })).toBe('Seated: 1 of 1 mandate.');
  });
});
