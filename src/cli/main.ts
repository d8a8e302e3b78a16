// The `antaeus` command: serve, init, demo, migrate, verify (sealed records), import/export members, statistics.
// Every command reads ANTAEUS_DATA (PGlite data folder, default ./data) or DATABASE_URL.
import { Command, InvalidArgumentError, Option } from 'commander';
import { readFile, writeFile, appendFile } from 'node:fs/promises';
import { loadConfig, type Config } from '../platform/config/config.js';
import { AppError } from '../platform/errors.js';
import { migrate } from '../platform/db/migrate.js';
import { openDatabase } from '../platform/db/client.js';
import { withSetupLock } from '../platform/db/first-start.js';
import { openAndMigrate, startServer } from '../app/server.js';
import { createServices } from '../app/compose.js';
import { AuthErrors } from '../modules/auth/auth.errors.js';
import { BANDS, bandText } from '../modules/stats/rules/bands.js';
import { DemoService, DEMO_ACCOUNTS, DEMO_PASSWORD, type LoadResult } from '../modules/demo/demo.service.js';
import { StatutePreset } from '../contracts/statute.js';
import { PASSWORD_MIN_LENGTH } from '../contracts/auth.js';
import type { SizeBands } from '../contracts/stats.js';
import type { RejectedRow } from '../contracts/exchange.js';
import { createProgress } from './progress.js';
import { countCommand } from './count.js';
import { CliErrors, runProgram } from './run.js';

const IMPORT_POLICY =
  'Policy: a file with ANY bad row imports NOTHING. Every rejected row is reported with its line number and reasons ' +
  '(e.g. "line 14: card_number 1000123 already taken"); correct the file and import it again. A good file imports in one transaction.';

function config(): Config {
  return loadConfig();
}

function where(c: Config): string {
  return c.databaseUrl ? `PostgreSQL (${c.databaseUrl.replace(/\/\/[^@]*@/, '//…@')})` : `data folder ${c.dataDir}`;
}

async function withServices<T>(
  fn: (s: ReturnType<typeof createServices>, h: Awaited<ReturnType<typeof openAndMigrate>>) => Promise<T>,
): Promise<T> {
  const handle = await openAndMigrate(config());
  try {
    return await fn(createServices(handle), handle);
  } finally {
    await handle.close();
  }
}

function printAccounts(): void {
  console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.login.padEnd(20)} ${a.role}`);
}

function demoProgress() {
  const bar = createProgress('Demo');
  return {
    onProgress: (p: { phase: string; done: number; total: number }) => bar.update(p.done, p.total, p.phase),
    stop: () => bar.stop(),
  };
}

function printGenerated(r: LoadResult): void {
  console.log(
    `Demo organisation generated: ${r.persons.toLocaleString('en')} members and candidates, ${r.bodies.toLocaleString('en')} bodies, ${r.offices.toLocaleString('en')} offices in ${(r.ms / 1000).toFixed(1)} s.`,
  );
}

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number (0–65535).');
  return n;
}

function formatBands(r: SizeBands): string {
  const lines = [`Primary organisations by size in ${r.body.name} (${r.body.kind}):`];
  for (const b of r.bands) lines.push(`  ${b.band.padEnd(10)} ${String(b.count).padStart(8)}`);
  lines.push(`  ${'total'.padEnd(10)} ${String(r.total).padStart(8)}`);
  lines.push(`  below the statute minimum: ${r.belowMinimum}`);
  return lines.join('\n');
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('antaeus')
    .description('Antaeus: the organisational life of a federated membership organisation.')
    .addHelpText(
      'after',
      '\nConfiguration: ANTAEUS_DATA (PGlite data folder, default ./data), DATABASE_URL (PostgreSQL server instead), PORT, HOST.',
    )
    .showHelpAfterError();

  program
    .command('serve')
    .description(
      'Serve the API and web app. With --demo, generate the demo organisation first when the database is empty.',
    )
    .option('--demo', 'generate the demo organisation if the database holds none, and print the demo accounts')
    .option('--port <port>', 'port to listen on (default PORT or 3000)', port)
    .option('--host <host>', 'address to listen on (default HOST or 127.0.0.1)')
    .action(async (opts: { demo?: boolean; port?: number; host?: string }) => {
      const c = config();
      if (opts.port !== undefined) c.port = opts.port;
      if (opts.host) c.host = opts.host;
      console.log(`Opening ${where(c)}…`);
      const progress = opts.demo ? demoProgress() : null;
      const s = await startServer(c, {
        demo: !!opts.demo,
        ...(progress ? { onDemoProgress: progress.onProgress } : {}),
      }).finally(() => progress?.stop());
      if (opts.demo) printAccounts();
      console.log(
        `Antaeus is ready in ${(s.readyMs / 1000).toFixed(1)} s at ${s.url}  (API document: ${s.url}/api/openapi.json)`,
      );
      const shutdown = () => {
        void s.close().then(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });

  program
    .command('init')
    .description(
      'Found an organisation from a statute preset in an empty database (or one whose first start was interrupted: it starts over).',
    )
    .addOption(new Option('--statute <preset>', 'statute preset').choices(StatutePreset.options).makeOptionMandatory())
    .requiredOption('--name <name>', 'name of the organisation')
    .option('--name-ru <name>', 'name in Russian')
    .option(
      '--admin-login <login>',
      'create a first administrator with this login (holds the first managing office of the root body)',
    )
    .option('--admin-password <password>', 'password of the administrator')
    .action(
      async (opts: {
        statute: StatutePreset;
        name: string;
        nameRu?: string;
        adminLogin?: string;
        adminPassword?: string;
      }) => {
        if (!!opts.adminLogin !== !!opts.adminPassword) throw CliErrors.admin_incomplete();
        if (opts.adminPassword !== undefined && opts.adminPassword.length < PASSWORD_MIN_LENGTH) {
          throw AuthErrors.password_too_short(
            undefined,
            `The administrator's password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
          );
        }
        await withServices(async (s, h) => {
          const demo = new DemoService(h.db, s.statute, { setupLock: (fn) => withSetupLock(h, fn) });
          const r = await demo.initOrganisation({
            name: opts.name,
            nameRu: opts.nameRu ?? null,
            preset: opts.statute,
            ...(opts.adminLogin ? { administrator: { familyName: 'Administrator', givenName: opts.adminLogin } } : {}),
            // The administrator's account is the founding's last step: without it nobody could sign in.
            finish: async (founded) => {
              if (opts.adminLogin && founded.administratorPersonId)
                await s.auth.createAccount({
                  personId: founded.administratorPersonId,
                  login: opts.adminLogin,
                  password: opts.adminPassword!,
                });
            },
            onStart: (startingOver) => {
              if (startingOver)
                console.log('The first start of this database did not finish: emptying it and founding again.');
            },
          });
          console.log(
            `Organisation "${opts.name}" founded with the ${opts.statute} statute (id ${r.organisationId}, root body ${r.rootBodyId}).`,
          );
          if (opts.adminLogin) console.log(`Administrator account: ${opts.adminLogin}`);
        });
      },
    );

  program
    .command('demo')
    .description(
      'Generate the demo organisation (VKP(b), Leningrad, 1,814 primary organisations) into an empty database (or one whose first start was interrupted: it starts over).',
    )
    .action(async () => {
      await withServices(async (s, h) => {
        const demo = new DemoService(h.db, s.statute, { setupLock: (fn) => withSetupLock(h, fn) });
        const progress = demoProgress();
        const r = await demo
          .generateDemo({
            onProgress: progress.onProgress,
            onStart: (startingOver) => {
              if (startingOver)
                console.log(
                  'The first start of this database did not finish: emptying it and generating the demo again.',
                );
            },
          })
          .finally(() => progress.stop());
        printGenerated(r);
        printAccounts();
      });
    });

  program
    .command('migrate')
    .description('Apply pending database migrations.')
    .action(async () => {
      const c = config();
      const where = c.databaseUrl ? { databaseUrl: c.databaseUrl } : { dataDir: c.dataDir };
      const handle = await openDatabase({ ...where, ...(c.db ? { limits: c.db } : {}) });
      try {
        const applied = await migrate(handle);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await handle.close();
      }
    });

  program
    .command('verify')
    .description(
      'Check the chain of sealed records (protocols with their transcripts and notes) against the live records: ' +
        'names every record changed behind the application’s back and exits with 1; prints the head hash to publish.',
    )
    .action(async () => {
      await withServices(async (s) => {
        const bar = createProgress('Verify');
        const r = await s.seal
          .verify({ onProgress: (done, total) => bar.update(done, total, 'sealed records') })
          .finally(() => bar.stop());
        for (const p of r.problems) console.log(`sealed record #${p.seq} "${p.label}": ${p.problem}`);
        if (r.head) console.log(`head: record #${r.head.seq} ${r.head.hash} (sealed ${r.head.sealedAt})`);
        const n = r.records.toLocaleString('en');
        if (r.ok) console.log(`verified ${n} sealed records: ok`);
        else {
          console.log(`verified ${n} sealed records: ${r.problems.length} problem(s)`);
          process.exitCode = 1;
        }
      });
    });

  const imp = program.command('import').description('Import data.');
  imp
    .command('members <file>')
    .description(
      `Import members from a CSV file (columns: family_name, given_name, patronymic, name_ru, sex, birth_year, social_position, status, card_number, joined_on, body_id). ${IMPORT_POLICY}`,
    )
    .option('--body <body>', 'body (id, path or name) for rows whose body_id is empty')
    .addHelpText('after', `\n${IMPORT_POLICY}`)
    .action(async (file: string, opts: { body?: string }) => {
      const csv = await readFile(file).catch(() => {
        throw CliErrors.file_not_found({ file }, `Cannot read ${file}: check the path.`);
      });
      await withServices(async (s) => {
        const bar = createProgress('Import');
        try {
          const r = await s.exchange.importMembers(null, {
            csv,
            ...(opts.body ? { defaultBody: opts.body } : {}),
            onProgress: (p) => bar.update(p.done, p.total, p.phase),
          });
          bar.stop();
          console.log(`Imported ${r.imported} rows from ${file}.`);
        } catch (e) {
          bar.stop();
          const rejected = (e as AppError).details as { rejected?: RejectedRow[] } | undefined;
          if (e instanceof AppError && e.code === 'import_rejected' && rejected?.rejected) {
            console.error(`${rejected.rejected.length} rows were rejected, so nothing was imported:`);
            for (const r of rejected.rejected) console.error(`line ${r.line}: ${r.reasons.join('; ')}`);
            process.exitCode = 1;
            return;
          }
          throw e;
        }
      });
    });

  const exp = program.command('export').description('Export data.');
  exp
    .command('members')
    .description(
      'Export members as CSV (the import columns, so the file imports again). Writes to stdout unless --out is given.',
    )
    .option('--body <body>', 'body (id, path or name) whose subtree to export (default: the whole organisation)')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: { body?: string; out?: string }) => {
      await withServices(async (s) => {
        if (opts.out) await writeFile(opts.out, '');
        const write = opts.out
          ? (chunk: string) => appendFile(opts.out!, chunk)
          : (chunk: string) =>
              new Promise<void>((resolve) => {
                if (process.stdout.write(chunk)) resolve();
                else process.stdout.once('drain', () => resolve());
              });
        const n = await s.exchange.exportMembers(null, { ...(opts.body ? { body: opts.body } : {}), write });
        if (opts.out) console.log(`Exported ${n} rows to ${opts.out}.`);
      });
    });

  const stats = program.command('stats').description('Statistics.');
  stats
    .command('size-bands')
    .description(
      `Number of primary organisations per size band (${BANDS.map(bandText).join(', ')}) in a body's subtree.`,
    )
    .option('--body <body>', 'body id, ltree path or exact name (default: the whole organisation)')
    .option('--json', 'print one JSON object')
    .action(async (opts: { body?: string; json?: boolean }) => {
      await withServices(async (s) => {
        const r = await s.stats.sizeBands(null, opts.body);
        console.log(opts.json ? JSON.stringify(r) : formatBands(r));
      });
    });

  program.addCommand(countCommand());

  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  await runProgram(buildProgram(), argv);
}

await main();
