// The `antaeus` command as a child process: one-shot commands (`runCli`) and a served instance on a free port
// (`serveCli` / `stopCli`). DATABASE_URL is cleared unless the caller sets it, so a PGlite folder is used by default.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve('bin/antaeus.js');

export interface CliRun {
  code: number | null;
  /** The signal that ended the process (e.g. SIGKILL), if one did. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as they arrived. */
  out: string;
}

/** Runs `antaeus <args>` to its end; with `timeoutMs`, a process still running then is killed (SIGTERM). */
export function runCli(args: string[], env: Record<string, string>, timeoutMs?: number): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
    const r: CliRun = { code: null, signal: null, stdout: '', stderr: '', out: '' };
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => ((r.stdout += d.toString()), (r.out += d.toString())));
    child.stderr.on('data', (d: Buffer) => ((r.stderr += d.toString()), (r.out += d.toString())));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ ...r, code, signal });
    });
  });
}

export interface ServedProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed (its whole log). */
  out: string;
}

/** `antaeus serve --port 0 [args]`; resolves with its URL once it prints that it is ready. */
export function serveCli(env: Record<string, string>, timeoutMs = 90_000, args: string[] = []): Promise<ServedProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    const p: ServedProcess = { child, url: '', out: '' };
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${p.out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      p.out += d.toString();
      const m = /ready in .* at (http:\/\/\S+)/.exec(p.out);
      if (m && !p.url) {
        p.url = m[1]!;
        clearTimeout(timer);
        resolve(p);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!p.url) reject(new Error(`server exited ${code}:\n${p.out}`));
    });
  });
}

/** SIGTERM, then SIGKILL after 15 s; resolves when the process has exited. */
export async function stopCli(p: ServedProcess | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  const t = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(t);
}
