// Runtime configuration read from the environment, in one place.
import path from 'node:path';

export interface Config {
  /** PGlite data folder, used when no DATABASE_URL is given. */
  dataDir: string;
  /** PostgreSQL server URL; when set, PGlite is not used. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  /** Mark session cookies Secure (set when served over HTTPS). */
  secureCookies: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  return {
    dataDir: path.resolve(env.ANTAEUS_DATA ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    port: Number.isInteger(port) && port > 0 ? port : 3000,
    host: env.HOST ?? '127.0.0.1',
    secureCookies: env.ANTAEUS_SECURE_COOKIES === '1',
  };
}
