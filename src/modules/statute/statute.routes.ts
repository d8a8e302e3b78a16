// HTTP routes of the statute: the version in force, the history, adopting a version.
import { createRoute, z } from '@hono/zod-openapi';
import type { Services } from '../../app/compose.js';
import type { RouteModule } from '../../platform/http/app.js';
import { CommonErrors } from '../../platform/errors.js';
import type { Actor } from '../../platform/actor.js';
import { AdoptStatuteInput, StatuteVersion } from '../../contracts/statute.js';
import { ErrorBody } from '../../contracts/common.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const errors = {
  400: json(ErrorBody, 'Invalid request'),
  401: json(ErrorBody, 'Not signed in'),
  403: json(ErrorBody, 'Forbidden'),
};

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw CommonErrors.not_signed_in();
  return actor;
}

const getInForce = createRoute({
  method: 'get',
  path: '/api/statute',
  tags: ['statute'],
  summary: "The statute version in force today for the signed-in person's organisation",
  responses: {
    200: json(StatuteVersion, 'The version in force'),
    404: json(ErrorBody, 'No statute in force'),
    ...errors,
  },
});

const listVersions = createRoute({
  method: 'get',
  path: '/api/statute/versions',
  tags: ['statute'],
  summary: 'Every adopted statute version, oldest first',
  responses: { 200: json(z.object({ items: z.array(StatuteVersion) }), 'The versions'), ...errors },
});

const adopt = createRoute({
  method: 'post',
  path: '/api/statute/versions',
  tags: ['statute'],
  summary: 'Adopt a new statute version (central body secretaries only)',
  request: { body: { content: { 'application/json': { schema: AdoptStatuteInput } }, required: true } },
  responses: { 201: json(StatuteVersion, 'The adopted version'), 422: json(ErrorBody, 'Rule violated'), ...errors },
});

export function statuteRoutes(s: Services): RouteModule {
  return (api) => {
    api.openapi(getInForce, async (c) => {
      const actor = signedIn(c.get('actor'));
      return c.json(await s.statute.inForce(actor.organisationId), 200);
    });
    api.openapi(listVersions, async (c) => {
      const actor = signedIn(c.get('actor'));
      return c.json({ items: await s.statute.versions(actor.organisationId) }, 200);
    });
    api.openapi(adopt, async (c) => {
      const actor = signedIn(c.get('actor'));
      return c.json(await s.statute.adopt(actor, c.req.valid('json')), 201);
    });
  };
}
