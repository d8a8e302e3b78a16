// The HTTP application: error shape, validation hook, body limit, OpenAPI document, static web app.
// Modules plug in their routes; this file knows no module.
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { AppError, CommonErrors } from '../errors.js';
import { isDatabaseBusy } from '../db/busy.js';
import { RETRY_AFTER_SECONDS, statusOf } from './error-map.js';
import type { AppEnv } from './env.js';
import { bodyLimitTable, MAX_UPLOAD_BYTES, type BodyLimitTable } from './body-limits.js';
import { StreamGate } from './sse.js';

export type Api = OpenAPIHono<AppEnv>;
export type RouteModule = (api: Api) => void;

const DOC_INFO = { openapi: '3.1.0', info: { title: 'Antaeus API', version: '1' } } as const;

/** The OpenAPI 3.1 document of an app (the contract the web app's typed client is generated from, ADR 0022). */
export function openApiDocument(app: Api): ReturnType<Api['getOpenAPI31Document']> {
  return app.getOpenAPI31Document(DOC_INFO);
}

export function newApi(): Api {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw CommonErrors.validation_failed(
          result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        );
      }
    },
  });
}

export interface AppOptions {
  modules: RouteModule[];
  /** Resolves the actor from the request (session cookie) and enforces CSRF on writes. */
  authenticate: MiddlewareHandler<AppEnv>;
  /** Folder of the built web app (index.html); omitted in API-only tests. */
  webDir?: string;
  /** Live streams one session may hold open at once (default MAX_STREAMS_PER_SESSION). */
  maxStreamsPerSession?: number;
}

/**
 * The content security policy of every response: everything from this origin only, no inline script or style
 * markup, no plugins, never framed. Blob and data images are allowed (a generated PDF is downloaded through a blob
 * link; a QR code or chart may be an image).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function errorResponse(err: unknown): { status: number; body: object } {
  if (err instanceof AppError) {
    const body: { code: string; message: string; details?: unknown } = { code: err.code, message: err.message };
    if (err.details !== undefined) body.details = err.details;
    return { status: statusOf[err.kind], body: { error: body } };
  }
  if (err instanceof HTTPException) {
    const mapped =
      err.status === 413
        ? CommonErrors.payload_too_large()
        : /json/i.test(err.message)
          ? CommonErrors.malformed_json()
          : CommonErrors.validation_failed(undefined, err.message || 'The request is not valid.');
    return errorResponse(mapped);
  }
  // The database did not answer in time (a timeout, no free connection): a 503 to retry, never a hang (ADR 0013).
  if (isDatabaseBusy(err)) {
    console.warn(`database busy: ${(err as Error).message}`);
    return errorResponse(CommonErrors.database_busy());
  }
  // Text the database cannot store (a NUL character): the client's mistake, not ours.
  const pgCode = (err as { code?: unknown } | null)?.code;
  if (pgCode === '22021' || pgCode === '22P05')
    return errorResponse(
      CommonErrors.validation_failed(undefined, 'The text contains a character that cannot be stored (NUL).'),
    );
  console.error(err);
  return {
    status: 500,
    body: { error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' } },
  };
}

/** An unpaired UTF-16 surrogate: UTF-8 (and so the database) has no form for it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether any string (or key) in a parsed JSON value holds an unpaired surrogate. */
export function hasLoneSurrogate(v: unknown): boolean {
  if (typeof v === 'string') return LONE_SURROGATE.test(v);
  if (Array.isArray(v)) return v.some(hasLoneSurrogate);
  if (v && typeof v === 'object')
    return Object.entries(v).some(([k, x]) => LONE_SURROGATE.test(k) || hasLoneSurrogate(x));
  return false;
}

export function createApp(opts: AppOptions): Api {
  const app = newApi();
  const streams = new StreamGate(opts.maxStreamsPerSession);
  // Hardened responses (ADR 0017): a strict CSP, never framed, no MIME sniffing, no referrer, nothing cached that
  // the API answers (every API answer is someone's data). HSTS is left to the TLS front that knows the domain.
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
      strictTransportSecurity: false,
    }),
  );
  app.use('/api/*', async (c, next) => {
    c.set('streams', streams);
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });
  app.onError((err, c) => {
    const { status, body } = errorResponse(err);
    if (status === 503 || (err instanceof AppError && err.code === 'too_many_expensive_reads'))
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    // The rest of a refused body is never read: the connection cannot be reused, and the client is told so.
    if (status === 413) c.header('Connection', 'close');
    return c.json(body, status as 400);
  });
  // Limits per route from the request schemas (read once every route is registered).
  let limits: BodyLimitTable | undefined;
  app.use('/api/*', async (c, next) => {
    const isUpload = c.req.path.includes('/import');
    limits ??= bodyLimitTable(app.getOpenAPI31Document(DOC_INFO));
    return bodyLimit({
      maxSize: isUpload ? MAX_UPLOAD_BYTES : limits.limitOf(c.req.method, c.req.path),
      onError: () => {
        throw CommonErrors.payload_too_large();
      },
    })(c, next);
  });
  app.use('/api/*', opts.authenticate);
  // Text that cannot be stored faithfully is refused for every request shape at once, before any route reads it
  // (it reached jsonb columns as a 500, or text columns silently replaced). Malformed JSON is left to the route.
  app.use('/api/*', async (c, next) => {
    if (c.req.method !== 'GET' && /json/i.test(c.req.header('content-type') ?? '')) {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return next();
      }
      if (hasLoneSurrogate(body))
        throw CommonErrors.validation_failed(
          undefined,
          'The text contains an unpaired UTF-16 surrogate (half of a character), which cannot be stored. Correct the text and send it again.',
        );
    }
    return next();
  });
  for (const mod of opts.modules) mod(app);

  app.doc31('/api/openapi.json', DOC_INFO);
  app.all('/api/*', () => {
    throw CommonErrors.route_not_found();
  });

  if (opts.webDir && existsSync(path.join(opts.webDir, 'index.html'))) {
    const root = path.relative(process.cwd(), opts.webDir) || '.';
    const indexFile = path.join(opts.webDir, 'index.html');
    app.use('/assets/*', serveStatic({ root }));
    // A missing asset is a 404, never the app shell served as JavaScript.
    app.get('/assets/*', (c) => c.text('Not found', 404));
    // Read per request: a rebuilt web app is picked up without restarting the server.
    app.get('*', async (c) => c.html(await readFile(indexFile, 'utf8')));
  }
  return app;
}
