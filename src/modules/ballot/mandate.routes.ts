// HTTP: delegates' mandates at a higher conference — the list with each electing body's quota, a mandate entered
// from a paper protocol, and the credentials commission's check (confirm, seating the delegate, or reject).
import { createRoute } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, jsonBody, requireActor, policy } from '../../platform/http/openapi.js';
import type { MandateService } from './mandate.service.js';
import { IdParam } from '../../contracts/common.js';
import { CheckMandateInput, EnterMandateInput, Mandate, MandateList } from '../../contracts/ballot.js';

const errors = errorResponses({ 409: 'Mandate exists or already has this status', 422: 'Not allowed now' });

const list = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/mandates',
  ...policy('meeting'),
  tags: ['mandates'],
  summary: "Delegates' mandates to the meeting, with each electing body's members, quota and delegates sent",
  request: { params: IdParam },
  responses: { 200: { description: 'The mandates', ...json(MandateList) }, ...errors },
});
const enter = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/mandates',
  ...policy('meeting'),
  tags: ['mandates'],
  summary:
    "Enter a mandate from the electing body's protocol (credentials commission or the convening body's secretaries)",
  request: { params: IdParam, ...jsonBody(EnterMandateInput) },
  responses: { 201: { description: 'The mandate', ...json(Mandate) }, ...errors },
});
const check = createRoute({
  method: 'post',
  path: '/api/mandates/{id}/check',
  ...policy('meeting'),
  tags: ['mandates'],
  summary: 'Confirm a mandate (within the quota; seats the delegate) or reject it with a reason',
  request: { params: IdParam, ...jsonBody(CheckMandateInput) },
  responses: { 200: { description: 'The mandate', ...json(Mandate) }, ...errors },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface MandateRouteDeps {
  mandates: MandateService;
}

export function mandateRoutes(s: MandateRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(list, async (c) => c.json(await s.mandates.list(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(enter, async (c) =>
      c.json(await s.mandates.enter(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    );
    api.openapi(check, async (c) =>
      c.json(await s.mandates.check(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
  };
}
