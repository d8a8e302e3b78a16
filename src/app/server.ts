// Starts the Antaeus server: opens the database (PGlite data folder or DATABASE_URL), migrates,
// optionally generates the demo organisation (only into an empty database, or one whose first start was
// interrupted: it starts over, ADR 0018), builds the services and the HTTP app, and listens. A database whose
// first start was interrupted is never served.
import type { AddressInfo } from 'node:net';
import { secureCookiesFor, type Config } from '../platform/config/config.js';
import { openDatabase, type DbHandle } from '../platform/db/client.js';
import { migrate } from '../platform/db/migrate.js';
import { listen } from '../platform/http/listen.js';
import { withSetupLock } from '../platform/db/first-start.js';
import { AppError } from '../platform/errors.js';
import { DemoService, type LoadResult, type ProgressFn } from '../modules/demo/demo.service.js';
import { DemoErrors } from '../modules/demo/demo.errors.js';
import { buildHttpApp, createServices, DEFAULT_WEB_DIR, type Services } from './compose.js';

export interface ServerOptions {
  /** Generate the demo organisation when the database holds no organisation. */
  demo?: boolean;
  onDemoProgress?: ProgressFn;
  log?: (line: string) => void;
  webDir?: string;
}

export interface RunningServer {
  url: string;
  handle: DbHandle;
  services: Services;
  /** The demo generation, when it ran in this start. */
  demo: LoadResult | null;
  /** Milliseconds from start to listening. */
  readyMs: number;
  close(): Promise<void>;
}

export async function openAndMigrate(config: Config): Promise<DbHandle> {
  const where = config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir };
  const handle = await openDatabase({ ...where, ...(config.db ? { limits: config.db } : {}) });
  try {
    await migrate(handle);
  } catch (e) {
    await handle.close();
    throw e;
  }
  return handle;
}

export async function startServer(config: Config, opts: ServerOptions = {}): Promise<RunningServer> {
  const started = performance.now();
  const log = opts.log ?? ((l: string) => console.log(l));
  const handle = await openAndMigrate(config);
  let created: Services | undefined;
  try {
    const services = createServices(handle, {
      secureCookies: secureCookiesFor(config),
      trustedProxies: config.trustedProxies ?? [],
    });
    created = services;
    let demo: LoadResult | null = null;
    const demoService = new DemoService(handle.db, services.statute, {
      setupLock: (fn) => withSetupLock(handle, fn),
    });
    if (opts.demo) {
      try {
        demo = await demoService.generateDemo({
          ...(opts.onDemoProgress ? { onProgress: opts.onDemoProgress } : {}),
          onStart: (startingOver) =>
            log(
              startingOver
                ? 'The first start of this database did not finish: emptying it and generating the demo organisation again…'
                : 'Generating the demo organisation…',
            ),
        });
        log(
          `Demo generated: ${demo.persons.toLocaleString('en')} persons in ${demo.bodies.toLocaleString('en')} bodies, ${(demo.ms / 1000).toFixed(1)} s.`,
        );
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'organisation_exists')) throw e;
        log(
          'The database already holds an organisation: serving it (the demo is generated only into an empty database).',
        );
      }
    } else if ((await demoService.setupState()) === 'interrupted') {
      throw DemoErrors.first_start_interrupted();
    }
    await services.events.start();
    services.directionTicker.start();
    const app = buildHttpApp(services, opts.webDir ?? DEFAULT_WEB_DIR);
    const server = await listen(app, {
      port: config.port,
      host: config.host,
      ...(config.requestTimeoutMs !== undefined ? { requestTimeoutMs: config.requestTimeoutMs } : {}),
    });
    const addr = server.address() as AddressInfo;
    const url = `http://${config.host}:${addr.port}`;
    const readyMs = Math.round(performance.now() - started);
    return {
      url,
      handle,
      services,
      demo,
      readyMs,
      close: async () => {
        // End the live event streams first: open streams would keep server.close() waiting.
        await services.live.stop();
        await services.directionLive.stop();
        await services.directionTicker.stop();
        await services.events.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await handle.close();
      },
    };
  } catch (e) {
    await created?.live.stop().catch(() => {});
    await created?.directionLive.stop().catch(() => {});
    await created?.directionTicker.stop().catch(() => {});
    await created?.events.stop().catch(() => {});
    await handle.close();
    throw e;
  }
}
