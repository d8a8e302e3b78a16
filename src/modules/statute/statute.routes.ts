// HTTP routes of the statute: the version in force, the history, adopting a version.
import { createRoute, z } from '@hono/zod-openapi';
import type { StatuteService } from './statute.service.js';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, jsonBody, requireActor, policy } from '../../platform/http/openapi.js';
import { AdoptStatuteInput, StatuteVersion } from '../../contracts/statute.js';

const errors = errorResponses({ 403: 'Forbidden' });

const getInForce = createRoute({
  method: 'get',
  path: '/api/statute',
  ...policy('organisation'),
  tags: ['statute'],
  summary: "The statute version in force today for the signed-in person's organisation",
  responses: {
    200: json(StatuteVersion, 'The version in force'),
    ...errorResponses({ 403: 'Forbidden', 404: 'No statute in force' }),
  },
});

const listVersions = createRoute({
  method: 'get',
  path: '/api/statute/versions',
  ...policy('organisation'),
  tags: ['statute'],
  summary: 'Every adopted statute version, oldest first',
  responses: { 200: json(z.object({ items: z.array(StatuteVersion) }), 'The versions'), ...errors },
});

const adopt = createRoute({
  method: 'post',
  path: '/api/statute/versions',
  ...policy('scope'),
  tags: ['statute'],
  summary: 'Adopt a new statute version (central body secretaries only)',
  request: jsonBody(AdoptStatuteInput),
  responses: {
    201: json(StatuteVersion, 'The adopted version'),
    ...errorResponses({ 403: 'Forbidden', 422: 'Rule violated' }),
  },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface StatuteRouteDeps {
  statute: StatuteService;
}

export function statuteRoutes(s: StatuteRouteDeps): RouteModule {
  return (api) => {
    api.openapi(getInForce, async (c) => {
      const actor = requireActor(c);
      return c.json(await s.statute.inForce(actor.organisationId), 200);
    });
    api.openapi(listVersions, async (c) => {
      const actor = requireActor(c);
      return c.json({ items: await s.statute.versions(actor.organisationId) }, 200);
    });
    api.openapi(adopt, async (c) => {
      const actor = requireActor(c);
      return c.json(await s.statute.adopt(actor, c.req.valid('json')), 201);
    });
  };
}
