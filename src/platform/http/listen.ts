// The Node HTTP server under the Hono app, with its time limits (ADR 0017): a client that sends its headers or body
// too slowly is cut off after `requestTimeoutMs` (a request held open byte by byte holds a connection and memory).
// Only receiving the request is timed: a live event stream that answers for hours is not affected.
import { serve, type ServerType } from '@hono/node-server';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../config/config.js';
import type { Api } from './app.js';

export interface ListenOptions {
  port: number;
  host: string;
  /** Receiving a request's headers and body may take this long (default DEFAULT_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
}

export function listen(app: Api, opts: ListenOptions): Promise<ServerType> {
  const requestTimeout = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: opts.port,
        hostname: opts.host,
        serverOptions: {
          requestTimeout,
          headersTimeout: requestTimeout,
          // Node checks the limits on this interval (default 30 s, which would stretch a short limit).
          connectionsCheckingInterval: Math.max(100, Math.min(5_000, Math.floor(requestTimeout / 4))),
        },
      },
      () => resolve(s),
    );
    s.once('error', reject);
  });
}
