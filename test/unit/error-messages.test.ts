// People never see raw codes: every error code the server can send has an English and a Russian sentence in
// the web app (errorCode in src/web/i18n/en.ts and ru.ts), and the table names no code that no longer exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors.js';
import { en } from '../../src/web/i18n/en.js';
import { ru } from '../../src/web/i18n/ru.js';
import { PLURAL_DETAIL, WEB_ERROR_CODES, errorText, placeholders } from '../../src/web/ui/error-text.js';

const root = path.resolve(import.meta.dirname, '../..');

function files(dir: string, test: (f: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) files(p, test, out);
    else if (test(p)) out.push(p);
  }
  return out;
}

/** Every code a `defineErrors({...})` of the server declares: the modules' *.errors.ts and src/platform. */
async function definedCodes(): Promise<Map<string, string>> {
  const sources = [
    ...files(
      path.join(root, 'src/modules'),
      (f) => f.endsWith('.ts') && readFileSync(f, 'utf8').includes('defineErrors('),
    ),
    ...files(
      path.join(root, 'src/platform'),
      (f) => f.endsWith('.ts') && readFileSync(f, 'utf8').includes('defineErrors('),
    ),
  ];
  const codes = new Map<string, string>();
  for (const file of sources) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (!value || typeof value !== 'object') continue;
      for (const factory of Object.values(value as Record<string, unknown>)) {
        if (typeof factory !== 'function') continue;
        let made: unknown;
        try {
          made = (factory as () => unknown)();
        } catch {
          continue;
        }
        if (made instanceof AppError) codes.set(made.code, path.relative(root, file));
      }
    }
  }
  return codes;
}

/** Codes the HTTP layer writes into error bodies itself (e.g. internal_error), outside defineErrors. */
function httpLayerCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const file of files(path.join(root, 'src/platform/http'), (f) => f.endsWith('.ts'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bcode:\s*'([a-z][a-z0-9_]*)'/g))
      codes.set(m[1]!, path.relative(root, file));
  }
  return codes;
}

/**
 * Codes announced by work landing alongside this table (issue 10): the 503 a request gets when the database
 * is too busy. Once its defineErrors lands it is found above as well; until then its sentence is ready.
 */
const ANNOUNCED = ['database_busy'];

function list(codes: string[], where?: Map<string, string>): string {
  return codes.map((c) => `  ${c}${where?.get(c) ? `  (${where.get(c)})` : ''}`).join('\n');
}

describe('error messages for people', () => {
  it('every error code the server defines has an English and a Russian message, and the table has no stale codes', async () => {
    const defined = new Map([...(await definedCodes()), ...httpLayerCodes()]);
    expect(defined.size).toBeGreaterThan(250);
    const missingEn = [...defined.keys()].filter((c) => !(c in en.errorCode)).sort();
    const missingRu = [...defined.keys()].filter((c) => !(c in ru.errorCode)).sort();
    expect(
      missingEn,
      `These error codes have no English message in errorCode of src/web/i18n/en.ts:\n${list(missingEn, defined)}\n`,
    ).toEqual([]);
    expect(
      missingRu,
      `These error codes have no Russian message in errorCode of src/web/i18n/ru.ts:\n${list(missingRu, defined)}\n`,
    ).toEqual([]);
    const known = new Set<string>([...defined.keys(), ...WEB_ERROR_CODES, ...ANNOUNCED]);
    const stale = Object.keys(en.errorCode)
      .filter((c) => !known.has(c))
      .sort();
    expect(stale, `errorCode names codes the server no longer defines (remove them):\n${list(stale)}\n`).toEqual([]);
  });

  it('the codes the web app gives its own errors are still used by it', () => {
    const web = files(path.join(root, 'src/web'), (f) => /\.tsx?$/.test(f) && !f.includes(`${path.sep}i18n${path.sep}`))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = WEB_ERROR_CODES.filter((c) => !web.includes(`'${c}'`) || !web.includes('new ApiError'));
    expect(unused, `WEB_ERROR_CODES names codes the web app no longer uses:\n${list(unused)}`).toEqual([]);
  });

  it('every message is a sentence, not a code, and English and Russian differ', () => {
    for (const [code, text] of Object.entries(en.errorCode)) {
      const rus = (ru.errorCode as Record<string, string>)[code]!;
      for (const t of [text, rus]) {
        expect(t.length, code).toBeGreaterThan(10);
        expect(t, code).not.toContain(code);
        expect(t, code).not.toMatch(/\{\{|details\.|\/api\//);
        expect(t, code).toMatch(/[.!)]$/);
      }
      expect(rus, code).toMatch(/[а-яё]/i);
      expect(rus, code).not.toBe(text);
    }
  });

  it('the sentences that name details name the same details in English and Russian, for known codes', () => {
    const withoutRuPlurals = (keys: string[]) => keys.filter((k) => !/_(few|many)$/.test(k)).sort();
    expect(withoutRuPlurals(Object.keys(ru.errorCodeWith))).toEqual(Object.keys(en.errorCodeWith).sort());
    for (const [key, text] of Object.entries(en.errorCodeWith)) {
      const code = key.replace(/_(one|other)$/, '');
      const plural = code !== key;
      expect(code in en.errorCode, key).toBe(true);
      expect(plural, `${key}: plural forms need PLURAL_DETAIL`).toBe(code in PLURAL_DETAIL);
      if (plural) expect(placeholders(text), key).toContain(PLURAL_DETAIL[code]);
      const names = placeholders(text).sort();
      expect(names.length, code).toBeGreaterThan(0);
      expect(placeholders((ru.errorCodeWith as Record<string, string>)[key]!).sort(), key).toEqual(names);
    }
  });
});

describe('errorText', () => {
  const err = (code: string, status: number, message = '', details?: unknown) => ({ code, status, message, details });

  it('shows the sentence for the code in the language asked, never the code or raw details', () => {
    const e = err('hall_code_wrong', 422, 'The hall code is not right.', { hall: 'AB12' });
    expect(errorText(e, ru, 'ru')).toBe(ru.errorCode.hall_code_wrong);
    expect(errorText(e, en, 'en')).toBe(en.errorCode.hall_code_wrong);
    for (const t of [errorText(e, ru, 'ru'), errorText(e, en, 'en')]) {
      expect(t).not.toContain('hall_code_wrong');
      expect(t).not.toContain('AB12');
    }
  });

  it('puts details into the sentence where it names them, and only when they were all sent', () => {
    expect(errorText(err('note_limit_reached', 422, '', { limit: 5 }), en, 'en')).toBe(
      'You may send at most 5 unsigned question notes in this meeting, and you have sent them all. Signed notes are counted apart.',
    );
    expect(errorText(err('note_limit_reached', 422, '', { limit: 5 }), ru, 'ru')).toContain(
      'не больше 5 анонимных записок',
    );
    expect(errorText(err('note_limit_reached', 422, ''), en, 'en')).toBe(en.errorCode.note_limit_reached);
    expect(errorText(err('note_limit_reached', 422, '', { limit: { x: 1 } }), en, 'en')).toBe(
      en.errorCode.note_limit_reached,
    );
    expect(errorText(err('validation_failed', 400, 'x', [{ path: 'title', message: 'Required' }]), ru, 'ru')).toBe(
      ru.errorCode.validation_failed,
    );
  });

  it('an unknown code gets a human sentence in the language; in English the server’s message follows', () => {
    const e = err('some_future_code', 409, 'The widget is frobbed.');
    expect(errorText(e, ru, 'ru')).toBe(ru.errors.refused);
    expect(errorText(e, en, 'en')).toBe(`${en.errors.refused} The widget is frobbed.`);
    expect(errorText(err('http_502', 502), ru, 'ru')).toBe(ru.errors.server);
    expect(errorText(err('http_404', 404), ru, 'ru')).toBe(ru.errors.notFound);
    expect(errorText(err('network_error', 0), ru, 'ru')).toBe(ru.errorCode.network_error);
  });

  it('chooses the plural form of a counting sentence by the language’s rules', () => {
    const notes = (limit: number, lang: 'en' | 'ru') =>
      errorText(err('note_limit_reached', 422, '', { limit }), lang === 'en' ? en : ru, lang);
    expect(notes(1, 'en')).toContain('at most 1 unsigned question note in');
    expect(notes(5, 'en')).toContain('at most 5 unsigned question notes in');
    expect(notes(1, 'ru')).toContain('не больше 1 анонимной записки,');
    expect(notes(3, 'ru')).toContain('не больше 3 анонимных записок,');
    expect(notes(21, 'ru')).toContain('не больше 21 анонимной записки,');
    const days = (noticeDays: number) => errorText(err('meeting_notice_too_short', 422, '', { noticeDays }), ru, 'ru');
    expect(days(1)).toContain('за 1 день.');
    expect(days(3)).toContain('за 3 дня.');
    expect(days(10)).toContain('за 10 дней.');
    const quota = errorText(err('mandate_over_quota', 422, '', { allowed: 833, confirmed: 833 }), ru, 'ru');
    expect(quota).toContain('833 делегата');
    // No counting detail sent: the plain sentence, never a template.
    expect(errorText(err('note_limit_reached', 422, ''), ru, 'ru')).toBe(ru.errorCode.note_limit_reached);
  });

  it('shows dates and instants in the details as dates in the reader’s language, never ISO strings', () => {
    const ended = err('office_already_ended', 409, '', { endsOn: '2025-03-01' });
    expect(errorText(ended, en, 'en')).toBe('This office already ended on 1 Mar 2025.');
    expect(errorText(ended, ru, 'ru')).toBe('Срок этой должности уже окончен (1 мар. 2025 г.).');
    const order = err('date_out_of_order', 422, '', { on: '2024-12-31', notBefore: '2025-01-02' });
    for (const [texts, lang] of [
      [en, 'en'],
      [ru, 'ru'],
    ] as const) {
      const text = errorText(order, texts, lang);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text).toContain('2025');
    }
    const instant = err('candidate_stage_not_ended', 422, '', { endsOn: '2025-03-01T21:30:00Z' });
    expect(errorText(instant, en, 'en', 'Europe/Moscow')).toBe(
      'The candidate stage ends on 2 Mar 2025, 00:30; wait until then.',
    );
  });

  it('a message the web app wrote itself (already translated) is shown as it is', () => {
    expect(errorText(err('no_tokens', 0, 'Нет разрешений.'), ru, 'ru')).toBe('Нет разрешений.');
  });
});
