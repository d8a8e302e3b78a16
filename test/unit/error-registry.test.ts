// Every error code has one kind (so one HTTP status) and one message in the whole server: each is declared once by a
// defineErrors, and a code several modules raise is declared once in src/platform/errors.ts (SharedErrors) and only
// listed by the modules (issue 12). The declarations are read from the registry defineErrors keeps, after loading
// every file of src/ that declares errors.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError, declaredErrors, errorDeclarationClashes, type ErrorDeclaration } from '../../src/platform/errors.js';

const root = path.resolve(import.meta.dirname, '../..');
const src = path.join(root, 'src');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (p !== path.join(src, 'web')) files(p, out);
    } else if (/\.tsx?$/.test(p)) out.push(p);
  }
  return out;
}

const sources = files(src).map((f) => ({ file: path.relative(root, f), text: readFileSync(f, 'utf8') }));

async function loadAllDeclarations(): Promise<readonly ErrorDeclaration[]> {
  for (const { file } of sources.filter((s) => /\bdefineErrors\(/.test(s.text)))
    await import(pathToFileURL(path.join(root, file)).href);
  return declaredErrors();
}

describe('error code registry', () => {
  it('every code is declared once, with one kind and one message, across src/', async () => {
    const decls = await loadAllDeclarations();
    expect(decls.length).toBeGreaterThan(250);
    expect(errorDeclarationClashes(decls)).toEqual([]);
  });

  it('the registry names the file that declares each code', async () => {
    const decls = await loadAllDeclarations();
    const where = (code: string) =>
      decls.filter((d) => d.code === code).map((d) => path.relative(root, d.where).split(path.sep).join('/'));
    expect(where('body_not_found')).toEqual(['src/platform/errors.ts']);
    expect(where('person_not_found')).toEqual(['src/platform/errors.ts']);
    expect(where('card_number_taken')).toEqual(['src/modules/person/person.errors.ts']);
  });

  it('the modules that list a shared code raise it with the shared kind and message', async () => {
    const { PersonErrors } = await import('../../src/modules/person/person.errors.js');
    const { OrgErrors } = await import('../../src/modules/organisation/organisation.errors.js');
    const { SharedErrors } = await import('../../src/platform/errors.js');
    for (const e of [PersonErrors.body_not_found(), OrgErrors.body_not_found(), SharedErrors.body_not_found()]) {
      expect(e).toBeInstanceOf(AppError);
      expect([e.code, e.kind, e.message]).toEqual([
        'body_not_found',
        'not_found',
        'There is no such body in your organisation.',
      ]);
    }
  });

  it('finds a code declared twice, with two kinds or two messages (in-memory fixture)', () => {
    const d = (code: string, kind: ErrorDeclaration['kind'], message: string, where: string): ErrorDeclaration => ({
      code,
      kind,
      message,
      where,
    });
    const clean = [d('a_not_found', 'not_found', 'No a.', 'a.ts'), d('b_taken', 'conflict', 'B is taken.', 'b.ts')];
    expect(errorDeclarationClashes(clean)).toEqual([]);
    expect(errorDeclarationClashes([...clean, d('a_not_found', 'not_found', 'No a.', 'c.ts')])).toEqual([
      'a_not_found: declared 2 times (a.ts, c.ts)',
    ]);
    expect(errorDeclarationClashes([...clean, d('b_taken', 'rule_violation', 'B is gone.', 'c.ts')])).toEqual([
      'b_taken: declared 2 times (b.ts, c.ts)',
      'b_taken: 2 kinds (conflict, rule_violation)',
      'b_taken: 2 messages (B is taken. | B is gone.)',
    ]);
    // the same file declaring a code twice (two defineErrors calls in it) is a duplicate as well
    expect(errorDeclarationClashes([...clean, d('b_taken', 'conflict', 'B is taken.', 'b.ts')])).toEqual([
      'b_taken: declared 2 times (b.ts)',
    ]);
  });

  it('no code of the server is made outside defineErrors (so the registry holds them all)', () => {
    const made = sources
      .filter((s) => s.file !== path.join('src', 'platform', 'errors.ts') && /\bnew AppError\(/.test(s.text))
      .map((s) => s.file);
    expect(made, 'declare these codes with defineErrors and throw its factories').toEqual([]);
  });
});
