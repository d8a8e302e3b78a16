// Server-sent event streams for large fan-outs. Under @hono/node-server the frames go straight to Node's
// ServerResponse (one `write` per frame, no web-stream machinery: a hall of 5,000 phones costs a few microseconds
// per phone per state); elsewhere (app.request in tests) through Hono's streamSSE. A client whose unsent data
// passes the limit is disconnected: its EventSource reconnects and starts from the current state.
import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { CommonErrors } from '../errors.js';
import type { AppEnv } from './env.js';

/** Live streams one session may hold open at once (a browser over HTTP/1.1 holds at most 6 per site anyway). */
export const MAX_STREAMS_PER_SESSION = 6;

/** Counts the open streams of each session; the one past the limit is refused with 429 too_many_streams. */
export class StreamGate {
  private readonly open = new Map<string, number>();
  constructor(readonly max = MAX_STREAMS_PER_SESSION) {}

  /** Takes a place for one more stream of `session`, or throws; the returned release frees it (once). */
  take(session: string): () => void {
    const n = this.open.get(session) ?? 0;
    if (n >= this.max) throw CommonErrors.too_many_streams();
    this.open.set(session, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(session) ?? 1) - 1;
      if (left > 0) this.open.set(session, left);
      else this.open.delete(session);
    };
  }
}

export interface SseSink {
  /** Sends one chunk (an SSE message or comment); ends the stream when the client is too far behind. */
  write(chunk: Uint8Array | string): void;
  /** Resolves when the client goes away or the stream is ended. */
  ended: Promise<void>;
  end(): void;
}

export interface SseLimits {
  /** Bytes waiting for one client (Node path). */
  maxBufferedBytes: number;
  /** Writes waiting for one client (web-stream path). */
  maxPendingWrites: number;
}

export function sseResponse(
  c: Context<AppEnv>,
  limits: SseLimits,
  session: (sink: SseSink) => Promise<void>,
): Response | Promise<Response> {
  // One place per stream of the signed-in session (its CSRF token is unique to the session), held until it ends.
  const actor = c.get('actor');
  const gate = c.get('streams');
  const release = actor && gate ? gate.take(actor.csrfToken) : () => {};
  const out = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (out && typeof out.writeHead === 'function') {
    out.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    let done!: () => void;
    const ended = new Promise<void>((resolve) => (done = resolve));
    const end = () => {
      release();
      done();
      if (!out.writableEnded) out.end();
    };
    out.on('close', end);
    const sink: SseSink = {
      write(chunk) {
        if (out.writableEnded || out.destroyed) return end();
        if (out.writableLength > limits.maxBufferedBytes) return end();
        out.write(chunk);
      },
      ended,
      end,
    };
    void session(sink).finally(end);
    return RESPONSE_ALREADY_SENT;
  }
  return streamSSE(c, async (stream) => {
    let pending = 0;
    let done!: () => void;
    const ended = new Promise<void>((resolve) => (done = resolve));
    stream.onAbort(() => done());
    const sink: SseSink = {
      write(chunk) {
        if (stream.closed || stream.aborted || pending >= limits.maxPendingWrites) return done();
        pending++;
        void stream.write(chunk).then(() => pending--);
      },
      ended,
      end: () => done(),
    };
    try {
      await session(sink);
    } finally {
      release();
    }
  });
}
