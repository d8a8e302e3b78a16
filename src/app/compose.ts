// Composition root: opens the database, builds the services and the HTTP app.
// The only place that knows every module.
import path from 'node:path';
import type { DbHandle } from '../platform/db/client.js';
import { createApp, type Api } from '../platform/http/app.js';
import { RecordsService } from '../modules/records/records.service.js';
import { StatuteService } from '../modules/statute/statute.service.js';
import { OrganisationService } from '../modules/organisation/organisation.service.js';
import { PersonService } from '../modules/person/person.service.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { StatsService } from '../modules/stats/stats.service.js';
import { ExchangeService } from '../modules/exchange/exchange.service.js';
import { statuteRoutes } from '../modules/statute/statute.routes.js';
import { organisationRoutes } from '../modules/organisation/organisation.routes.js';
import { personRoutes } from '../modules/person/person.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { statsRoutes } from '../modules/stats/stats.routes.js';
import { authMiddleware } from '../modules/auth/auth.middleware.js';

export interface Services {
  statute: StatuteService;
  organisation: OrganisationService;
  person: PersonService;
  auth: AuthService;
  stats: StatsService;
  exchange: ExchangeService;
  records: RecordsService;
}

export function createServices(handle: DbHandle, opts: { secureCookies?: boolean } = {}): Services {
  const records = new RecordsService(handle.db);
  const statute = new StatuteService(handle.db);
  const organisation = new OrganisationService(handle.db, statute);
  const person = new PersonService(handle.db, statute, organisation);
  const auth = new AuthService(handle.db, { secureCookies: opts.secureCookies ?? false }, statute);
  const stats = new StatsService(handle.db, statute, organisation);
  const exchange = new ExchangeService(handle.db, statute, organisation);
  return { statute, organisation, person, auth, stats, exchange, records };
}

export const DEFAULT_WEB_DIR = path.resolve('dist/web');

export function buildHttpApp(services: Services, webDir?: string): Api {
  return createApp({
    modules: [
      authRoutes(services),
      statuteRoutes(services),
      organisationRoutes(services),
      personRoutes(services),
      statsRoutes(services),
    ],
    authenticate: authMiddleware(services.auth),
    ...(webDir ? { webDir } : {}),
  });
}
