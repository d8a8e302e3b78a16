// The demo organisation as `antaeus demo` builds it in a PGlite data folder, built once per run (ADR 0023) for the
// suites that start from it: the first suite to ask runs the command, the others wait for it, each gets its own
// copy of the folder and the command's output. Outside the integration tier's globalSetup each call builds its own.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { runCli, type CliRun } from './processes.js';

export interface DemoFolder {
  /** `ANTAEUS_DATA` of this suite's own copy. */
  env: { ANTAEUS_DATA: string };
  /** How `antaeus demo` ended and what it printed. */
  run: CliRun;
  /** Removes the copy. */
  remove: () => Promise<void>;
}

function runDir(): string {
  try {
    return inject('templateDir') ?? '';
  } catch {
    return '';
  }
}

async function exists(file: string): Promise<boolean> {
  return readFile(file).then(
    () => true,
    () => false,
  );
}

/** The run's demo folder (built here by the first caller) and the output of the command that built it. */
async function built(shared: string): Promise<{ data: string; run: CliRun }> {
  const demoDir = path.join(shared, 'demo');
  const result = path.join(demoDir, 'result.json');
  const data = path.join(demoDir, 'data');
  let builder = true;
  await mkdir(demoDir).catch(() => (builder = false));
  if (builder) {
    const run = await runCli(['demo'], { ANTAEUS_DATA: data });
    await writeFile(result, JSON.stringify(run));
  } else {
    while (!(await exists(result))) await new Promise((r) => setTimeout(r, 500));
  }
  return { data, run: JSON.parse(await readFile(result, 'utf8')) as CliRun };
}

/** A PGlite data folder holding the demo, this suite's own (a copy of the run's one). */
export async function demoFolder(prefix: string): Promise<DemoFolder> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const remove = () => rm(dir, { recursive: true, force: true });
  const own = path.join(dir, 'data');
  const shared = runDir();
  if (!shared) return { env: { ANTAEUS_DATA: own }, run: await runCli(['demo'], { ANTAEUS_DATA: own }), remove };
  const { data, run } = await built(shared);
  if (run.code === 0) await cp(data, own, { recursive: true });
  return { env: { ANTAEUS_DATA: own }, run, remove };
}
