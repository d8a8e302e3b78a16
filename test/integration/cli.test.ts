// The `antaeus` command as a child process on one generated PGlite data folder.
import { MEMBER_CSV_COLUMNS } from '../../src/contracts/exchange.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN, runCli, type CliRun } from '../support/processes.js';
import { readFile, writeFile } from 'node:fs/promises';
import { demoFolder, type DemoFolder } from '../support/shared-demo.js';
import path from 'node:path';

describe('antaeus CLI (PGlite data folder)', () => {
  let dir: string;
  let env: Record<string, string>;
  let demo: CliRun;

  let folder: DemoFolder | undefined;

  beforeAll(async () => {
    // `antaeus demo` into a PGlite folder, run once per test run; this suite works on its own copy
    folder = await demoFolder('antaeus-cli-');
    env = folder.env;
    dir = path.dirname(env.ANTAEUS_DATA!);
    demo = folder.run;
  }, 180_000);
  afterAll(async () => folder?.remove());

  it('generates the demo with progress lines and prints the demo accounts', () => {
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stderr).toMatch(/Demo: persons [\d,]+\/[\d,]+/);
    for (const login of ['cc.secretary', 'district.secretary', 'putilov.secretary', 'member'])
      expect(demo.stdout).toContain(login);
  });

  it('stats size-bands --json prints exactly one JSON object with the seeds’ bands', async () => {
    const r = await runCli(['stats', 'size-bands', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      body: { kind: string };
      bands: { band: string; min: number; max: number | null; count: number }[];
      belowMinimum: number;
      total: number;
    };
    expect(out.body.kind).toBe('central_committee');
    expect(out.bands).toEqual([
      { band: '3-49', min: 3, max: 49, count: 1254 },
      { band: '50-100', min: 50, max: 100, count: 258 },
      { band: '101-1000', min: 101, max: 1000, count: 285 },
      { band: 'over-1000', min: 1001, max: null, count: 17 },
    ]);
    expect(out.total).toBe(1814);
    expect(out.belowMinimum).toBe(0);
  });

  it('stats size-bands --body takes a name; an unknown body is a clear error without a stack trace', async () => {
    const r = await runCli(['stats', 'size-bands', '--json', '--body', 'Kirovsky (Narvsky) district committee'], env);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { total: number; bands: { count: number }[] };
    expect(out.bands[3]!.count).toBeGreaterThanOrEqual(1);
    const bad = await runCli(['stats', 'size-bands', '--body', 'No such committee'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^Error: /);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to generate the demo again, with a clear message', async () => {
    const r = await runCli(['demo'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already holds an organisation/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exports a subtree to a file and reports rejected import rows with line numbers, importing nothing', async () => {
    const out = path.join(dir, 'putilov.csv');
    const e = await runCli(
      [
        'export',
        'members',
        '--body',
        'Primary organisation of the Red Putilovite works (Krasny Putilovets, later Kirov works)',
        '--out',
        out,
      ],
      env,
    );
    expect(e.code, e.stderr).toBe(0);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe(MEMBER_CSV_COLUMNS.join(','));
    expect(lines.length - 1).toBeGreaterThan(4000);
    // Re-importing the export: every member's card is taken, so nothing is imported.
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, [lines[0], lines[1], 'Ivanov,Ivan,,,m,1900,worker,boss,,,,,,'].join('\n'));
    const r = await runCli(['import', 'members', bad], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 3: status must be member, candidate, sympathiser or non_member/);
    expect(r.stderr).toMatch(/nothing was imported/);
  });

  it('restarts on the existing folder without regenerating the demo', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--demo', '--port', '0'], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    let stdout = '';
    const ready = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready: ${stdout}`)), 30_000);
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /ready in [\d.]+ s at (http:\/\/\S+)/.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    try {
      expect(stdout).toMatch(/already holds an organisation/);
      expect(stdout).toContain('putilov.secretary');
      const res = await fetch(`${ready}/api/stats/size-bands`);
      expect(res.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('close', r));
    }
  });
});
