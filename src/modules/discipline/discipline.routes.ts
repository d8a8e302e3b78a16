// HTTP: discipline cases, appeals (of cases and review items), penalties and the worklists.
import { expensiveRead, expensiveReadRefused, type ExpensiveReads } from '../../platform/http/expensive-reads.js';
import { createRoute } from '@hono/zod-openapi';
import type { Api, RouteModule } from '../../platform/http/app.js';
import { errorResponses, json, requireActor, policy } from '../../platform/http/openapi.js';
import type { DisciplineService } from './discipline.service.js';
import {
  AnswerInput,
  Appeal,
  AppealList,
  AppealListQuery,
  CaseDetail,
  CaseList,
  CaseListQuery,
  DecideAppealInput,
  DecideCaseInput,
  EscalateInput,
  HearingInput,
  LiftPenaltyInput,
  LodgeAppealInput,
  OpenCaseInput,
  PersonPenalties,
} from '../../contracts/discipline.js';
import { IdParam } from '../../contracts/common.js';

const errors = errorResponses({
  403: 'Not allowed',
  409: 'Conflicts with the current state',
  422: 'Against the statute',
});

const openCase = createRoute({
  method: 'post',
  path: '/api/discipline/cases',
  ...policy('scope'),
  tags: ['discipline'],
  summary: 'Bring a charge against a member or candidate in their primary organisation',
  request: { body: { required: true, ...json(OpenCaseInput) } },
  responses: { 201: { description: 'Charged', ...json(CaseDetail) }, ...errors },
});
const answer = createRoute({
  method: 'post',
  path: '/api/discipline/cases/{id}/answer',
  ...policy('scope'),
  tags: ['discipline'],
  summary: 'The accused answers the charge in writing',
  request: { params: IdParam, body: { required: true, ...json(AnswerInput) } },
  responses: { 200: { description: 'Answered', ...json(CaseDetail) }, ...errors },
});
const hearing = createRoute({
  method: 'post',
  path: '/api/discipline/cases/{id}/hearing',
  ...policy('scope'),
  tags: ['discipline'],
  summary: 'Record the hearing (date, notes)',
  request: { params: IdParam, body: { required: true, ...json(HearingInput) } },
  responses: { 200: { description: 'Heard', ...json(CaseDetail) }, ...errors },
});
const decide = createRoute({
  method: 'post',
  path: '/api/discipline/cases/{id}/decide',
  ...policy('scope'),
  tags: ['discipline'],
  summary: 'The primary organisation decides by vote: a penalty of the statute, or acquittal',
  request: { params: IdParam, body: { required: true, ...json(DecideCaseInput) } },
  responses: { 200: { description: 'Decided', ...json(CaseDetail) }, ...errors },
});
const getCase = createRoute({
  method: 'get',
  path: '/api/discipline/cases/{id}',
  ...policy('scope'),
  tags: ['discipline'],
  summary: 'A discipline case with its appeals and penalty',
  request: { params: IdParam },
  responses: { 200: { description: 'The case', ...json(CaseDetail) }, ...errors },
});
const openCharges = createRoute({
  method: 'get',
  path: '/api/discipline/cases',
  ...policy('scope'),
  tags: ['discipline'],
  summary: "Charges open in a body's subtree (charged, answered, heard)",
  request: { query: CaseListQuery },
  responses: { 200: { description: 'Cases', ...json(CaseList) }, ...errors, ...expensiveReadRefused },
});
const myCases = createRoute({
  method: 'get',
  path: '/api/discipline/my-cases',
  ...policy('self'),
  tags: ['discipline'],
  summary: 'My open cases',
  responses: { 200: { description: 'Cases', ...json(CaseList) }, ...errors },
});
const lodge = createRoute({
  method: 'post',
  path: '/api/appeals',
  ...policy('scope'),
  tags: ['discipline'],
  summary: 'Appeal a decided case or review item to the next higher body',
  request: { body: { required: true, ...json(LodgeAppealInput) } },
  responses: { 201: { description: 'Lodged', ...json(Appeal) }, ...errors },
});
const decideAppeal = createRoute({
  method: 'post',
  path: '/api/appeals/{id}/decide',
  ...policy('scope'),
  tags: ['discipline'],
  summary: 'The appellate body (or control commission) upholds or dismisses an appeal',
  request: { params: IdParam, body: { required: true, ...json(DecideAppealInput) } },
  responses: { 200: { description: 'Decided', ...json(Appeal) }, ...errors },
});
const escalate = createRoute({
  method: 'post',
  path: '/api/appeals/{id}/escalate',
  ...policy('scope'),
  tags: ['discipline'],
  summary: 'Take a dismissed appeal to the control commission',
  request: { params: IdParam, body: { required: true, ...json(EscalateInput) } },
  responses: { 201: { description: 'Lodged', ...json(Appeal) }, ...errors },
});
const getAppeal = createRoute({
  method: 'get',
  path: '/api/appeals/{id}',
  ...policy('scope'),
  tags: ['discipline'],
  summary: 'An appeal',
  request: { params: IdParam },
  responses: { 200: { description: 'The appeal', ...json(Appeal) }, ...errors },
});
const appealsFor = createRoute({
  method: 'get',
  path: '/api/appeals',
  ...policy('scope'),
  tags: ['discipline'],
  summary: 'Appeals awaiting a body (committee or control commission)',
  request: { query: AppealListQuery },
  responses: { 200: { description: 'Appeals', ...json(AppealList) }, ...errors, ...expensiveReadRefused },
});
const penalties = createRoute({
  method: 'get',
  path: '/api/persons/{id}/penalties',
  ...policy('scope'),
  tags: ['discipline'],
  summary: "A person's penalties, active and past",
  request: { params: IdParam },
  responses: { 200: { description: 'Penalties', ...json(PersonPenalties) }, ...errors },
});
const lift = createRoute({
  method: 'post',
  path: '/api/penalties/{id}/lift',
  ...policy('scope'),
  tags: ['discipline'],
  summary: 'Lift a penalty early (a recorded act of the primary organisation)',
  request: { params: IdParam, body: { required: true, ...json(LiftPenaltyInput) } },
  responses: { 200: { description: 'Lifted', ...json(PersonPenalties) }, ...errors },
});

/** The services these routes use (passed by src/app/compose.ts). */
export interface DisciplineRouteDeps {
  discipline: DisciplineService;
  expensiveReads: ExpensiveReads;
}

export function disciplineRoutes(s: DisciplineRouteDeps): RouteModule {
  return (api: Api) => {
    const d = s.discipline;
    api.openapi(openCase, async (c) => c.json(await d.openCase(requireActor(c), c.req.valid('json')), 201));
    api.openapi(openCharges, async (c) =>
      c.json(
        await expensiveRead(s.expensiveReads, c, (actor) => d.openCharges(actor, c.req.valid('query').bodyId)),
        200,
      ),
    );
    api.openapi(myCases, async (c) => c.json(await d.myCases(requireActor(c)), 200));
    api.openapi(getCase, async (c) => c.json(await d.getCase(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(answer, async (c) =>
      c.json(await d.answer(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(hearing, async (c) =>
      c.json(await d.hearing(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(decide, async (c) =>
      c.json(await d.decide(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(lodge, async (c) => c.json(await d.appeals.lodge(requireActor(c), c.req.valid('json')), 201));
    api.openapi(appealsFor, async (c) =>
      c.json(
        await expensiveRead(s.expensiveReads, c, (actor) => d.appeals.pendingFor(actor, c.req.valid('query').bodyId)),
        200,
      ),
    );
    api.openapi(getAppeal, async (c) => c.json(await d.appeals.get(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(decideAppeal, async (c) =>
      c.json(await d.appeals.decide(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
    api.openapi(escalate, async (c) =>
      c.json(await d.appeals.escalate(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    );
    api.openapi(penalties, async (c) => c.json(await d.penaltiesOf(requireActor(c), c.req.valid('param').id), 200));
    api.openapi(lift, async (c) =>
      c.json(await d.liftPenalty(requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
  };
}
