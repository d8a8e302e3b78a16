// HTTP routes that change the organisation tree, offices and enterprises.
import { createRoute } from '@hono/zod-openapi';
import type { OrganisationService } from './organisation.service.js';
import type { RouteModule } from '../../platform/http/app.js';
import {
  AssignOfficeInput,
  Body,
  CreateBodyInput,
  CreateEnterpriseInput,
  EndOfficeInput,
  EnterpriseDetail,
  ExtendOfficeInput,
  MergeBodyInput,
  MoveBodyInput,
  Office,
  RenameBodyInput,
} from '../../contracts/organisation.js';
import { IdParam } from '../../contracts/common.js';
import { errorResponses, json, jsonBody, requireActor, policy } from '../../platform/http/openapi.js';

const tags = ['organisation'];
const writeErrors = errorResponses({
  403: 'Outside your organisation',
  404: 'Unknown id',
  409: 'Conflicts with the current state of the tree',
  422: 'The statute does not allow this',
});

const createBody = createRoute({
  method: 'post',
  path: '/api/bodies',
  ...policy('scope'),
  tags,
  summary: 'Create a body under a parent (a primary organisation needs its founding members)',
  request: jsonBody(CreateBodyInput),
  responses: { 201: json(Body, 'The new body'), ...writeErrors },
});

const renameBody = createRoute({
  method: 'patch',
  path: '/api/bodies/{id}',
  ...policy('scope'),
  tags,
  summary: 'Rename a body',
  request: { params: IdParam, ...jsonBody(RenameBodyInput) },
  responses: { 200: json(Body, 'The renamed body'), ...writeErrors },
});

const moveBody = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/move',
  ...policy('scope'),
  tags,
  summary: 'Move a body with its whole subtree under a new parent',
  request: { params: IdParam, ...jsonBody(MoveBodyInput) },
  responses: { 200: json(Body, 'The moved body'), ...writeErrors },
});

const mergeBody = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/merge',
  ...policy('scope'),
  tags,
  summary: 'Merge a body into another of the same kind',
  request: { params: IdParam, ...jsonBody(MergeBodyInput) },
  responses: { 200: json(Body, 'The body merged into'), ...writeErrors },
});

const dissolveBody = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/dissolve',
  ...policy('scope'),
  tags,
  summary: 'Dissolve a body (refused while members remain: transfer them first)',
  request: { params: IdParam },
  responses: { 200: json(Body, 'The dissolved body'), ...writeErrors },
});

const assignOffice = createRoute({
  method: 'post',
  path: '/api/bodies/{id}/offices',
  ...policy('scope'),
  tags,
  summary: 'Assign an office in a body',
  request: { params: IdParam, ...jsonBody(AssignOfficeInput) },
  responses: { 201: json(Office, 'The office'), ...writeErrors },
});

const endOffice = createRoute({
  method: 'post',
  path: '/api/offices/{id}/end',
  ...policy('scope'),
  tags,
  summary:
    'End an office at once (a last day up to today) or shorten its term; by a committee above it, never its holder',
  request: { params: IdParam, ...jsonBody(EndOfficeInput) },
  responses: { 200: json(Office, 'The ended office'), ...writeErrors },
});

const extendOffice = createRoute({
  method: 'post',
  path: '/api/offices/{id}/extend',
  tags,
  ...policy('scope'),
  summary: 'Extend the term of an office in force (a recorded act); by a committee above it, never its holder',
  request: { params: IdParam, ...jsonBody(ExtendOfficeInput) },
  responses: { 200: json(Office, 'The extended office'), ...writeErrors },
});

const createEnterprise = createRoute({
  method: 'post',
  path: '/api/enterprises',
  ...policy('scope'),
  tags,
  summary: 'Create an enterprise and link it to its primary organisation',
  request: jsonBody(CreateEnterpriseInput),
  responses: { 201: json(EnterpriseDetail, 'The enterprise'), ...writeErrors },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface OrganisationWriteRouteDeps {
  organisation: OrganisationService;
}

export function organisationWriteRoutes(s: OrganisationWriteRouteDeps): RouteModule {
  return (api) => {
    const org = s.organisation;
    api.openapi(createBody, async (c) => c.json(await org.createBody(requireActor(c), c.req.valid('json')), 201));
    api.openapi(renameBody, async (c) => {
      const actor = requireActor(c);
      return c.json(await org.renameBody(actor, c.req.valid('param').id, c.req.valid('json')), 200);
    });
    api.openapi(moveBody, async (c) => {
      const actor = requireActor(c);
      return c.json(await org.moveBody(actor, c.req.valid('param').id, c.req.valid('json')), 200);
    });
    api.openapi(mergeBody, async (c) => {
      const actor = requireActor(c);
      return c.json(await org.mergeBody(actor, c.req.valid('param').id, c.req.valid('json')), 200);
    });
    api.openapi(dissolveBody, async (c) => {
      const actor = requireActor(c);
      return c.json(await org.dissolveBody(actor, c.req.valid('param').id), 200);
    });
    api.openapi(assignOffice, async (c) => {
      const actor = requireActor(c);
      return c.json(await org.assignOffice(actor, c.req.valid('param').id, c.req.valid('json')), 201);
    });
    api.openapi(endOffice, async (c) => {
      const actor = requireActor(c);
      return c.json(await org.endOffice(actor, c.req.valid('param').id, c.req.valid('json')), 200);
    });
    api.openapi(extendOffice, async (c) => {
      const actor = requireActor(c);
      return c.json(await org.extendOffice(actor, c.req.valid('param').id, c.req.valid('json')), 200);
    });
    api.openapi(createEnterprise, async (c) => {
      const actor = requireActor(c);
      return c.json(await org.createEnterprise(actor, c.req.valid('json')), 201);
    });
  };
}
