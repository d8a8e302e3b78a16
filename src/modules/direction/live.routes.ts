// HTTP: a round's live roll-up at one body (ADR 0027 §9) — GET /api/direction/rounds/{id}/stream?bodyId= as
// server-sent events: `event: changed` with `{ "n": <counter> }` whenever an act moves the node's figures (at most one
// per 250 ms); the page refetches the roll-up. Heartbeats; a client that falls behind is closed and reconnects.
import { createRoute, z } from '@hono/zod-openapi';
import { sseResponse } from '../../platform/http/sse.js';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, policy, requireActor } from '../../platform/http/openapi.js';
import { IdParam } from '../../contracts/common.js';
import { RollupQuery } from '../../contracts/direction.js';
import type { DirectionLive } from './live.service.js';

export const DIRECTION_HEARTBEAT_MS = 15_000;
const LIMITS = { maxPendingWrites: 16, maxBufferedBytes: 16 * 1024 };

const stream = createRoute({
  method: 'get',
  path: '/api/direction/rounds/{id}/stream',
  ...policy('scope'),
  tags: ['direction'],
  summary: "A body's roll-up changes as server-sent events (`event: changed`, data: { n }); the page refetches",
  request: { params: IdParam, query: RollupQuery },
  responses: {
    200: { description: 'The event stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses({ 403: 'Not allowed', 404: 'Not found' }),
  },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface DirectionLiveRouteDeps {
  live: DirectionLive;
}

export function directionLiveRoutes(s: DirectionLiveRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(stream, async (c) => {
      // scope is checked before the stream starts: an outsider gets an ordinary 403/404
      const attach = await s.live.watch(requireActor(c), c.req.valid('param').id, c.req.valid('query').bodyId);
      return sseResponse(c, LIMITS, async (sink) => {
        sink.write(': connected\n\n');
        const detach = attach({ send: (frame) => sink.write(frame.sse), close: () => sink.end() });
        const heartbeat = setInterval(() => sink.write(': heartbeat\n\n'), DIRECTION_HEARTBEAT_MS);
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
