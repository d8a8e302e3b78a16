// HTTP routes of the statistics: size bands of a subtree, a body's statistics.
import { createRoute } from '@hono/zod-openapi';
import type { StatsService } from './stats.service.js';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, policy } from '../../platform/http/openapi.js';
import { expensiveRead, expensiveReadRefused, type ExpensiveReads } from '../../platform/http/expensive-reads.js';
import { IdParam } from '../../contracts/common.js';
import { BodyStats, SizeBands, SizeBandsQuery } from '../../contracts/stats.js';

const errors = { ...errorResponses({ 403: 'Forbidden', 404: 'No such body' }), ...expensiveReadRefused };

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
  request: { params: IdParam },
  responses: { 200: json(BodyStats, 'The statistics'), ...errors },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface StatsRouteDeps {
  expensiveReads: ExpensiveReads;
  stats: StatsService;
}

export function statsRoutes(s: StatsRouteDeps): RouteModule {
  return (api) => {
    api.openapi(sizeBands, async (c) => {
      const bodyId = c.req.valid('query').bodyId;
      return c.json(await expensiveRead(s.expensiveReads, c, (actor) => s.stats.sizeBands(actor, bodyId)), 200);
    });
    api.openapi(bodyStats, async (c) => {
      const id = c.req.valid('param').id;
      return c.json(await expensiveRead(s.expensiveReads, c, (actor) => s.stats.bodyStats(actor, id)), 200);
    });
  };
}
