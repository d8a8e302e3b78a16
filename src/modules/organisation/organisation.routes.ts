// HTTP routes of the organisation tree (reads here; writes in organisation.write.routes.ts).
import { createRoute } from '@hono/zod-openapi';
import type { OrganisationService } from './organisation.service.js';
import type { RouteModule } from '../../platform/http/app.js';
import { IdParam, PageQuery } from '../../contracts/common.js';
import { BodyDetail, BodyList, BodyPage, EnterpriseDetail, OrganisationInfo } from '../../contracts/organisation.js';
import { errorResponses, json, requireActor, policy } from '../../platform/http/openapi.js';
import { organisationWriteRoutes } from './organisation.write.routes.js';

const tags = ['organisation'];
const readErrors = errorResponses({ 403: 'Outside your organisation', 404: 'Unknown id' });

const getOrganisation = createRoute({
  method: 'get',
  path: '/api/organisation',
  ...policy('organisation'),
  tags,
  summary: "The signed-in person's organisation",
  responses: { 200: json(OrganisationInfo, 'The organisation'), ...readErrors },
});

const getRoots = createRoute({
  method: 'get',
  path: '/api/bodies/roots',
  ...policy('organisation'),
  tags,
  summary: 'Root bodies of the organisation, with child and member counts',
  responses: { 200: json(BodyList, 'Root bodies'), ...readErrors },
});

const searchBodies = createRoute({
  method: 'get',
  path: '/api/bodies',
  ...policy('organisation'),
  tags,
  summary: 'Search bodies by name (prefix matches first)',
  request: { query: PageQuery },
  responses: { 200: json(BodyPage, 'A page of bodies'), ...readErrors },
});

const getBody = createRoute({
  method: 'get',
  path: '/api/bodies/{id}',
  ...policy('organisation'),
  tags,
  summary: 'A body with its ancestors, offices, size, enterprise, triangle and saturation',
  request: { params: IdParam },
  responses: { 200: json(BodyDetail, 'The body'), ...readErrors },
});

const getChildren = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/children',
  ...policy('organisation'),
  tags,
  summary: 'Active sub-bodies, with child and member counts and the statute-minimum flag',
  request: { params: IdParam },
  responses: { 200: json(BodyList, 'Sub-bodies'), ...readErrors },
});

const getFlagged = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/flagged',
  ...policy('organisation'),
  tags,
  summary: 'Primary organisations in the subtree below the statute minimum',
  request: { params: IdParam },
  responses: { 200: json(BodyList, 'Flagged primary organisations'), ...readErrors },
});

const getEnterprise = createRoute({
  method: 'get',
  path: '/api/enterprises/{id}',
  ...policy('organisation'),
  tags,
  summary: 'An enterprise with its triangle and saturation',
  request: { params: IdParam },
  responses: { 200: json(EnterpriseDetail, 'The enterprise'), ...readErrors },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface OrganisationRouteDeps {
  organisation: OrganisationService;
}

export function organisationRoutes(s: OrganisationRouteDeps): RouteModule {
  return (api) => {
    const org = s.organisation;
    api.openapi(getOrganisation, async (c) => c.json(await org.info(requireActor(c)), 200));
    api.openapi(getRoots, async (c) => c.json({ items: await org.roots(requireActor(c)) }, 200));
    api.openapi(searchBodies, async (c) => {
      const actor = requireActor(c);
      return c.json(await org.searchBodies(actor, c.req.valid('query')), 200);
    });
    api.openapi(getBody, async (c) => {
      const actor = requireActor(c);
      return c.json(await org.getBody(actor, c.req.valid('param').id), 200);
    });
    api.openapi(getChildren, async (c) => {
      const actor = requireActor(c);
      return c.json({ items: await org.children(actor, c.req.valid('param').id) }, 200);
    });
    api.openapi(getFlagged, async (c) => {
      const actor = requireActor(c);
      return c.json({ items: await org.flagged(actor, c.req.valid('param').id) }, 200);
    });
    api.openapi(getEnterprise, async (c) => {
      const actor = requireActor(c);
      return c.json(await org.getEnterprise(actor, c.req.valid('param').id), 200);
    });
    organisationWriteRoutes(s)(api);
  };
}
