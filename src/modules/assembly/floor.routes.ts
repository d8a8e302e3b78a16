// HTTP: the list of speakers — ask for the floor, the list of an item, and the chair's moves (give, end, extend,
// reorder) and withdrawals. Every move answers with the request (or the list) as it now stands.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, jsonBody, requireActor, policy } from '../../platform/http/openapi.js';
import type { FloorService } from './floor.service.js';
import { IdParam, Uuid } from '../../contracts/common.js';
import {
  ExtendTimeInput,
  FloorList,
  FloorMoveInput,
  FloorQuery,
  FloorRequest,
  ReorderFloorInput,
  RequestFloorInput,
} from '../../contracts/assembly.js';

const RequestParam = z.object({ id: Uuid, requestId: Uuid });
const errors = errorResponses({ 409: 'Conflict (already requested, stale revision)', 422: 'Not allowed now' });
const one = { 200: { description: 'The request as it now stands', ...json(FloorRequest) }, ...errors };
const optionalMove = { body: { required: false, ...json(FloorMoveInput) } };

const list = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/floor',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'The list of speakers of an agenda item (default: the item under discussion)',
  request: { params: IdParam, query: FloorQuery },
  responses: { 200: { description: 'The requests', ...json(FloorList) }, ...errors },
});
const ask = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/floor',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary:
    'Ask for the floor on the current item (a present participant); the chair may add anyone present, and reports',
  request: { params: IdParam, ...jsonBody(RequestFloorInput) },
  responses: { 201: { description: 'On the list', ...json(FloorRequest) }, ...errors },
});
const reorder = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/floor/order',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'The chair reorders the waiting queue of the current item (name every waiting request once)',
  request: { params: IdParam, ...jsonBody(ReorderFloorInput) },
  responses: { 200: { description: 'The list in its new order', ...json(FloorList) }, ...errors },
});
const move = (what: 'give' | 'end' | 'withdraw', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/meetings/{id}/floor/{requestId}/${what}`,
    ...policy('meeting'),
    tags: ['assemblies'],
    summary,
    request: { params: RequestParam, ...optionalMove },
    responses: one,
  });
const give = move('give', 'The chair gives the floor (whoever speaks now is ended first)');
const end = move('end', "The chair ends the speaker's time on the floor");
const withdraw = move('withdraw', 'Withdraw a waiting request (your own; the chair may strike any)');
const extend = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/floor/{requestId}/extend',
  ...policy('meeting'),
  tags: ['assemblies'],
  summary: 'The chair gives the speaker more time',
  request: { params: RequestParam, ...jsonBody(ExtendTimeInput) },
  responses: one,
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface FloorRouteDeps {
  floor: FloorService;
}

export function floorRoutes(s: FloorRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(list, async (c) =>
      c.json(await s.floor.list(requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200),
    );
    api.openapi(ask, async (c) =>
      c.json(await s.floor.request(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    );
    api.openapi(reorder, async (c) =>
      c.json(await s.floor.reorder(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(give, async (c) => {
      const p = c.req.valid('param');
      return c.json(await s.floor.give(requireActor(c), p.id, p.requestId, c.req.valid('json')), 200);
    });
    api.openapi(end, async (c) => {
      const p = c.req.valid('param');
      return c.json(await s.floor.end(requireActor(c), p.id, p.requestId, c.req.valid('json')), 200);
    });
    api.openapi(withdraw, async (c) => {
      const p = c.req.valid('param');
      return c.json(await s.floor.withdraw(requireActor(c), p.id, p.requestId, c.req.valid('json')), 200);
    });
    api.openapi(extend, async (c) => {
      const p = c.req.valid('param');
      return c.json(await s.floor.extend(requireActor(c), p.id, p.requestId, c.req.valid('json')), 200);
    });
  };
}
