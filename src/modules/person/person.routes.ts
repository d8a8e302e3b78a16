// HTTP: persons (search, page, registration, corrections) and a body's member list.
import { createRoute } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, requireActor, policy } from '../../platform/http/openapi.js';
import type { PersonService } from './person.service.js';
import { PersonHistory } from '../../contracts/records.js';
import {
  CreatePersonInput,
  MemberListQuery,
  PersonDetail,
  PersonPage,
  PersonSearchQuery,
  UpdatePersonInput,
} from '../../contracts/person.js';
import { IdParam } from '../../contracts/common.js';

const errors = errorResponses();

const search = createRoute({
  method: 'get',
  path: '/api/persons',
  ...policy('filtered'),
  tags: ['persons'],
  summary: 'Search persons (name prefix, Latin or Cyrillic, or exact card number) in the bodies you manage',
  request: { query: PersonSearchQuery },
  responses: { 200: { description: 'A page of persons', ...json(PersonPage) }, ...errors },
});

const getOne = createRoute({
  method: 'get',
  path: '/api/persons/{id}',
  ...policy('scope'),
  tags: ['persons'],
  summary: "A person's page",
  request: { params: IdParam },
  responses: { 200: { description: 'The person', ...json(PersonDetail) }, ...errors },
});

const history = createRoute({
  method: 'get',
  path: '/api/persons/{id}/history',
  ...policy('scope'),
  tags: ['persons'],
  summary:
    "A person's history: every state change of their membership (who, when, what, why), as the reader may see it",
  request: { params: IdParam },
  responses: {
    200: { description: 'Newest first; for fellow members its public part only', ...json(PersonHistory) },
    ...errors,
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/persons',
  ...policy('scope'),
  tags: ['persons'],
  summary: 'Register a person in a body',
  request: { body: { required: true, ...json(CreatePersonInput) } },
  responses: {
    201: { description: 'Registered', ...json(PersonDetail) },
    ...errorResponses({ 409: 'Card number taken', 422: 'Against the statute' }),
  },
});

const update = createRoute({
  method: 'patch',
  path: '/api/persons/{id}',
  ...policy('scope'),
  tags: ['persons'],
  summary: "Correct a person's names, social position or workplace",
  request: { params: IdParam, body: { required: true, ...json(UpdatePersonInput) } },
  responses: { 200: { description: 'The person', ...json(PersonDetail) }, ...errors },
});

const members = createRoute({
  method: 'get',
  path: '/api/bodies/{id}/members',
  ...policy('scope'),
  tags: ['persons'],
  summary: "Members and candidates registered in a body's subtree (status filter, name or card search)",
  request: { params: IdParam, query: MemberListQuery },
  responses: { 200: { description: 'A page of persons', ...json(PersonPage) }, ...errors },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface PersonRouteDeps {
  person: PersonService;
}

export function personRoutes(s: PersonRouteDeps): RouteModule {
  return (api: Api) => {
    api.openapi(search, async (c) => c.json(await s.person.searchPersons(requireActor(c), c.req.valid('query')), 200));
    api.openapi(getOne, async (c) => c.json(await s.person.getPerson(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(history, async (c) => c.json(await s.person.history(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(create, async (c) => c.json(await s.person.createPerson(requireActor(c), c.req.valid('json')), 201));
    api.openapi(update, async (c) =>
      c.json(await s.person.updatePerson(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(members, async (c) =>
      c.json(await s.person.listMembers(requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200),
    );
  };
}
