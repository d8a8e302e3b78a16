// HTTP: a meeting's live state — GET /live (JSON) and GET /stream (server-sent events: `event: state` with the
// LiveState on connect and after every change, coalesced; heartbeats; a client that falls behind is closed and
// reconnects).
import { createRoute, z } from '@hono/zod-openapi';
import { sseResponse } from '../../platform/http/sse.js';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, requireActor, policy } from '../../platform/http/openapi.js';
import type { LiveService } from './live.service.js';
import { IdParam } from '../../contracts/common.js';
import { LiveState } from '../../contracts/assembly.js';

export const LIVE_HEARTBEAT_MS = 15_000;
/** Writes waiting for one client before its stream is closed (each state replaces the last: it reconnects). */
export const MAX_PENDING_WRITES = 16;
/** Bytes waiting for one client before its stream is closed (about 16 states of a busy meeting). */
export const MAX_BUFFERED_BYTES = 64 * 1024;
const LIMITS = { maxPendingWrites: MAX_PENDING_WRITES, maxBufferedBytes: MAX_BUFFERED_BYTES };

const live = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/live',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: "The meeting's live state: current item, speaker, queue, quorum, counters",
  request: { params: IdParam },
  responses: { 200: { description: 'The live state', ...json(LiveState) }, ...errorResponses() },
});
const stream = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/stream',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: "The meeting's live state as server-sent events (`event: state`, data: LiveState), on connect and on change",
  request: { params: IdParam },
  responses: {
    200: { description: 'The event stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses(),
  },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface LiveRouteDeps {
  live: LiveService;
}

export function liveRoutes(s: LiveRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(live, async (c) => c.json(await s.live.state(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(stream, async (c) => {
      // access is checked before the stream starts, so an outsider gets an ordinary 403/404
      const attach = await s.live.watch(requireActor(c), c.req.valid('param').id);
      return sseResponse(c, LIMITS, async (sink) => {
        sink.write(': connected\n\n');
        const detach = attach({ send: (frame) => sink.write(frame.sse), close: () => sink.end() });
        const heartbeat = setInterval(() => sink.write(': heartbeat\n\n'), LIVE_HEARTBEAT_MS);
        try {
          await sink.ended;
        } finally {
          clearInterval(heartbeat);
          detach();
        }
      });
    });
  };
}
