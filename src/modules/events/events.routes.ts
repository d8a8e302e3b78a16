// HTTP route of live updates: GET /api/events, a server-sent event stream (ADR 0009).
import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { Services } from '../../app/compose.js';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses, requireActor } from '../../platform/http/openapi.js';
import { MAX_PENDING, type LiveEvent } from './events.service.js';

export const HEARTBEAT_MS = 15_000;

const events = createRoute({
  method: 'get',
  path: '/api/events',
  tags: ['events'],
  summary:
    'Live updates: a server-sent event stream, one event per outbox row (event: topic, id: outbox id, data: the ids it concerns); Last-Event-ID replays what was missed',
  responses: {
    200: { description: 'The event stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses(),
  },
});

export function eventsRoutes(s: Services): RouteModule {
  return (api) => {
    api.openapi(events, async (c) => {
      const actor = requireActor(c);
      const header = c.req.header('last-event-id');
      const lastEventId = header && /^\d{1,15}$/.test(header) ? Number(header) : null;
      return streamSSE(c, async (stream) => {
        let pending = 0;
        let queue: Promise<unknown> = stream.write(': connected\n\n');
        let done!: () => void;
        const ended = new Promise<void>((resolve) => (done = resolve));
        const send = (evs: LiveEvent[]) => {
          if (stream.closed || stream.aborted) return;
          pending += evs.length;
          if (pending > MAX_PENDING) {
            done(); // a client that cannot keep up reconnects with Last-Event-ID
            return;
          }
          queue = queue.then(async () => {
            for (const e of evs) {
              pending--;
              if (!stream.closed)
                await stream.writeSSE({ event: e.topic, id: String(e.id), data: JSON.stringify(e.data) });
            }
          });
        };
        stream.onAbort(() => done());
        const close = await s.events.open(actor, lastEventId, { onEvents: send, onClose: () => done() });
        const heartbeat = setInterval(() => {
          queue = queue.then(() => (stream.closed ? undefined : stream.write(': heartbeat\n\n').then(() => undefined)));
        }, HEARTBEAT_MS);
        try {
          await ended;
        } finally {
          clearInterval(heartbeat);
          close();
          await queue.catch(() => {});
        }
      });
    });
  };
}
