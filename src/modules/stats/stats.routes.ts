// HTTP routes of the statistics: size bands of a subtree, a body's statistics.
import { createRoute } from '@hono/zod-openapi';
import type { Services } from '../../app/compose.js';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, requireActor, policy } from '../../platform/http/openapi.js';
import { BodyIdParam, BodyStats, SizeBands, SizeBandsQuery } from '../../contracts/stats.js';

const errors = errorResponses({ 403: 'Forbidden', 404: 'No such body' });

const sizeBands = createRoute({
  method: 'get',
  path: '/api/stats/size-bands',
  ...policy('organisation'),
  tags: ['stats'],
  summary: "Primary organisations per size band in a body's subtree (default: the whole organisation)",
  request: { query: SizeBandsQuery },
  responses: { 200: json(SizeBands, 'The size bands'), ...errors },
});

const bodyStats = createRoute({
  method: 'get',
  path: '/api/stats/body/{id}',
  ...policy('organisation'),
  tags: ['stats'],
  summary: "A body's statistics: members, candidates, size bands, social composition, saturation",
  request: { params: BodyIdParam },
  responses: { 200: json(BodyStats, 'The statistics'), ...errors },
});

export function statsRoutes(s: Services): RouteModule {
  return (api) => {
    api.openapi(sizeBands, async (c) => {
      const actor = requireActor(c);
      return c.json(await s.stats.sizeBands(actor, c.req.valid('query').bodyId), 200);
    });
    api.openapi(bodyStats, async (c) => {
      const actor = requireActor(c);
      return c.json(await s.stats.bodyStats(actor, c.req.valid('param').id), 200);
    });
  };
}
