// HTTP route of live updates: GET /api/events, a server-sent event stream (ADR 0009).
import { createRoute, z } from '@hono/zod-openapi';
import { sseResponse } from '../../platform/http/sse.js';
import type { EventsService } from './events.service.js';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses, requireActor, policy } from '../../platform/http/openapi.js';
import { MAX_PENDING, type LiveEvent } from './events.service.js';

export const HEARTBEAT_MS = 15_000;
/** A client that cannot keep up is disconnected and reconnects with Last-Event-ID. */
const LIMITS = { maxPendingWrites: MAX_PENDING, maxBufferedBytes: 1024 * 1024 };

const events = createRoute({
  method: 'get',
  path: '/api/events',
  ...policy('filtered'),
  tags: ['events'],
  summary:
    'Live updates: a server-sent event stream, one event per outbox row (event: topic, id: outbox id, data: the ids it concerns); Last-Event-ID replays what was missed',
  responses: {
    200: { description: 'The event stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses(),
  },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface EventsRouteDeps {
  events: EventsService;
}

export function eventsRoutes(s: EventsRouteDeps): RouteModule {
  return (api) => {
    api.openapi(events, async (c) => {
      const actor = requireActor(c);
      const header = c.req.header('last-event-id');
      const lastEventId = header && /^\d{1,15}$/.test(header) ? Number(header) : null;
      return sseResponse(c, LIMITS, async (sink) => {
        sink.write(': connected\n\n');
        const send = (evs: LiveEvent[]) => {
          for (const e of evs) sink.write(`event: ${e.topic}\nid: ${e.id}\ndata: ${JSON.stringify(e.data)}\n\n`);
        };
        const close = await s.events.open(actor, lastEventId, { onEvents: send, onClose: () => sink.end() });
        const heartbeat = setInterval(() => sink.write(': heartbeat\n\n'), HEARTBEAT_MS);
        try {
          await sink.ended;
        } finally {
          clearInterval(heartbeat);
          close();
        }
      });
    });
  };
}
