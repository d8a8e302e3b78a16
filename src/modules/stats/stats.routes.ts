// HTTP routes of the statistics: size bands of a subtree, a body's statistics.
import { createRoute, type z } from '@hono/zod-openapi';
import type { Services } from '../../app/compose.js';
import type { RouteModule } from '../../platform/http/app.js';
import { CommonErrors } from '../../platform/errors.js';
import type { Actor } from '../../platform/actor.js';
import { BodyIdParam, BodyStats, SizeBands, SizeBandsQuery } from '../../contracts/stats.js';
import { ErrorBody } from '../../contracts/common.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const errors = {
  400: json(ErrorBody, 'Invalid request'),
  401: json(ErrorBody, 'Not signed in'),
  403: json(ErrorBody, 'Forbidden'),
  404: json(ErrorBody, 'No such body'),
};

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw CommonErrors.not_signed_in();
  return actor;
}

const sizeBands = createRoute({
  method: 'get',
  path: '/api/stats/size-bands',
  tags: ['stats'],
  summary: "Primary organisations per size band in a body's subtree (default: the whole organisation)",
  request: { query: SizeBandsQuery },
  responses: { 200: json(SizeBands, 'The size bands'), ...errors },
});

const bodyStats = createRoute({
  method: 'get',
  path: '/api/stats/body/{id}',
  tags: ['stats'],
  summary: "A body's statistics: members, candidates, size bands, social composition, saturation",
  request: { params: BodyIdParam },
  responses: { 200: json(BodyStats, 'The statistics'), ...errors },
});

export function statsRoutes(s: Services): RouteModule {
  return (api) => {
    api.openapi(sizeBands, async (c) => {
      const actor = signedIn(c.get('actor'));
      return c.json(await s.stats.sizeBands(actor, c.req.valid('query').bodyId), 200);
    });
    api.openapi(bodyStats, async (c) => {
      const actor = signedIn(c.get('actor'));
      return c.json(await s.stats.bodyStats(actor, c.req.valid('param').id), 200);
    });
  };
}
