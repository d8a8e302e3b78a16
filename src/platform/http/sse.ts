// Server-sent event streams for large fan-outs. Under @hono/node-server the frames go straight to Node's
// ServerResponse (one `write` per frame, no web-stream machinery: a hall of 5,000 phones costs a few microseconds
// per phone per state); elsewhere (app.request in tests) through Hono's streamSSE. A client whose unsent data
// passes the limit is disconnected: its EventSource reconnects and starts from the current state.
import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';

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
  c: Context,
  limits: SseLimits,
  session: (sink: SseSink) => Promise<void>,
): Response | Promise<Response> {
  const out = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (out && typeof out.writeHead === 'function') {
    out.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    let done!: () => void;
    const ended = new Promise<void>((resolve) => (done = resolve));
    const end = () => {
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
    await session(sink);
  });
}
