// HTTP: deregistration, registration, direct transfer, and the unregistered worklist.
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Api, RouteModule } from '../../platform/http/app.js';
import type { AppEnv } from '../../platform/http/env.js';
import { CommonErrors } from '../../platform/errors.js';
import type { Services } from '../../app/compose.js';
import { ErrorBody } from '../../contracts/common.js';
import {
  DeregisterInput,
  DirectTransferInput,
  RegisterInput,
  TransferResult,
  UnregisteredPage,
  UnregisteredQuery,
} from '../../contracts/transfer.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const errors = {
  400: { description: 'Invalid request', ...json(ErrorBody) },
  401: { description: 'Not signed in', ...json(ErrorBody) },
  403: { description: 'Outside your scope', ...json(ErrorBody) },
  404: { description: 'Not found', ...json(ErrorBody) },
  409: { description: 'Changed at the same moment', ...json(ErrorBody) },
  422: { description: 'Not allowed in this state', ...json(ErrorBody) },
};

const act = (path: string, summary: string, body: typeof DeregisterInput | typeof RegisterInput) =>
  createRoute({
    method: 'post',
    path,
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
  tags: ['transfers'],
  summary: "Members last held in a subtree, registered nowhere past the statute's limit",
  request: { query: UnregisteredQuery },
  responses: { 200: { description: 'Worklist', ...json(UnregisteredPage) }, ...errors },
});

function requireActor(c: Context<AppEnv>) {
  const actor = c.get('actor');
  if (!actor) throw CommonErrors.not_signed_in();
  return actor;
}

export function transferRoutes(s: Services): RouteModule {
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
      c.json(await s.transfer.unregistered(requireActor(c), c.req.valid('query')), 200),
    );
  };
}
