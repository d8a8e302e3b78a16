// HTTP: motions and amendments — list a meeting's motions, move one, amend, support, withdraw, record a minority
// opinion after the vote.
import { createRoute } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, jsonBody, requireActor, policy } from '../../platform/http/openapi.js';
import type { MotionService } from './motion.service.js';
import { IdParam } from '../../contracts/common.js';
import {
  MinorityOpinionInput,
  Motion,
  MotionList,
  ProposeAmendmentInput,
  ProposeMotionInput,
} from '../../contracts/ballot.js';

const errors = errorResponses({
  409: 'Already supported, or an opinion already recorded',
  422: 'Not allowed now (meeting not open, not present, words not found, out of order)',
});

const list = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/motions',
  ...policy('meeting'),
  tags: ['motions'],
  summary: "The meeting's motions and amendments in the order moved, with supporters and minority opinions",
  request: { params: IdParam },
  responses: { 200: { description: 'The motions', ...json(MotionList) }, ...errors },
});
const propose = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/motions',
  ...policy('meeting'),
  tags: ['motions'],
  summary:
    'Move a motion on an agenda item (a present voting participant; the chair or presidium in the name of a body)',
  request: { params: IdParam, ...jsonBody(ProposeMotionInput) },
  responses: { 201: { description: 'The motion', ...json(Motion) }, ...errors },
});
const amend = createRoute({
  method: 'post',
  path: '/api/motions/{id}/amendments',
  ...policy('meeting'),
  tags: ['motions'],
  summary: "Move an amendment: words of the motion's current text and the words to put in their place",
  request: { params: IdParam, ...jsonBody(ProposeAmendmentInput) },
  responses: { 201: { description: 'The amendment', ...json(Motion) }, ...errors },
});
const support = createRoute({
  method: 'post',
  path: '/api/motions/{id}/support',
  ...policy('meeting'),
  tags: ['motions'],
  summary: 'Support (second) a motion or an amendment',
  request: { params: IdParam },
  responses: { 200: { description: 'The motion', ...json(Motion) }, ...errors },
});
const withdraw = createRoute({
  method: 'post',
  path: '/api/motions/{id}/withdraw',
  ...policy('meeting'),
  tags: ['motions'],
  summary: 'The proposer withdraws a motion or an amendment before it is put to the vote',
  request: { params: IdParam },
  responses: { 200: { description: 'The motion', ...json(Motion) }, ...errors },
});
const opinion = createRoute({
  method: 'post',
  path: '/api/motions/{id}/minority-opinions',
  ...policy('meeting'),
  tags: ['motions'],
  summary: 'Record your minority opinion on a motion after its vote (once; printed in the protocol)',
  request: { params: IdParam, ...jsonBody(MinorityOpinionInput) },
  responses: { 201: { description: 'The motion with its opinions', ...json(Motion) }, ...errors },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface MotionRouteDeps {
  motions: MotionService;
}

export function motionRoutes(s: MotionRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(list, async (c) => c.json(await s.motions.list(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(propose, async (c) =>
      c.json(await s.motions.propose(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    );
    api.openapi(amend, async (c) =>
      c.json(await s.motions.amend(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    );
    api.openapi(support, async (c) => c.json(await s.motions.support(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(withdraw, async (c) => c.json(await s.motions.withdraw(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(opinion, async (c) =>
      c.json(await s.motions.minorityOpinion(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    );
  };
}
