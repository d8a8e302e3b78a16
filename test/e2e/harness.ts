// Browser-test harness: one real Antaeus server (demo organisation, temporary PGlite data
// folder, free port) and Debian's chromium driven by playwright-core. Screenshots of failures
// go to test-results/. `offline` changes the database while the server is stopped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { openDatabase, type Database } from '../../src/platform/db/client.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RESULTS = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const PASSWORD = 'red-putilovite';
export const LOGINS = {
  cc: 'cc.secretary',
  district: 'district.secretary',
  putilov: 'putilov.secretary',
  member: 'member',
} as const;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /**
   * Stops the server, runs `fn` over its database (the same data folder, opened with the project's own database
   * layer), closes it and starts the server again on the same port and data folder, waiting until it serves: a way
   * for a journey to change what no request may (e.g. time passing). Signed-in browser contexts stay signed in (the
   * sessions are in the database); open pages' live streams reconnect by themselves. Not with E2E_BASE_URL.
   */
  offline: <T>(fn: (db: Database) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

function ensureWebBuilt(): void {
  if (existsSync(path.join(ROOT, 'dist/web/index.html'))) return;
  const r = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build:web failed');
}

async function waitForServer(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`antaeus serve exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/auth/me`);
      if (res.status < 500) {
        const page = await fetch(url);
        if (page.ok && (await page.text()).includes('id="root"')) return;
        throw new Error(`the server does not serve the web app at / (is dist/web built?)\n${log()}`);
      }
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('the server')) throw err;
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`antaeus serve did not answer within ${timeoutMs / 1000} s:\n${log()}`);
}

async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** `antaeus serve --demo` in its own process group, over `dataDir`, on `port`. */
function spawnServer(port: number, dataDir: string, collect: (b: Buffer) => void): ChildProcess {
  const child = spawn(process.execPath, ['bin/antaeus.js', 'serve', '--demo', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, ANTAEUS_DATA: dataDir, PORT: String(port), DATABASE_URL: '', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return child;
}

function signal(child: ChildProcess, sig: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, sig);
  } catch {
    child.kill(sig);
  }
}

/** SIGTERM to the server's process group, then waits up to `graceMs` for it to exit; true when it did. */
async function stopServer(child: ChildProcess, graceMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return true;
  const exited = new Promise((r) => child.once('exit', r));
  signal(child, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs))]);
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Starts `antaeus serve --demo` over a fresh data folder and launches chromium. With E2E_BASE_URL
 * set, uses that already running demo server instead (for working on the tests; not in CI).
 */
export async function startHarness(): Promise<Harness> {
  mkdirSync(RESULTS, { recursive: true });
  const external = process.env.E2E_BASE_URL;
  if (external) {
    const browser = await launchChromium();
    return {
      baseUrl: external.replace(/\/$/, ''),
      browser,
      offline: () =>
        Promise.reject(
          new Error(
            'This step needs the harness’s own server: it stops the server to change its database while it is ' +
              'down, which it cannot do to the external server of E2E_BASE_URL. Run it without E2E_BASE_URL.',
          ),
        ),
      close: () => browser.close().catch(() => undefined),
    };
  }
  ensureWebBuilt();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'antaeus-e2e-'));
  const port = await freePort();
  let output = '';
  const collect = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
  };
  const log = () => output;
  let child = spawnServer(port, dataDir, collect);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!(await stopServer(child, 5000))) signal(child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForServer(baseUrl, child, log, 150_000);
  } catch (err) {
    await stop();
    throw err;
  }
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    await stop();
    throw err;
  }
  const offline = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
    // only after a clean shutdown (the server closes PGlite, so its Postgres stops cleanly): never a killed one's folder
    if (!(await stopServer(child, 30_000)))
      throw new Error(`antaeus serve did not stop within 30 s of SIGTERM:\n${log()}`);
    let result: T;
    try {
      const handle = await openDatabase({ dataDir });
      try {
        result = await fn(handle.db);
      } finally {
        await handle.close();
      }
    } finally {
      // started again whatever happened, so that the journeys after this one still have their server
      output += '\n--- restarted by the harness (offline step) ---\n';
      child = spawnServer(port, dataDir, collect);
      await waitForServer(baseUrl, child, log, 150_000);
    }
    return result;
  };
  return {
    baseUrl,
    browser,
    offline,
    close: async () => {
      await browser.close().catch(() => undefined);
      await stop();
    },
  };
}

function safeName(name: string): string {
  return name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
}

/** Saves a full-page screenshot into test-results/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(RESULTS, `${safeName(name)}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  return file;
}

/**
 * Runs a journey in a fresh browser context (no cookies, English browser); on failure saves
 * a screenshot to test-results/<name>.png and rethrows.
 */
export async function journey(
  h: Harness,
  name: string,
  fn: (page: Page, ctx: BrowserContext) => Promise<void>,
  opts: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<void> {
  const ctx = await h.browser.newContext({
    baseURL: h.baseUrl,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    locale: opts.locale ?? 'en-GB',
  });
  ctx.setDefaultTimeout(20_000);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await fn(page, ctx);
    if (errors.length) throw new Error(`uncaught errors in the page: ${errors.join('; ')}`);
    if (process.env.E2E_SHOTS) await screenshot(page, `ok-${name}`);
  } catch (err) {
    const file = await screenshot(page, `failed-${name}`);
    if (err instanceof Error) err.message += `\n(screenshot: ${file})`;
    throw err;
  } finally {
    await ctx.close();
  }
}

export async function signIn(page: Page, login: string, password = PASSWORD): Promise<void> {
  await page.goto('/signin');
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
  // on a phone the name may sit in the folded menu: present is enough
  await page.locator('.site-header .user-name').waitFor({ state: 'attached' });
}

/** Follows a link of the site's header as a person would: on a phone, through the folded menu first. */
export async function openFromHeader(page: Page, name: string): Promise<void> {
  const toggle = page.locator('.site-header .menu-toggle');
  if (await toggle.isVisible()) {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }
  await page.locator('.site-header').getByRole('link', { name, exact: true }).click();
}

/**
 * What a field of a contract form says about itself: whether it is marked invalid, and the field message that its
 * aria-describedby names (the text under it; '' when none).
 */
export async function fieldSays(field: Locator): Promise<{ invalid: string | null; message: string }> {
  return field.evaluate((el) => ({
    invalid: el.getAttribute('aria-invalid'),
    message: (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .filter((m) => m?.classList.contains('field-error'))
      .map((m) => m!.textContent ?? '')
      .join(' '),
  }));
}
