// HTTP: elections — a meeting's elections, creating one, nominating candidates, consent, withdrawal, cancelling.
// Putting an election to the vote goes through the vote routes (POST /api/meetings/{id}/votes with electionId).
import { createRoute, z } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, jsonBody, requireActor, policy } from '../../platform/http/openapi.js';
import type { ElectionService } from './election.service.js';
import { IdParam, Uuid } from '../../contracts/common.js';
import { ConsentInput, CreateElectionInput, Election, ElectionList, NominateInput } from '../../contracts/ballot.js';

const CandidateParam = z.object({ id: Uuid, personId: Uuid });
const errors = errorResponses({ 409: 'Already nominated', 422: 'Not allowed by the statute or not now' });

const list = createRoute({
  method: 'get',
  path: '/api/meetings/{id}/elections',
  ...policy('meeting'),
  tags: ['elections'],
  summary: "The meeting's elections with their candidates in ballot order",
  request: { params: IdParam },
  responses: { 200: { description: 'The elections', ...json(ElectionList) }, ...errors },
});
const create = createRoute({
  method: 'post',
  path: '/api/meetings/{id}/elections',
  ...policy('meeting'),
  tags: ['elections'],
  summary:
    'Open an election on an agenda item (chair, presidium or the convening body’s secretaries); delegates’ seats default to the norm of representation',
  request: { params: IdParam, ...jsonBody(CreateElectionInput) },
  responses: { 201: { description: 'The election', ...json(Election) }, ...errors },
});
const get = createRoute({
  method: 'get',
  path: '/api/elections/{id}',
  ...policy('meeting'),
  tags: ['elections'],
  summary: 'An election with its candidates',
  request: { params: IdParam },
  responses: { 200: { description: 'The election', ...json(Election) }, ...errors },
});
const nominate = createRoute({
  method: 'post',
  path: '/api/elections/{id}/candidates',
  ...policy('meeting'),
  tags: ['elections'],
  summary: 'Nominate a full member (a present voting participant, or the chair)',
  request: { params: IdParam, ...jsonBody(NominateInput) },
  responses: { 201: { description: 'The election', ...json(Election) }, ...errors },
});
const consent = createRoute({
  method: 'post',
  path: '/api/elections/{id}/consent',
  ...policy('meeting'),
  tags: ['elections'],
  summary: 'A candidate consents or declines; the chair records consent given aloud (personId)',
  request: { params: IdParam, ...jsonBody(ConsentInput) },
  responses: { 200: { description: 'The election', ...json(Election) }, ...errors },
});
const withdraw = createRoute({
  method: 'post',
  path: '/api/elections/{id}/candidates/{personId}/withdraw',
  ...policy('meeting'),
  tags: ['elections'],
  summary: 'A candidate withdraws (or the chair withdraws them at their request)',
  request: { params: CandidateParam },
  responses: { 200: { description: 'The election', ...json(Election) }, ...errors },
});
const cancel = createRoute({
  method: 'post',
  path: '/api/elections/{id}/cancel',
  ...policy('meeting'),
  tags: ['elections'],
  summary: 'Cancel an election still taking nominations (chair)',
  request: { params: IdParam },
  responses: { 200: { description: 'The election', ...json(Election) }, ...errors },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface ElectionRouteDeps {
  elections: ElectionService;
}

export function electionRoutes(s: ElectionRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(list, async (c) => c.json(await s.elections.list(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(create, async (c) =>
      c.json(await s.elections.create(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    );
    api.openapi(get, async (c) => c.json(await s.elections.get(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(nominate, async (c) =>
      c.json(await s.elections.nominate(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    );
    api.openapi(consent, async (c) =>
      c.json(await s.elections.consent(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(withdraw, async (c) => {
      const { id, personId } = c.req.valid('param');
      return c.json(await s.elections.withdraw(requireActor(c), id, personId), 200);
    });
    api.openapi(cancel, async (c) => c.json(await s.elections.cancel(requireActor(c), c.req.valid('param').id), 200));
  };
}
