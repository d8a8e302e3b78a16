// HTTP test client: the real app (all modules) on a test database, driven through `app.request`.
// A client keeps the session cookie and sends the CSRF token on writes, like the web app does.
import { createServices, buildHttpApp, type Services } from '../../src/app/compose.js';
import type { Api } from '../../src/platform/http/app.js';
import type { Database } from '../../src/platform/db/client.js';
import { CSRF_HEADER, SESSION_COOKIE, type Me } from '../../src/contracts/auth.js';
import type { DbLimits } from '../../src/platform/config/config.js';
import { openTestDb, type DbKind, type TestDb } from './db.js';

/** Response bodies in tests are read loosely (checked by assertions, not by types). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface TestResponse<T = Loose> {
  status: number;
  body: T;
  headers: Headers;
  /** Raw Set-Cookie headers of this response. */
  setCookies: string[];
}

export interface TestClient {
  /** Signs in; the response body is Me (or an error). */
  login(login: string, password: string): Promise<TestResponse<Me & { error?: Loose }>>;
  logout(): Promise<TestResponse>;
  get<T = Loose>(path: string): Promise<TestResponse<T>>;
  post<T = Loose>(path: string, body?: unknown): Promise<TestResponse<T>>;
  patch<T = Loose>(path: string, body?: unknown): Promise<TestResponse<T>>;
  put<T = Loose>(path: string, body?: unknown): Promise<TestResponse<T>>;
  delete<T = Loose>(path: string): Promise<TestResponse<T>>;
  /** Sends exactly `init` plus the session cookie (no CSRF header, no content type). */
  raw<T = Loose>(path: string, init?: RequestInit): Promise<TestResponse<T>>;
  /** Current session token (undefined when signed out) and CSRF token. */
  readonly sessionToken: string | undefined;
  csrfToken: string | undefined;
}

export interface TestServer {
  kind: DbKind;
  handle: TestDb;
  db: Database;
  services: Services;
  app: Api;
  client(): TestClient;
  close(): Promise<void>;
}

export async function createTestServer(
  kind: DbKind,
  opts: {
    secureCookies?: boolean;
    /** pool size and timeouts of the database client */ db?: Partial<DbLimits>;
    /** reverse proxies whose X-Forwarded-For is believed */ trustedProxies?: string[];
  } = {},
): Promise<TestServer> {
  const handle = await openTestDb(kind, opts.db);
  const services = createServices(handle, {
    ...(opts.secureCookies === undefined ? {} : { secureCookies: opts.secureCookies }),
    ...(opts.trustedProxies ? { trustedProxies: opts.trustedProxies } : {}),
  });
  const app = buildHttpApp(services);
  return { kind, handle, db: handle.db, services, app, client: () => newClient(app), close: () => handle.close() };
}

function newClient(app: Api): TestClient {
  let session: string | undefined;
  let csrf: string | undefined;

  async function send<T>(path: string, init: RequestInit): Promise<TestResponse<T>> {
    const headers = new Headers(init.headers);
    if (session && !headers.has('cookie')) headers.set('cookie', `${SESSION_COOKIE}=${session}`);
    const res = await app.request(path, { ...init, headers });
    const setCookies = res.headers.getSetCookie();
    for (const c of setCookies) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      if (pair!.slice(0, eq).trim() !== SESSION_COOKIE) continue;
      const value = pair!.slice(eq + 1).trim();
      const expired = /max-age=0/i.test(c) || !value;
      session = expired ? undefined : value;
      if (expired) csrf = undefined;
    }
    const text = await res.text();
    let body: Loose = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
    return { status: res.status, body, headers: res.headers, setCookies };
  }

  function write<T>(method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (csrf) headers[CSRF_HEADER] = csrf;
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return send<T>(path, init);
  }

  const client: TestClient = {
    async login(login, password) {
      const res = await write<Me & { error?: Loose }>('POST', '/api/auth/login', { login, password });
      if (res.status === 200) csrf = res.body.csrfToken;
      return res;
    },
    logout: () => write('POST', '/api/auth/logout'),
    get: (path) => send(path, { method: 'GET' }),
    post: (path, body) => write('POST', path, body),
    patch: (path, body) => write('PATCH', path, body),
    put: (path, body) => write('PUT', path, body),
    delete: (path) => write('DELETE', path),
    raw: (path, init = {}) => send(path, init),
    get sessionToken() {
      return session;
    },
    get csrfToken() {
      return csrf;
    },
    set csrfToken(v) {
      csrf = v;
    },
  };
  return client;
}
