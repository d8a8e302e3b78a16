// `antaeus count <ballots.blt> --method …` as a child process: counts a BLT file with the app's counting code.
// The command reads no database, so this file runs once (not per database kind).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/processes.js';
import type { CountResult } from '../../src/contracts/count.js';

// valid 15, 2 seats; Scottish quota 6: Ann 8 elected, surplus 2 at 0.25, Bob then Dan excluded, Cat elected
const BLT = `4 2
6 1 2 0
2 1 3 0
1 2 0
3 3 4 0
2 4 0
1 4 3 0
0
"Ann"
"Bob"
"Cat"
"Dan"
"Bureau of the district committee"
`;

describe('antaeus count', () => {
  let dir: string;
  let file: string;
  const env = () => ({ ANTAEUS_DATA: path.join(dir, 'unused-data') });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'antaeus-count-'));
    file = path.join(dir, 'ballots.blt');
    await writeFile(file, BLT);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('scottish-stv: prints the elected candidates and the stage-by-stage transcript', async () => {
    const r = await runCli(['count', file, '--method', 'scottish-stv'], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Bureau of the district committee');
    expect(r.stdout).toContain('Elected: Ann, Cat');
    expect(r.stdout).toMatch(/^Ann\s+8\.00000\s+6\.00000\s+6\.00000\s+6\.00000$/m);
    expect(r.stdout).toMatch(/^Quota\s+6\.00000/m);
    expect(r.stdout).toContain('Stage 2: Surplus of Ann (2.00000) transferred at transfer value 0.25000');
    expect(r.stdout).toContain('Stage 3: Bob excluded');
  }, 60_000);

  it('--json prints the CountResult the app computes, for every method', async () => {
    // plurality (block vote: every ballot marks ≤ 2) and approval: Ann 6 + 2 = 8, Bob 6 + 1 = 7,
    // Cat 2 + 3 + 1 = 6, Dan 3 + 2 + 1 = 6 → Ann, Bob. STV (see above) and Meek: Ann, Cat.
    const expected: Record<string, string[]> = {
      'scottish-stv': ['1', '3'],
      meek: ['1', '3'],
      plurality: ['1', '2'],
      approval: ['1', '2'],
    };
    for (const method of ['scottish-stv', 'meek', 'plurality', 'approval']) {
      const r = await runCli(['count', file, '--method', method, '--json'], env());
      expect(r.code, r.stderr).toBe(0);
      const result = JSON.parse(r.stdout) as CountResult;
      expect(result.method).toBe(method.replace('-', '_'));
      expect(result.valid).toBe(15);
      expect(result.elected).toEqual(expected[method]);
      expect(result.rounds.length).toBeGreaterThan(0);
      if (method === 'meek') expect(result.rounds[1]!.keep!['1']).toBe('0.625000001');
    }
  }, 120_000);

  it('--seats overrides the file', async () => {
    const r = await runCli(['count', file, '--method', 'plurality', '--seats', '1', '--json'], env());
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as CountResult;
    // one seat: the ballots marking two candidates are now invalid: Ann 0, Bob 1, Cat 0, Dan 2 → Dan
    expect(result.seats).toBe(1);
    expect(result.elected).toEqual(['4']);
    expect(result.invalid).toBe(12);
  }, 60_000);

  it('a malformed file: `file:LINE: message` and exit code 2, nothing counted', async () => {
    const bad = path.join(dir, 'bad.blt');
    await writeFile(bad, '3 1\n1 1 2 0\n2 1 7 0\n0\n"A"\n"B"\n"C"\n"T"\n');
    const r = await runCli(['count', bad, '--method', 'meek'], env());
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${bad}:3: candidate number 7 is not between 1 and 3.`);
    expect(r.stdout).toBe('');
    // a negative weight on the first ballot line used to be read as a withdrawal, and the count went on
    const negative = path.join(dir, 'negative.blt');
    await writeFile(negative, '3 1\n-2 1 3 0\n1 2 0\n1 3 0\n0\n"A"\n"B"\n"C"\n"T"\n');
    const n = await runCli(['count', negative, '--method', 'scottish-stv'], env());
    expect(n.code).toBe(2);
    expect(n.stderr).toContain(`${negative}:2: a ballot weight cannot be negative (-2)`);
    expect(n.stdout).toBe('');
    // tokens after a ballot's closing 0 used to become phantom ballots
    const phantom = path.join(dir, 'phantom.blt');
    await writeFile(phantom, '3 1\n1 1 0\n1 2 0 5 3 0\n0\n"A"\n"B"\n"C"\n"T"\n');
    const p = await runCli(['count', phantom, '--method', 'plurality'], env());
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(`${phantom}:3: '5 3 0' after the 0 that ends the ballot`);
    // well-formed BLT outside the count's limits: a name over 300 characters
    const long = path.join(dir, 'long.blt');
    await writeFile(long, `2 1\n1 1 0\n0\n"${'x'.repeat(301)}"\n"B"\n"T"\n`);
    const r2 = await runCli(['count', long, '--method', 'plurality'], env());
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain(`Error: ${long}: candidates.0.name: Too big`);
  }, 60_000);

  it('reads the common dialects: unquoted names, doubled quotes, notes after the title, CRLF', async () => {
    const dialect = path.join(dir, 'dialect.blt');
    const lines = [
      '2 1',
      '(p1) 3 1 0',
      '2 2 1 0',
      '0',
      'The ""Red"" List',
      '"Bob ""B"" Brown"',
      'Ward 7',
      'Source: clerk',
    ];
    // unquoted first name: every name is a whole line (quotes kept as written)
    await writeFile(dialect, lines.join('\r\n') + '\r\n');
    const r = await runCli(['count', dialect, '--method', 'scottish-stv'], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Ward 7');
    expect(r.stdout).toContain('Elected: The ""Red"" List');
    const quoted = path.join(dir, 'quoted.blt');
    await writeFile(quoted, '2 1\n1 1 0\n2 2 0\n0\n"The ""Red"" List"\n"Bob"\n"Bureau"\n"note"\n');
    const q = await runCli(['count', quoted, '--method', 'plurality'], env());
    expect(q.code, q.stderr).toBe(0);
    expect(q.stdout).toMatch(/^The "Red" List\s+1$/m);
    expect(q.stdout).toContain('Elected: Bob');
  }, 60_000);

  it('loads only the counting rules: never the server, the database or a service', async () => {
    const trace = path.join(dir, 'imports.txt');
    const r = await runCli(['count', file, '--method', 'meek'], {
      ...env(),
      NODE_OPTIONS: `--import ${path.resolve('test/support/import-trace.mjs')}`,
      IMPORT_TRACE: trace,
    });
    expect(r.code, r.stderr).toBe(0);
    const loaded = [...new Set((await readFile(trace, 'utf8')).split('\n'))]
      .filter((url) => url.includes('/src/'))
      .map((url) => url.slice(url.indexOf('/src/') + 1));
    expect(loaded).toContain('src/modules/ballot/rules/count/index.ts');
    const outside = loaded.filter(
      (f) =>
        !/^src\/(cli\/(count(-main)?|run)\.ts|contracts\/[\w-]+\.ts|modules\/ballot\/rules\/.+\.ts|platform\/errors\.ts)$/.test(
          f,
        ),
    );
    expect(outside).toEqual([]);
  }, 60_000);

  it('a missing file or an unknown method: a clear message and exit code 1', async () => {
    const missing = await runCli(['count', path.join(dir, 'nope.blt'), '--method', 'meek'], env());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.blt: check the path\./);
    const method = await runCli(['count', file, '--method', 'borda'], env());
    expect(method.code).toBe(1);
    expect(method.stderr).toMatch(/option '--method <method>' argument 'borda' is invalid/);
  }, 60_000);
});
