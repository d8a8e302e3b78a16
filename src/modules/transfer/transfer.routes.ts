// HTTP: deregistration, registration, direct transfer, and the unregistered worklist.
import { expensiveRead, expensiveReadRefused, type ExpensiveReads } from '../../platform/http/expensive-reads.js';
import { createRoute } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, requireActor, policy } from '../../platform/http/openapi.js';
import type { TransferService } from './transfer.service.js';
import {
  DeregisterInput,
  DirectTransferInput,
  RegisterInput,
  TransferResult,
  UnregisteredPage,
  UnregisteredQuery,
} from '../../contracts/transfer.js';

const errors = errorResponses({ 409: 'Changed at the same moment', 422: 'Not allowed in this state' });

const act = (path: string, summary: string, body: typeof DeregisterInput | typeof RegisterInput) =>
  createRoute({
    method: 'post',
    path,
    ...policy('scope'),
    tags: ['transfers'],
    summary,
    request: { body: { required: true, ...json(body) } },
    responses: { 200: { description: 'Done', ...json(TransferResult) }, ...errors },
  });

const deregister = act(
  '/api/transfers/deregister',
  'Deregister a member (in transit; the card stays)',
  DeregisterInput,
);
const register = act('/api/transfers/register', 'Register a member in transit in a receiving body', RegisterInput);
const direct = act(
  '/api/transfers/direct',
  'Transfer a member between two bodies you manage, in one act',
  DirectTransferInput,
);
const unregistered = createRoute({
  method: 'get',
  path: '/api/transfers/unregistered',
  ...policy('scope'),
  tags: ['transfers'],
  summary: "Members last held in a subtree, registered nowhere past the statute's limit",
  request: { query: UnregisteredQuery },
  responses: { 200: { description: 'Worklist', ...json(UnregisteredPage) }, ...errors, ...expensiveReadRefused },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface TransferRouteDeps {
  expensiveReads: ExpensiveReads;
  transfer: TransferService;
}

export function transferRoutes(s: TransferRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(deregister, async (c) =>
      c.json(await s.transfer.deregister(requireActor(c), c.req.valid('json') as DeregisterInput), 200),
    );
    api.openapi(register, async (c) =>
      c.json(await s.transfer.register(requireActor(c), c.req.valid('json') as RegisterInput), 200),
    );
    api.openapi(direct, async (c) =>
      c.json(await s.transfer.transfer(requireActor(c), c.req.valid('json') as DirectTransferInput), 200),
    );
    api.openapi(unregistered, async (c) =>
      c.json(
        await expensiveRead(s.expensiveReads, c, (actor) => s.transfer.unregistered(actor, c.req.valid('query'))),
        200,
      ),
    );
  };
}
