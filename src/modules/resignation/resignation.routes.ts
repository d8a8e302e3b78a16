// HTTP: resignations — submit, discuss, accept by vote, withdraw, read, and the worklist.
import { expensiveRead, expensiveReadRefused, type ExpensiveReads } from '../../platform/http/expensive-reads.js';
import { createRoute } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, requireActor, policy } from '../../platform/http/openapi.js';
import type { ResignationService } from './resignation.service.js';
import {
  DecideResignationInput,
  DiscussResignationInput,
  Resignation,
  ResignationListQuery,
  ResignationPage,
  SubmitResignationInput,
  WithdrawResignationInput,
} from '../../contracts/resignation.js';
import { IdParam } from '../../contracts/common.js';

const errors = errorResponses({ 409: 'Conflict', 422: 'Not allowed in this state' });
const ok200 = { 200: { description: 'The resignation', ...json(Resignation) }, ...errors };
const ok201 = { 201: { description: 'Submitted', ...json(Resignation) }, ...errors };

const submit = createRoute({
  method: 'post',
  path: '/api/resignations',
  ...policy('self'),
  tags: ['resignations'],
  summary: 'Resign (the signed-in member), with reasons kept as written',
  request: { body: { required: true, ...json(SubmitResignationInput) } },
  responses: ok201,
});
const discuss = createRoute({
  method: 'post',
  path: '/api/resignations/{id}/discussion',
  ...policy('scope'),
  tags: ['resignations'],
  summary: "Record the organisation's discussion",
  request: { params: IdParam, body: { required: true, ...json(DiscussResignationInput) } },
  responses: ok200,
});
const accept = createRoute({
  method: 'post',
  path: '/api/resignations/{id}/acceptance',
  ...policy('scope'),
  tags: ['resignations'],
  summary: 'Accept the resignation by a decision with votes',
  request: { params: IdParam, body: { required: true, ...json(DecideResignationInput) } },
  responses: ok200,
});
const withdraw = createRoute({
  method: 'post',
  path: '/api/resignations/{id}/withdrawal',
  ...policy('scope'),
  tags: ['resignations'],
  summary: 'Withdraw your resignation',
  request: { params: IdParam, body: { required: true, ...json(WithdrawResignationInput) } },
  responses: ok200,
});
const getOne = createRoute({
  method: 'get',
  path: '/api/resignations/{id}',
  ...policy('scope'),
  tags: ['resignations'],
  summary: 'A resignation',
  request: { params: IdParam },
  responses: ok200,
});
const list = createRoute({
  method: 'get',
  path: '/api/resignations',
  ...policy('scope'),
  tags: ['resignations'],
  summary: 'Resignations in a subtree (default: open)',
  request: { query: ResignationListQuery },
  responses: { 200: { description: 'Worklist', ...json(ResignationPage) }, ...errors, ...expensiveReadRefused },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface ResignationRouteDeps {
  expensiveReads: ExpensiveReads;
  resignation: ResignationService;
}

export function resignationRoutes(s: ResignationRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(submit, async (c) => c.json(await s.resignation.submit(requireActor(c), c.req.valid('json')), 201));
    api.openapi(discuss, async (c) =>
      c.json(await s.resignation.discuss(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(accept, async (c) =>
      c.json(await s.resignation.accept(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(withdraw, async (c) =>
      c.json(await s.resignation.withdraw(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(getOne, async (c) => c.json(await s.resignation.get(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(list, async (c) =>
      c.json(await expensiveRead(s.expensiveReads, c, (actor) => s.resignation.list(actor, c.req.valid('query'))), 200),
    );
  };
}
